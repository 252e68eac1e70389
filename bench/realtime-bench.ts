import { cpus, loadavg, platform, release } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type Child, machineTimes, processCpuMs, startChild, type Summary, summarize } from './shared.js';

// `npm run bench:realtime`: speech-to-speech calls through the gateway. Three processes besides
// this one, so none shares an event loop with another:
//   realtime-fake-process.ts     the fake Realtime server (GA protocol, real `ws` on loopback):
//                                speaks a stamped 20 ms delta every 20 ms on every call, and
//                                times every append that reaches it
//   realtime-gateway-process.ts  the real gateway with a managed `realtime` number
//   realtime-load-process.ts     the carrier: N signed Twilio calls, a stamped 20 ms media frame
//                                every 20 ms each, echoing marks, timing the agent's frames
//   realtime-floor-process.ts    the FLOOR: the thinnest bridge (node:http + ws, no checks, no
//                                database) doing the same job on the wire. Each run measures the
//                                floor, then the gateway, each with fresh fake and carrier
//                                processes, and prints the ratios gateway/floor: what our code
//                                costs, and (the floor alone) what this machine allows.
// Each frame carries its sender, sequence number and send time on CLOCK_MONOTONIC (shared by
// every process), so the receiver measures the whole hop: caller frame in → append out is
// load → gateway → fake; delta in → Twilio frame out is fake → gateway → load. Both include the
// two loopback sockets and the receiver's parse, so they bound the gateway's own share from
// above. Lost = sequence gaps plus frames sent but never received by the end (after a 1 s
// drain); reordered = a sequence number going back. Frames sent before a call's Realtime socket
// was open are counted apart (startup), as a real call has no audio to lose then.
// CPU of every process (from /proc, % of one core) and of the whole machine is sampled over the
// measurement window, so an oversubscribed machine shows as such.
// BENCH_N (default 200), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (3), BENCH_RUNS (3),
// BENCH_FLOOR=0 (skip the floor), BENCH_RECORDING=1 (record the calls, once the gateway can),
// BENCH_REALTIME_IDLE=1 (idle calls: the model never speaks, the caller's 50 frames a second
// still flow to it, as server VAD needs them; the agent hop then has no frames).
// Nothing here asserts timings.

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
  relay: 'gateway' | 'floor';
  /** % of one core over the window: the carrier, the fake Realtime server, the relay (gateway or floor). */
  cpuPct: { carrier: number; fake: number; relay: number };
  /** % of all cores busy over the window (every process on the machine), and stolen by the hypervisor. */
  machineBusyPct: number;
  machineStealPct: number;
  /** The floor run measured just before this gateway run (same N, same machine state). */
  floor?: RealtimeRun;
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

