import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, platform, release, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../src/carriers/twilio/signature.js';
import { CALL_TOOLS } from '../src/calls/tools.js';
import { connectRelayCaller, type RelayCaller } from '../test/fakes/fake-relay-caller.js';
import { ACCOUNT_SID, AUTH_TOKEN, type Child, PUBLIC_URL, startChild, type Summary, summarize } from './shared.js';
import { runStreamBench } from './stream-bench.js';

// `npm run bench`: the voice latency benchmark, two runs: ConversationRelay (this file) and
// Media Streams (stream-bench.ts). `npm run bench -- --only relay` or `--only stream` runs one.
//
// The relay run has three processes, so none shares an event loop:
//   gateway-process.ts  the real gateway (buildApp, SQLite, the Twilio routes) on loopback,
//                       a fresh one for each N
//   agent-process.ts    a fake SSE agent with a fixed time to first token (TTFT)
//   this process        the fake carrier: N ConversationRelay calls, one prompt per second each
//
// How "gateway-added latency" is computed, per turn:
//   raw      = time the first `text` frame reaches the carrier − time the `prompt` was sent
//   overhead = raw − the agent's actual TTFT for that turn (measured inside the agent, from the
//              whole request read to the first delta written, and carried in that delta)
//   added    = overhead − loopback baseline p50
// The loopback baseline is what one HTTP hop to the agent costs with no gateway in between: this
// process POSTs the same kind of request straight to the agent (a fresh connection each time, as
// the gateway does), one at a time on an idle system before each run, with the agent's TTFT set
// to 0 so it takes little time, and takes (first delta received − agent's actual TTFT).
// So `added` is the gateway's own work: the relay WebSocket in and out, session and turn
// handling, building and signing the agent request, parsing the SSE stream.
// Turns in the first BENCH_WARMUP_SECONDS of a run are excluded. Nothing here asserts timings.

const env = process.env;
const NS = (env.BENCH_N ?? '50,200').split(',').map((s) => Number(s.trim()));
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const WARMUP_S = Number(env.BENCH_WARMUP_SECONDS ?? 3);
const TTFT_MS = Number(env.BENCH_AGENT_TTFT_MS ?? 100);
const BASELINE_SAMPLES = 200;
const BASELINE_WARMUP = 50;
const MARKER = /\[ttft=([\d.]+)\]/;
if ([...NS, SECONDS, WARMUP_S, TTFT_MS].some((n) => !Number.isFinite(n) || n < 0) || NS.some((n) => n < 1)) {
  throw new Error('BENCH_N (e.g. 50,200), BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_AGENT_TTFT_MS must be positive numbers');
}

interface Turn {
  measured: boolean;
  sentAt: number;
  firstAt?: number;
  agentTtft?: number;
}
interface BenchCall {
  caller: RelayCaller;
  turns: Turn[];
}
interface Memory {
  rss: number;
  heapUsed: number;
}
interface GatewaySample {
  liveCalls: number;
  elapsedMs: number;
  cpuMs: number;
  eldP50Ms: number;
  eldP99Ms: number;
  eldMaxMs: number;
  rss: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const sleepUntil = (at: number) => sleep(at - performance.now());

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Runs `fn` over 0..count-1 with at most `limit` in flight. */
async function pool<T>(count: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  }));
  return out;
}

const agentBody = (turn: number) =>
  JSON.stringify({
    model: 'custom',
    messages: [
      { role: 'system', content: 'You are a helpful test agent.' },
      { role: 'assistant', content: 'Hi, this is the bench agent.' },
      { role: 'user', content: `Turn ${turn}: what are your opening hours?` },
    ],
    stream: true,
    metadata: { call_id: 'call_BENCH', number_id: 'num_BENCH', from: '+15005550006', to: '+14155550100', direction: 'inbound', channel: 'voice' },
    tools: CALL_TOOLS,
  });

/** One request straight to the agent: ms from sending it to its first delta, minus the agent's TTFT. */
function directTurn(agentUrl: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sentAt = performance.now();
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-bench-ttft-ms': '0' };
    const req = request(`${agentUrl}/agent`, { method: 'POST', agent: false, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
        const m = MARKER.exec(text);
        if (!m) return;
        resolve(performance.now() - sentAt - Number(m[1]));
        res.destroy();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function openCall(gw: { port: number; phone: string }): Promise<BenchCall> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const from = '+15005550006';
  const params = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: gw.phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' };
  const res = await fetch(`http://127.0.0.1:${gw.port}/carrier/twilio/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC_URL}/carrier/twilio/voice`, params) },
    body: new URLSearchParams(params).toString(),
  });
  const twiml = await res.text();
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(twiml)?.[1];
  if (res.status !== 200 || !callId) throw new Error(`voice webhook ${res.status}: ${twiml.slice(0, 300)}`);
  const caller = await connectRelayCaller({
    wsUrl: `ws://127.0.0.1:${gw.port}/carrier/twilio/relay`,
    signedUrl: `${PUBLIC_URL.replace(/^https/, 'wss')}/carrier/twilio/relay`,
    authToken: AUTH_TOKEN,
    setup: { callSid, from, to: gw.phone, direction: 'inbound' },
    customParameters: { callId },
  });
  const call: BenchCall = { caller, turns: [] };
  caller.onFrame((frame) => {
    const turn = call.turns.at(-1);
    if (!turn || turn.firstAt !== undefined || frame.type !== 'text' || typeof frame.token !== 'string' || frame.token === '') return;
    turn.firstAt = performance.now();
    const m = MARKER.exec(frame.token);
    if (m) turn.agentTtft = Number(m[1]); // no marker: the gateway's fallback line, a failed turn
  });
  return call;
}

