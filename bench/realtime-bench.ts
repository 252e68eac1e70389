import { cpus, loadavg, platform, release } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type Child, startChild, type Summary, summarize } from './shared.js';

// `npm run bench:realtime`: speech-to-speech calls through the gateway. Three processes besides
// this one, so none shares an event loop with another:
//   realtime-fake-process.ts     the fake Realtime server (GA protocol, real `ws` on loopback):
//                                speaks a stamped 20 ms delta every 20 ms on every call, and
//                                times every append that reaches it
//   realtime-gateway-process.ts  the real gateway with a managed `realtime` number
//   realtime-load-process.ts     the carrier: N signed Twilio calls, a stamped 20 ms media frame
//                                every 20 ms each, echoing marks, timing the agent's frames
// Each frame carries its sender, sequence number and send time on CLOCK_MONOTONIC (shared by
// every process), so the receiver measures the whole hop: caller frame in → append out is
// load → gateway → fake; delta in → Twilio frame out is fake → gateway → load. Both include the
// two loopback sockets and the receiver's parse, so they bound the gateway's own share from
// above. Lost = sequence gaps plus frames sent but never received by the end (after a 1 s
// drain); reordered = a sequence number going back. Frames sent before a call's Realtime socket
// was open are counted apart (startup), as a real call has no audio to lose then.
// BENCH_N (default 200), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (3), BENCH_RUNS (3),
// BENCH_RECORDING=1 (record the calls, once the gateway can). Nothing here asserts timings.

export interface RealtimeRun {
  n: number;
  callerHop: Summary;
  agentHop: Summary;
  callerLost: number;
  callerReordered: number;
  agentLost: number;
  agentReordered: number;
  startupFrames: number;
  /** Percent of one core per call. */
  cpuPerCallPct: number;
  eldP99Ms: number;
  memPerCallKb: number;
  liveCalls: number;
  /** The machine's 1-minute load average when the run started (other work shares the cores). */
  loadAvg: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A child's answer, or an error naming the command: a stuck or dead child must not hang the bench. */
function ask<T = any>(child: Child, cmd: string, timeoutMs = 120_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    child.call<T>(cmd).finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`benchmark child did not answer "${cmd}" in ${timeoutMs} ms`)), timeoutMs);
      child.process.once('exit', (code) => reject(new Error(`benchmark child exited (${code}) during "${cmd}"`)));
    }),
  ]);
}

function tail(sent: Record<string, number>, received: Record<string, number>): number {
  let n = 0;
  for (const [k, s] of Object.entries(sent)) n += Math.max(0, s - (received[k] ?? 0));
  return n;
}

export async function runRealtimeOnce(o: { n: number; seconds: number; warmupSeconds: number; recording?: boolean }): Promise<RealtimeRun> {
  const children: Child[] = [];
  const loadAvg = loadavg()[0]!;
  try {
    const fake = await startChild('./realtime-fake-process.ts', {});
    children.push(fake);
    const gateway = await startChild('./realtime-gateway-process.ts', { BENCH_REALTIME_URL: fake.ready.url, BENCH_RECORDING: o.recording ? '1' : '0' });
    children.push(gateway);
    const load = await startChild('./realtime-load-process.ts', { BENCH_GATEWAY_PORT: String(gateway.ready.port), BENCH_PHONE: gateway.ready.phone });
    children.push(load);

    const idle = await ask<{ rss: number; heapUsed: number }>(gateway, 'memory');
    const started = await ask<{ started: number; failed: string[] }>(load, `start:${o.n}`);
    if (started.failed.length) console.error(`${started.failed.length} of ${o.n} calls could not be set up, e.g. ${started.failed[0]}`);
    await sleep(o.warmupSeconds * 1000);
    await Promise.all([ask(fake, 'reset'), ask(gateway, 'reset'), ask(load, 'reset')]);
    await sleep(o.seconds * 1000);
    const gw = await ask<{ liveCalls: number; elapsedMs: number; cpuMs: number; eldP99Ms: number }>(gateway, 'sample');
    await Promise.all([ask(fake, 'quiet'), ask(load, 'quiet')]);
    await sleep(1000);
    const open = await ask<{ rss: number; heapUsed: number }>(gateway, 'memory');
    const f = await ask(fake, 'sample');
    const l = await ask(load, 'sample');
    await ask(load, 'hangup');
    return {
      n: o.n,
      callerHop: summarize(f.hops),
      agentHop: summarize(l.hops),
      callerLost: f.lost + tail(l.sent, f.lastReceived),
      callerReordered: f.reordered,
      agentLost: l.lost + tail(f.sent, l.lastReceived),
      agentReordered: l.reordered,
      startupFrames: f.startupMissing + l.startupMissing,
      cpuPerCallPct: (gw.cpuMs / gw.elapsedMs / o.n) * 100,
      eldP99Ms: gw.eldP99Ms,
      memPerCallKb: (open.rss - idle.rss) / o.n / 1024,
      liveCalls: gw.liveCalls,
      loadAvg,
    };
  } finally {
    for (const c of children.reverse()) await c.stop();
  }
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
const range = (xs: number[], d = 2) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? lo.toFixed(d) : `${lo.toFixed(d)}–${hi.toFixed(d)}`;
};