export async function runRealtimeOnce(o: { n: number; seconds: number; warmupSeconds: number; recording?: boolean; relay?: 'gateway' | 'floor'; idle?: boolean }): Promise<RealtimeRun> {
  const children: Child[] = [];
  const loadAvg = loadavg()[0]!;
  const relay = o.relay ?? 'gateway';
  try {
    const fake = await startChild('./realtime-fake-process.ts', { BENCH_FAKE_SILENT: o.idle ? '1' : '0' });
    children.push(fake);
    const gateway = relay === 'floor'
      ? await startChild('./realtime-floor-process.ts', { BENCH_REALTIME_URL: fake.ready.url })
      : await startChild('./realtime-gateway-process.ts', { BENCH_REALTIME_URL: fake.ready.url, BENCH_RECORDING: o.recording ? '1' : '0' });
    children.push(gateway);
    const load = await startChild('./realtime-load-process.ts', { BENCH_GATEWAY_PORT: String(gateway.ready.port), BENCH_PHONE: gateway.ready.phone });
    children.push(load);

    const idle = await ask<{ rss: number; heapUsed: number }>(gateway, 'memory');
    const started = await ask<{ started: number; failed: string[] }>(load, `start:${o.n}`);
    if (started.failed.length) console.error(`${started.failed.length} of ${o.n} calls could not be set up, e.g. ${started.failed[0]}`);
    await sleep(o.warmupSeconds * 1000);
    await Promise.all([ask(fake, 'reset'), ask(gateway, 'reset'), ask(load, 'reset')]);
    const pids = [load, fake, gateway].map((c) => c.process.pid);
    const cpu0 = pids.map(processCpuMs);
    const machine0 = machineTimes();
    const t0 = performance.now();
    await sleep(o.seconds * 1000);
    const gw = await ask<{ liveCalls: number; elapsedMs: number; cpuMs: number; eldP99Ms: number }>(gateway, 'sample');
    const window = performance.now() - t0;
    const cpuPct = pids.map((pid, i) => ((processCpuMs(pid) - cpu0[i]!) / window) * 100);
    const machine1 = machineTimes();
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
      relay,
      cpuPct: { carrier: cpuPct[0]!, fake: cpuPct[1]!, relay: cpuPct[2]! },
      machineBusyPct: ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100,
      machineStealPct: ((machine1.steal - machine0.steal) / (machine1.total - machine0.total)) * 100,
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

const row = (r: RealtimeRun, i: number) =>
  `${i + 1}   | ${f2(r.callerHop.p50)} / ${f2(r.callerHop.p99)} / ${f2(r.callerHop.p999)} (${r.callerHop.count}) | ${f2(r.agentHop.p50)} / ${f2(r.agentHop.p99)} / ${f2(r.agentHop.p999)} (${r.agentHop.count}) | ${r.callerLost}/${r.callerReordered}, ${r.agentLost}/${r.agentReordered} | ${r.cpuPerCallPct.toFixed(3)} % | ${f2(r.eldP99Ms)} ms | ${r.memPerCallKb.toFixed(0)} KB | ${r.loadAvg.toFixed(1)}${r.liveCalls !== r.n ? ` (live calls ${r.liveCalls})` : ''}`;

function rangeLines(runs: RealtimeRun[]): string[] {
  return [
    `  caller frame in → append out: p50 ${range(runs.map((r) => r.callerHop.p50))} ms, p99 ${range(runs.map((r) => r.callerHop.p99))} ms, p99.9 ${range(runs.map((r) => r.callerHop.p999))} ms`,
    `  delta in → Twilio frame out:  p50 ${range(runs.map((r) => r.agentHop.p50))} ms, p99 ${range(runs.map((r) => r.agentHop.p99))} ms, p99.9 ${range(runs.map((r) => r.agentHop.p999))} ms`,
    `  frames lost ${range(runs.map((r) => r.callerLost + r.agentLost), 0)}, reordered ${range(runs.map((r) => r.callerReordered + r.agentReordered), 0)}; CPU per call ${range(runs.map((r) => r.cpuPerCallPct), 3)} % of a core; event-loop delay p99 ${range(runs.map((r) => r.eldP99Ms))} ms; memory per call ${range(runs.map((r) => r.memPerCallKb), 0)} KB`,
  ];
}

const cpuCell = (r: RealtimeRun) => `${r.cpuPct.carrier.toFixed(0)} / ${r.cpuPct.fake.toFixed(0)} / ${r.cpuPct.relay.toFixed(0)} % | ${r.machineBusyPct.toFixed(0)} % (steal ${r.machineStealPct.toFixed(1)} %)`;
// An idle run has no agent frames (NaN): the worst is over the hops that carried frames.
const worstP99 = (runs: RealtimeRun[]) => Math.max(...runs.flatMap((r) => [r.callerHop.p99, r.agentHop.p99].filter(Number.isFinite)));

export function formatRealtimeRuns(runs: RealtimeRun[]): string {
  const lines = [
    `Realtime (speech to speech) benchmark: N=${runs[0]?.n} ${process.env.BENCH_REALTIME_IDLE === '1' ? 'IDLE calls (the model silent), caller frames at 50/s' : 'two-way calls, 20 ms frames at 50/s both ways'}, ${runs.length} run(s)`,
    `${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    '',
    'run | caller→append p50/p99/p99.9 ms | delta→Twilio p50/p99/p99.9 ms | lost/reordered (caller, agent) | CPU/call | ELD p99 | mem/call | load avg',
  ];
  runs.forEach((r, i) => lines.push(row(r, i)));
  if (runs.length > 1) lines.push('', 'ranges over the runs:', ...rangeLines(runs));
  const floors = runs.map((r) => r.floor).filter((f): f is RealtimeRun => f !== undefined);
  const paired = floors.length === runs.length && floors.length > 0;
  if (paired) {
    lines.push('', 'floor (node:http + ws bridge, no checks, no database), measured just before each gateway run:');
    lines.push('run | caller→append p50/p99/p99.9 ms | delta→Twilio p50/p99/p99.9 ms | lost/reordered (caller, agent) | CPU/call | ELD p99 | mem/call | load avg');
    floors.forEach((r, i) => lines.push(row(r, i)));
    if (floors.length > 1) lines.push('', 'floor ranges over the runs:', ...rangeLines(floors));
    const ratio = (g: number, f: number) => (Number.isFinite(g / f) ? `${(g / f).toFixed(1)}×` : '-');
    lines.push('', 'ratios gateway / floor:');
    lines.push('run | caller→append p50/p99/p99.9 | delta→Twilio p50/p99/p99.9 | CPU/call');
    const ratios = runs.map((g) => {
      const f = g.floor!;
      return {
        c: [g.callerHop.p50 / f.callerHop.p50, g.callerHop.p99 / f.callerHop.p99, g.callerHop.p999 / f.callerHop.p999],
        a: [g.agentHop.p50 / f.agentHop.p50, g.agentHop.p99 / f.agentHop.p99, g.agentHop.p999 / f.agentHop.p999],
        cpu: g.cpuPerCallPct / f.cpuPerCallPct,
      };
    });
    runs.forEach((g, i) => {
      const f = g.floor!;
      lines.push(`${i + 1}   | ${ratio(g.callerHop.p50, f.callerHop.p50)} / ${ratio(g.callerHop.p99, f.callerHop.p99)} / ${ratio(g.callerHop.p999, f.callerHop.p999)} | ${ratio(g.agentHop.p50, f.agentHop.p50)} / ${ratio(g.agentHop.p99, f.agentHop.p99)} / ${ratio(g.agentHop.p999, f.agentHop.p999)} | ${ratio(g.cpuPerCallPct, f.cpuPerCallPct)}`);
    });
    if (runs.length > 1) {
      const rr = (xs: number[]) => `${range(xs, 1)}×`;
      lines.push(`  ranges: caller p50 ${rr(ratios.map((x) => x.c[0]!))}, p99 ${rr(ratios.map((x) => x.c[1]!))}, p99.9 ${rr(ratios.map((x) => x.c[2]!))}; agent p50 ${rr(ratios.map((x) => x.a[0]!))}, p99 ${rr(ratios.map((x) => x.a[1]!))}, p99.9 ${rr(ratios.map((x) => x.a[2]!))}; CPU per call ${rr(ratios.map((x) => x.cpu))}`);
    }
  }
  lines.push('', `CPU over the measurement window, % of one core (carrier / fake Realtime / relay), and the machine's busy share of all ${cpus().length} cores (and the share the hypervisor stole):`);
  lines.push(paired ? 'run | gateway run: carrier / fake / gateway | machine | floor run: carrier / fake / floor | machine' : 'run | carrier / fake / gateway | machine');
  runs.forEach((r, i) => lines.push(`${i + 1}   | ${cpuCell(r)}${paired ? ` | ${cpuCell(r.floor!)}` : ''}`));
  const worst = worstP99(runs);
  lines.push('', `target hop p99 ≤ 3 ms at N=${runs[0]?.n}${runs[0]?.n === 200 ? '' : ' (the target is set at N=200)'}: ${worst <= 3 ? 'met' : 'NOT met'} (worst p99 ${f2(worst)} ms); startup frames (before a call's model socket was open): ${runs.map((r) => r.startupFrames).join(', ')}`);
  if (paired) {
    const fw = worstP99(floors);
    lines.push(`floor: worst p99 ${f2(fw)} ms (${fw <= 3 ? 'within' : 'above'} 3 ms), best p99 ${f2(Math.min(...floors.flatMap((r) => [r.callerHop.p99, r.agentHop.p99].filter(Number.isFinite))))} ms`);
  }
  return lines.join('\n');
}

export async function runRealtimeBench(env: NodeJS.ProcessEnv = process.env): Promise<RealtimeRun[]> {
  const n = Number(env.BENCH_N ?? 200);
  const seconds = Number(env.BENCH_SECONDS ?? 15);
  const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 3);
  const runs = Number(env.BENCH_RUNS ?? 3);
  if (![n, seconds, warmupSeconds, runs].every((x) => Number.isFinite(x) && x >= 0) || n < 1 || runs < 1) throw new Error('BENCH_N, BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_RUNS must be positive numbers');
  const results: RealtimeRun[] = [];
  const floor = env.BENCH_FLOOR !== '0';
  const idle = env.BENCH_REALTIME_IDLE === '1';
  for (let i = 0; i < runs; i++) {
    const floorRun = floor ? await runRealtimeOnce({ n, seconds, warmupSeconds, relay: 'floor', idle }) : undefined;
    const run = await runRealtimeOnce({ n, seconds, warmupSeconds, recording: env.BENCH_RECORDING === '1', idle });
    if (floorRun) run.floor = floorRun;
    results.push(run);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = await runRealtimeBench();
  console.log(formatRealtimeRuns(runs));
}