async function runOnce(n: number, gateway: Child, agentUrl: string) {
  const gw = gateway.ready as { port: number; phone: string };
  const direct = await pool(BASELINE_WARMUP + BASELINE_SAMPLES, 1, (i) => directTurn(agentUrl, agentBody(i)));
  const baseline = summarize(direct.slice(BASELINE_WARMUP));
  const idle = await gateway.call<Memory>('memory');

  const calls = await pool(n, 20, () => openCall(gw));
  await until(`${n} live sessions`, async () => (await gateway.call<GatewaySample>('sample')).liveCalls === n);

  // Call i speaks at start + i/N s, then every second: the prompts are spread evenly.
  const start = performance.now() + 200;
  const windowStart = start + WARMUP_S * 1000;
  const windowEnd = windowStart + SECONDS * 1000;
  const carrierLoop = monitorEventLoopDelay({ resolution: 1 });
  carrierLoop.enable();
  const window = (async () => {
    await sleepUntil(windowStart);
    await gateway.call('reset');
    carrierLoop.reset();
    await sleepUntil(windowEnd);
    return gateway.call<GatewaySample>('sample');
  })();
  await Promise.all(
    calls.map(async (call, i) => {
      for (let k = 0; k < WARMUP_S + SECONDS; k++) {
        await sleepUntil(start + (i * 1000) / n + k * 1000);
        call.turns.push({ measured: k >= WARMUP_S, sentAt: performance.now() });
        call.caller.prompt(`Turn ${k}: what are your opening hours?`);
      }
    }),
  );
  const loaded = await window;
  const open = await gateway.call<Memory>('memory'); // after a full GC, calls still open
  const carrierLoopP99 = Math.max(0, carrierLoop.percentile(99) / 1e6 - 1);
  carrierLoop.disable();
  await sleep(TTFT_MS + 500); // the last replies

  await Promise.all(calls.map((c) => c.caller.hangup()));
  await until('the calls to close', async () => (await gateway.call<GatewaySample>('sample')).liveCalls === 0);

  const turns = calls.flatMap((c) => c.turns.filter((t) => t.measured));
  const ok = turns.filter((t) => t.firstAt !== undefined && t.agentTtft !== undefined);
  const overhead = ok.map((t) => t.firstAt! - t.sentAt - t.agentTtft!);
  const callSeconds = (n * loaded.elapsedMs) / 1000;
  return {
    n,
    turns: turns.length,
    failedTurns: turns.length - ok.length,
    addedMs: summarize(overhead.map((v) => v - baseline.p50)),
    overheadMs: summarize(overhead),
    promptToFirstTokenMs: summarize(ok.map((t) => t.firstAt! - t.sentAt)),
    agentTtftMs: summarize(ok.map((t) => t.agentTtft!)),
    loopbackBaselineMs: baseline,
    gateway: {
      eventLoopDelayP50Ms: loaded.eldP50Ms,
      eventLoopDelayP99Ms: loaded.eldP99Ms,
      eventLoopDelayMaxMs: loaded.eldMaxMs,
      cpuPercentOfOneCore: (loaded.cpuMs / loaded.elapsedMs) * 100,
      cpuMsPerCallSecond: loaded.cpuMs / callSeconds,
      rssIdleMB: idle.rss / 2 ** 20,
      rssLoadedMB: loaded.rss / 2 ** 20,
      rssPerCallKB: (loaded.rss - idle.rss) / 1024 / n,
      heapPerCallKB: (open.heapUsed - idle.heapUsed) / 1024 / n,
    },
    carrierEventLoopDelayP99Ms: carrierLoopP99,
  };
}

type Run = Awaited<ReturnType<typeof runOnce>>;