export function formatRealtimeRuns(runs: RealtimeRun[]): string {
  const lines = [
    `Realtime (speech to speech) benchmark: N=${runs[0]?.n} two-way calls, 20 ms frames at 50/s both ways, ${runs.length} run(s)`,
    `${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    '',
    'run | caller→append p50/p99/p99.9 ms | delta→Twilio p50/p99/p99.9 ms | lost/reordered (caller, agent) | CPU/call | ELD p99 | mem/call | load avg',
  ];
  runs.forEach((r, i) =>
    lines.push(
      `${i + 1}   | ${f2(r.callerHop.p50)} / ${f2(r.callerHop.p99)} / ${f2(r.callerHop.p999)} (${r.callerHop.count}) | ${f2(r.agentHop.p50)} / ${f2(r.agentHop.p99)} / ${f2(r.agentHop.p999)} (${r.agentHop.count}) | ${r.callerLost}/${r.callerReordered}, ${r.agentLost}/${r.agentReordered} | ${r.cpuPerCallPct.toFixed(3)} % | ${f2(r.eldP99Ms)} ms | ${r.memPerCallKb.toFixed(0)} KB | ${r.loadAvg.toFixed(1)}${r.liveCalls !== r.n ? ` (live calls ${r.liveCalls})` : ''}`,
    ),
  );
  if (runs.length > 1) {
    lines.push('', 'ranges over the runs:');
    lines.push(`  caller frame in → append out: p50 ${range(runs.map((r) => r.callerHop.p50))} ms, p99 ${range(runs.map((r) => r.callerHop.p99))} ms, p99.9 ${range(runs.map((r) => r.callerHop.p999))} ms`);
    lines.push(`  delta in → Twilio frame out:  p50 ${range(runs.map((r) => r.agentHop.p50))} ms, p99 ${range(runs.map((r) => r.agentHop.p99))} ms, p99.9 ${range(runs.map((r) => r.agentHop.p999))} ms`);
    lines.push(`  frames lost ${range(runs.map((r) => r.callerLost + r.agentLost), 0)}, reordered ${range(runs.map((r) => r.callerReordered + r.agentReordered), 0)}; CPU per call ${range(runs.map((r) => r.cpuPerCallPct), 3)} % of a core; event-loop delay p99 ${range(runs.map((r) => r.eldP99Ms))} ms; memory per call ${range(runs.map((r) => r.memPerCallKb), 0)} KB`);
  }
  const worst = Math.max(...runs.map((r) => Math.max(r.callerHop.p99, r.agentHop.p99)));
  lines.push('', `target hop p99 ≤ 3 ms at N=200: ${worst <= 3 ? 'met' : 'NOT met'} (worst p99 ${f2(worst)} ms); startup frames (before a call's model socket was open): ${runs.map((r) => r.startupFrames).join(', ')}`);
  return lines.join('\n');
}

export async function runRealtimeBench(env: NodeJS.ProcessEnv = process.env): Promise<RealtimeRun[]> {
  const n = Number(env.BENCH_N ?? 200);
  const seconds = Number(env.BENCH_SECONDS ?? 15);
  const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 3);
  const runs = Number(env.BENCH_RUNS ?? 3);
  if (![n, seconds, warmupSeconds, runs].every((x) => Number.isFinite(x) && x >= 0) || n < 1 || runs < 1) throw new Error('BENCH_N, BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_RUNS must be positive numbers');
  const results: RealtimeRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runRealtimeOnce({ n, seconds, warmupSeconds, recording: env.BENCH_RECORDING === '1' }));
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = await runRealtimeBench();
  console.log(formatRealtimeRuns(runs));
}
