import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serveParent, summarize } from './shared.js';
import { TTS_FRAME_SAMPLES, ttsPatternPcm } from './stream-pattern.js';

// A fake OpenAI-compatible speech server with FIXED latencies, in its own process (one for STT,
// one for TTS: BENCH_SPEECH_ROLE), so neither shares an event loop with the gateway or the other.
//   stt: POST /v1/audio/transcriptions → {"text": …} exactly BENCH_STT_MS after the whole upload
//        was read.
//   tts: POST /v1/audio/speech → 200 audio/pcm, the first chunk BENCH_TTS_FIRST_BYTE_MS after
//        the request was read, then the rest of the clause at BENCH_TTS_SPEED × real time in
//        100 ms chunks. Every clause is BENCH_TTS_CLAUSE_MS of the frame pattern of
//        stream-pattern.ts (a level per 20 ms), so the carrier can tell a lost or reordered frame.
// Each timer's *actual* delay is recorded; `stats` returns their summaries.

const ROLE = process.env.BENCH_SPEECH_ROLE;
const STT_MS = Number(process.env.BENCH_STT_MS ?? 120);
const FIRST_BYTE_MS = Number(process.env.BENCH_TTS_FIRST_BYTE_MS ?? 80);
const CLAUSE_MS = Number(process.env.BENCH_TTS_CLAUSE_MS ?? 600);
const SPEED = Number(process.env.BENCH_TTS_SPEED ?? 2);
const CHUNK_FRAMES = 5; // 100 ms per chunk
const TRANSCRIPT = JSON.stringify({ text: 'I would like to book an appointment for next Tuesday.' });
if (ROLE !== 'stt' && ROLE !== 'tts') throw new Error('BENCH_SPEECH_ROLE must be stt or tts');

const clause = ttsPatternPcm(Math.round(CLAUSE_MS / 20));
const chunkBytes = CHUNK_FRAMES * TTS_FRAME_SAMPLES * 2;
const actual: number[] = [];
let requests = 0;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const receivedAt = performance.now();
    requests++;
    const path = (req.url ?? '').split('?')[0];
    if (ROLE === 'stt' && req.method === 'POST' && path === '/v1/audio/transcriptions') {
      setTimeout(() => {
        actual.push(performance.now() - receivedAt);
        res.writeHead(200, { 'content-type': 'application/json' }).end(TRANSCRIPT);
      }, STT_MS);
      return;
    }
    if (ROLE === 'tts' && req.method === 'POST' && path === '/v1/audio/speech') {
      setTimeout(() => {
        if (res.destroyed) return;
        actual.push(performance.now() - receivedAt);
        res.writeHead(200, { 'content-type': 'audio/pcm' });
        let at = 0;
        const next = () => {
          if (res.destroyed) return;
          res.write(clause.subarray(at, at + chunkBytes));
          at += chunkBytes;
          if (at >= clause.length) res.end();
          else setTimeout(next, (CHUNK_FRAMES * 20) / SPEED);
        };
        next();
      }, FIRST_BYTE_MS);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
serveParent(
  (cmd) => {
    if (cmd === 'reset') {
      actual.length = 0;
      requests = 0;
      return null;
    }
    return { requests, actualMs: summarize(actual) };
  },
  async () => void server.close(),
);