function print(runs: Run[], machine: Record<string, unknown>): void {
  const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const trio = (s: Summary) => `${f(s.p50)} / ${f(s.p99)} / ${f(s.p999)}`;
  const rows: Array<[string, (r: Run) => string]> = [
    ['calls (N), one prompt/s each', (r) => String(r.n)],
    ['turns measured (failed)', (r) => `${r.turns} (${r.failedTurns})`],
    ['ADDED latency p50 / p99 / p99.9 ms', (r) => trio(r.addedMs)],
    ['  raw prompt→first token p50 / p99 ms', (r) => `${f(r.promptToFirstTokenMs.p50)} / ${f(r.promptToFirstTokenMs.p99)}`],
    ['  agent actual TTFT p50 ms', (r) => f(r.agentTtftMs.p50)],
    ['  raw − TTFT p50 / p99 ms (no baseline)', (r) => `${f(r.overheadMs.p50)} / ${f(r.overheadMs.p99)}`],
    ['  loopback baseline p50 / p99 ms', (r) => `${f(r.loopbackBaselineMs.p50)} / ${f(r.loopbackBaselineMs.p99)}`],
    ['gateway event-loop delay p99 / max ms', (r) => `${f(r.gateway.eventLoopDelayP99Ms)} / ${f(r.gateway.eventLoopDelayMaxMs)}`],
    ['gateway CPU % of one core', (r) => f(r.gateway.cpuPercentOfOneCore, 1)],
    ['gateway CPU ms per call-second', (r) => f(r.gateway.cpuMsPerCallSecond, 3)],
    ['gateway RSS idle → loaded MB', (r) => `${f(r.gateway.rssIdleMB, 1)} → ${f(r.gateway.rssLoadedMB, 1)}`],
    ['gateway RSS per call KB', (r) => f(r.gateway.rssPerCallKB, 1)],
    ['gateway JS heap per call KB (after GC)', (r) => f(r.gateway.heapPerCallKB, 1)],
    ['(carrier process event-loop p99 ms)', (r) => f(r.carrierEventLoopDelayP99Ms)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const cols = runs.map((r) => Math.max(...rows.map(([, cell]) => cell(r).length)));
  const out = [
    '',
    `Agentline voice benchmark — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`,
    `agent TTFT ${TTFT_MS} ms, ${WARMUP_S} s warm-up + ${SECONDS} s measured per N`,
    '',
    ...rows.map(([label, cell]) => `${label.padEnd(width)}  ${runs.map((r, i) => cell(r).padStart(cols[i]!)).join('   ')}`),
    '',
    'added = (first text frame at the carrier − prompt sent) − agent actual TTFT − loopback baseline p50',
    '        (baseline: the same POST straight to the agent on an idle loopback, first delta − TTFT)',
    'event-loop delay: monitorEventLoopDelay (1 ms resolution), the 1 ms sampling interval subtracted',
    'RSS per call: (RSS at the end of the window − idle RSS after GC) / N; heap per call: both after GC',
  ];
  const target = runs.find((r) => r.n === 200);
  if (target) {
    const met = target.addedMs.p50 <= 2 && target.addedMs.p99 <= 10;
    out.push(`target at N=200: added p50 ≤ 2 ms and p99 ≤ 10 ms — ${met ? 'met' : 'not met'} (p50 ${f(target.addedMs.p50)}, p99 ${f(target.addedMs.p99)})`);
  }
  console.log(out.join('\n'));
}

async function relayBench(machine: Record<string, unknown>) {
  const agent = await startChild('./agent-process.ts', { BENCH_AGENT_TTFT_MS: String(TTFT_MS) });
  const agentUrl = agent.ready.url as string;
  const runs: Run[] = [];
  try {
    for (const n of NS) {
      // A fresh gateway per N, so its idle RSS is not inflated by the previous run.
      console.error(`running N=${n} (${WARMUP_S + SECONDS} s of turns)...`);
      const gateway = await startChild('./gateway-process.ts', { BENCH_AGENT_URL: agentUrl });
      try {
        runs.push(await runOnce(n, gateway, agentUrl));
      } finally {
        await gateway.stop();
      }
    }
  } finally {
    await agent.stop();
  }
  print(runs, machine);
  const results = { date: new Date().toISOString(), machine, params: { ns: NS, seconds: SECONDS, warmupSeconds: WARMUP_S, agentTtftMs: TTFT_MS, baselineSamples: BASELINE_SAMPLES }, runs };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('results written to bench/results.json');
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--only');
  const only = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && only !== 'relay' && only !== 'stream') throw new Error('--only takes relay or stream');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? '?', node: process.version, platform: `${platform()} ${release()}`, totalMemMB: Math.round(totalmem() / 2 ** 20) };
  // `--nodes N`: the relay run through a proxy in front of N nodes on PostgreSQL (cluster-bench.ts).
  const nodesAt = args.indexOf('--nodes');
  const nodes = nodesAt >= 0 ? args[nodesAt + 1] : args.find((a) => a.startsWith('--nodes='))?.slice('--nodes='.length);
  if (nodes !== undefined) return (await import('./cluster-bench.js')).runClusterBench(Number(nodes), machine);
  if (only !== 'stream') await relayBench(machine);
  if (only !== 'relay') {
    if (only === 'stream') console.log(`\nAgentline voice benchmark — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
    const stream = await runStreamBench();
    writeFileSync(new URL('./results-stream.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, ...stream }, null, 2)}\n`);
    console.log('results written to bench/results-stream.json');
  }
}

await main();
