import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serveParent, summarize } from './shared.js';

// The fake SSE agent, in its own process: answers every chat-completions POST with a role chunk
// at once, the first content delta exactly BENCH_AGENT_TTFT_MS later, then a few more deltas and
// [DONE]. The first delta carries the agent's *actual* time to first token, measured here from
// the moment the whole request was read to the moment the delta is written, as `[ttft=12.345]`,
// so the carrier can subtract what the agent really took (timers fire late under load).
// An `x-bench-ttft-ms` request header overrides the TTFT (the loopback baseline uses 0).
// The stream run sets BENCH_AGENT_DELTAS (a JSON array: the first delta, then the rest) and
// BENCH_AGENT_MARKER=0: its reply is spoken, and the carrier cannot read a marker in audio.

const TTFT_MS = Number(process.env.BENCH_AGENT_TTFT_MS ?? 100);
const DELTAS = JSON.parse(process.env.BENCH_AGENT_DELTAS ?? '["Hello"," there,"," how can"," I help"," you today?"]') as string[];
const MARKER = process.env.BENCH_AGENT_MARKER !== '0';
const FIRST = DELTAS[0] ?? 'Hello';
const REST = DELTAS.slice(1);
const GAP_MS = 10;
const actual: number[] = []; // each turn's actual TTFT, for `stats`

const chunk = (delta: Record<string, string>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const receivedAt = performance.now();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunk({ role: 'assistant' }));
    const ttftMs = Number(req.headers['x-bench-ttft-ms'] ?? TTFT_MS);
    setTimeout(() => {
      const ttft = performance.now() - receivedAt;
      if (ttftMs === TTFT_MS) actual.push(ttft);
      res.write(chunk({ content: MARKER ? `[ttft=${ttft.toFixed(3)}] ${FIRST}` : FIRST }));
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i < REST.length) {
          res.write(chunk({ content: REST[i++]! }));
          setTimeout(next, GAP_MS);
        } else {
          res.end(chunk({}, 'stop') + 'data: [DONE]\n\n');
        }
      };
      setTimeout(next, GAP_MS);
    }, ttftMs);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
serveParent(
  (cmd) => {
    if (cmd === 'reset') actual.length = 0;
    return cmd === 'stats' ? { actualMs: summarize(actual) } : null;
  },
  async () => void server.close(),
);
