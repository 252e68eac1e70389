// Micro-benchmark of what recording a Media Streams call costs per 20 ms frame: the recorder
// tap's work on the audio path (a caller frame in: base64 + μ-law decode + copy into the
// timeline; an agent frame out: decode + playhead; marks; the batch handed to the writer once a
// second), and, apart, the file writes it causes (async, off the audio path). Prints figures,
// asserts nothing.
//   npx tsx bench/recording-bench.ts [minutes-of-call] [concurrent-calls]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaFrame } from '../src/carriers/twilio/media-frames.js';
import { CallRecorder } from '../src/recordings/call-recorder.js';
import { WavFileWriter } from '../src/recordings/wav-file.js';

const minutes = Number(process.argv[2] ?? 2);
const calls = Number(process.argv[3] ?? 20);
const framesPerCall = minutes * 60 * 50;
const dir = mkdtempSync(join(tmpdir(), 'agentline-rec-bench-'));

const payload = Buffer.alloc(160);
for (let i = 0; i < 160; i++) payload[i] = (i * 37) & 0xff;
const b64 = payload.toString('base64');

async function run(): Promise<void> {
  let t = 0; // the calls' clock: 20 ms per frame, all calls in step
  const writers: WavFileWriter[] = [];
  const taps = Array.from({ length: calls }, (_, i) => {
    const w = new WavFileWriter(join(dir, `call-${i}.wav`));
    writers.push(w);
    return new CallRecorder({ sink: w, onClose: () => {}, now: () => t });
  });
  let tapMs = 0;
  let frames = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let f = 0; f < framesPerCall; f++) {
    t = f * 20;
    const inbound = { event: 'media', media: { track: 'inbound', timestamp: String(t), payload: b64 } } as MediaFrame;
    const s = performance.now();
    for (const tap of taps) {
      tap.inbound(inbound);
      // The agent talks half the time, a mark after every 10 frames, a barge-in now and then.
      if (f % 400 < 200) {
        tap.outbound({ event: 'media', payload });
        if (f % 10 === 9) tap.outbound({ event: 'mark', name: `m${f}` });
        if (f % 10 === 0 && f > 0) tap.inbound({ event: 'mark', mark: { name: `m${f - 1}` } } as MediaFrame);
      }
      if (f % 1000 === 999) tap.outbound({ event: 'clear' });
    }
    tapMs += performance.now() - s;
    frames += calls;
    // Let the writes run once per second of call audio, as the event loop would.
    if (f % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  for (const tap of taps) tap.close();
  const results = await Promise.all(writers.map((w) => w.finish()));
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  const bytes = results.reduce((s, r) => s + r.sizeBytes, 0);
  console.log(`recording: ${calls} calls × ${minutes} min (${frames.toLocaleString()} caller frames, agent audio half the time)`);
  console.log(`  on the audio path: ${((tapMs * 1000) / frames).toFixed(2)} µs per frame (caller frame in + agent frame out + marks)`);
  console.log(`  all of it incl. file writes: ${(((cpu.user + cpu.system) / frames)).toFixed(2)} µs CPU per frame; ${(wallMs / 1000).toFixed(2)} s wall for ${((frames * 20) / 60_000).toFixed(0)} call-minutes`);
  console.log(`  written: ${(bytes / 1e6).toFixed(1)} MB (${((bytes / calls / minutes) / 1e6).toFixed(2)} MB per call-minute), duration per file ${results[0]!.durationSeconds} s`);
}

try {
  await run();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
