import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Child, machineTimes, processCpuMs, startChild, type Summary, summarize } from './shared.js';

// `npm run bench`: the voice benchmarks. ConversationRelay (this file), Media Streams
// (stream-bench.ts) and speech to speech (realtime-bench.ts); `--only relay|stream|realtime` runs
// one, `--quick` runs short, small versions of all of them (for development, not for figures).
//
// The relay run, per load, measures two relays one after the other with the same carrier load:
//   relay-floor-process.ts  the FLOOR: the thinnest relay, node:http + ws, no checks, no database
//   gateway-process.ts      the real gateway (buildApp, SQLite, the Twilio routes), a webhook number
// and each time in separate processes, so none shares an event loop:
//   agent-process.ts        the fake SSE agent, first token after BENCH_AGENT_TTFT_MS (300 ms);
//                           one for the whole run
//   relay-load-process.ts   the carrier: N signed ConversationRelay calls (signed voice webhook,
//                           signed upgrade, `setup`), T of them talking, one prompt a second each;
//                           a fresh one per relay
//   this process            orchestration and the report
// Loads (BENCH_RELAY_LOADS, "calls/talking,…"): 200/200 (all talking), 2000/200 (10 %) and
// 5000/200 (4 %): the same 200 turns a second, with more and more idle calls on the line.
//
// Per turn, "added latency" is what the relay adds:
//   raw      = first non-empty `text` token at the carrier − `prompt` sent
//   overhead = raw − the agent's actual TTFT for that turn (measured inside the agent, from the
//              whole request read to the first delta written, and carried in that delta)
//   added    = overhead − loopback baseline p50
// The loopback baseline is the same chat-completions POST sent by the carrier process straight to
// the agent (keep-alive, one at a time, TTFT 0) before each relay's run: what one HTTP hop costs
// with nothing in between. So `added` is the relay's own work plus the relay WebSocket both ways.
// CPU per turn = the relay's process.cpuUsage() over the measured window / turns in the window.
// RSS per call = (RSS at the end of the window − RSS before any call, both in the relay) / N;
// idle RSS per call is the same with the calls open and silent, after a GC, before the talk.
// The machine's 1-minute load average is printed per run, and every process's CPU and the whole
// machine's over the window (from /proc), so an oversubscribed machine shows as such.
// Turns in the first BENCH_WARMUP_SECONDS of a run are excluded. Nothing here asserts timings.

const env = process.env;
const QUICK = process.argv.includes('--quick');
const LOADS = (env.BENCH_RELAY_LOADS ?? (QUICK ? '50/50,500/50' : '200/200,2000/200,5000/200')).split(',').map((s) => {
  const [calls, talking] = s.trim().split('/').map(Number) as [number, number];
  return { calls, talking: talking ?? calls };
});
const SECONDS = Number(env.BENCH_SECONDS ?? (QUICK ? 4 : 15));
const WARMUP_S = Number(env.BENCH_WARMUP_SECONDS ?? (QUICK ? 1 : 3));
const RUNS = Number(env.BENCH_RELAY_RUNS ?? 1);
const TTFT_MS = Number(env.BENCH_AGENT_TTFT_MS ?? 300);
const WITH_FLOOR = env.BENCH_FLOOR !== '0';
if ([SECONDS, WARMUP_S, TTFT_MS, RUNS].some((n) => !Number.isFinite(n) || n < 0) || LOADS.some((l) => !(l.calls >= 1) || !(l.talking >= 0) || l.talking > l.calls) || RUNS < 1) {
  throw new Error('BENCH_RELAY_LOADS (e.g. 200/200,2000/200), BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_RELAY_RUNS and BENCH_AGENT_TTFT_MS must be positive numbers');
}

interface Memory {
  rss: number;
  heapUsed: number;
}
interface RelaySample {
  liveCalls: number;
  elapsedMs: number;
  cpuMs: number;
  eldP50Ms: number;
  eldP99Ms: number;
  eldMaxMs: number;
  rss: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

type Relay = 'gateway' | 'floor';

async function relayRun(relay: Relay, load: { calls: number; talking: number }, agent: Child) {
  const loadAvg = loadavg()[0]!;
  const agentUrl = agent.ready.url as string;
  const children: Child[] = [];
  try {
    const server = await startChild(relay === 'floor' ? './relay-floor-process.ts' : './gateway-process.ts', { BENCH_AGENT_URL: agentUrl });
    children.push(server);
    const carrier = await startChild('./relay-load-process.ts', { BENCH_RELAY_PORT: String(server.ready.port), BENCH_PHONE: server.ready.phone, BENCH_AGENT_URL: agentUrl, BENCH_AGENT_TTFT_MS: String(TTFT_MS) });
    children.push(carrier);
    // A short warm-up (a few calls talking for 2 s, then hung up), so the relay's idle memory is
    // read after its code has run once, not with start-up garbage still in the RSS.
    const few = Math.max(1, Math.min(20, load.talking));
    await carrier.call(`open:${few}`);
    await carrier.call(`talk:${few}:2:0`);
    await carrier.call('results');
    await carrier.call('hangup');
    await until('the warm-up calls to close', async () => (await server.call<RelaySample>('sample')).liveCalls === 0, 30_000);
    const baseline = await carrier.call<Summary>('baseline');
    const idle = await server.call<Memory>('memory');
    const opened = await carrier.call<{ opened: number; failed: string[] }>(`open:${load.calls}`);
    if (opened.failed.length) console.error(`${relay}: ${opened.failed.length} of ${load.calls} calls could not be set up, e.g. ${opened.failed[0]}`);
    await until(`${opened.opened} live calls`, async () => (await server.call<RelaySample>('sample')).liveCalls >= opened.opened, 30_000 + load.calls * 10);
    const open = await server.call<Memory>('memory'); // calls open and silent, after a GC

    const talk = await carrier.call<{ windowStartsInMs: number; windowEndsInMs: number }>(`talk:${load.talking}:${WARMUP_S}:${SECONDS}`);
    const asked = performance.now();
    await sleep(talk.windowStartsInMs);
    await server.call('reset');
    const pids = [carrier, agent, server].map((c) => c.process.pid);
    const cpu0 = pids.map(processCpuMs);
    const machine0 = machineTimes();
    const t0 = performance.now();
    await sleep(asked + talk.windowEndsInMs - performance.now());
    const sample = await server.call<RelaySample>('sample');
    const window = performance.now() - t0;
    const cpuPct = pids.map((pid, i) => ((processCpuMs(pid) - cpu0[i]!) / window) * 100);
    const machine1 = machineTimes();
    const result = await carrier.call<{ turns: number; failed: number; overheadMs: number[]; agentTtftMs: Summary; carrierEldP99Ms: number }>('results');
    const talking = await server.call<Memory>('memory'); // after a GC, calls still open
    await carrier.call('hangup');
    await until('the calls to close', async () => (await server.call<RelaySample>('sample')).liveCalls === 0, 30_000 + load.calls * 10);
    // Turns whose prompt was sent inside the window, per second of the window: the turn rate.
    const turnsInWindow = (result.turns * sample.elapsedMs) / (SECONDS * 1000);
    return {
      relay,
      calls: load.calls,
      talking: load.talking,
      opened: opened.opened,
      turns: result.turns,
      failedTurns: result.failed,
      addedMs: summarize(result.overheadMs.map((v) => v - baseline.p50)),
      overheadMs: summarize(result.overheadMs),
      agentTtftMs: result.agentTtftMs,
      loopbackBaselineMs: baseline,
      cpuMsPerTurn: sample.cpuMs / turnsInWindow,
      cpuPctOfCore: (sample.cpuMs / sample.elapsedMs) * 100,
      eldP50Ms: sample.eldP50Ms,
      eldP99Ms: sample.eldP99Ms,
      eldMaxMs: sample.eldMaxMs,
      rssPerCallKB: (sample.rss - idle.rss) / 1024 / load.calls,
      rssPerIdleCallKB: (open.rss - idle.rss) / 1024 / load.calls,
      heapPerCallKB: (talking.heapUsed - idle.heapUsed) / 1024 / load.calls,
      rssIdleMB: idle.rss / 2 ** 20,
      rssLoadedMB: sample.rss / 2 ** 20,
      carrierEldP99Ms: result.carrierEldP99Ms,
      cpuPct: { carrier: cpuPct[0]!, agent: cpuPct[1]!, relay: cpuPct[2]! },
      machineBusyPct: ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100,
      loadAvg,
    };
  } finally {
    for (const c of children.reverse()) await c.stop();
  }
}

type Run = Awaited<ReturnType<typeof relayRun>>;

/**
 * Each relay's loopback baseline is measured just before its own run, and two readings of the
 * same hop differ by a tenth of a millisecond or so: at the median that is as much as a relay
 * adds. So that the two `added` figures differ only by what the relays do, both subtract the
 * mean of the two baselines (a percentile shifts with a constant).
 */
function sharedBaseline(gateway: Run, floor: Run): void {
  const shared = (gateway.loopbackBaselineMs.p50 + floor.loopbackBaselineMs.p50) / 2;
  for (const r of [gateway, floor]) {
    const o = r.overheadMs;
    r.addedMs = { count: o.count, p50: o.p50 - shared, p99: o.p99 - shared, p999: o.p999 - shared, max: o.max - shared };
  }
}
interface Pair {
  gateway: Run;
  floor?: Run;
}

function print(pairs: Pair[], machine: Record<string, unknown>): void {
  const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const x = (g: number, fl: number | undefined) => (fl === undefined || !Number.isFinite(g / fl) ? '' : ` (${(g / fl).toFixed(2)}×)`);
  type Cell = (r: Run) => number;
  const metric = (label: string, cell: Cell, d = 2): [string, (p: Pair) => string] => [label, (p) => `${f(cell(p.gateway), d)}${p.floor ? ` | ${f(cell(p.floor), d)}${x(cell(p.gateway), cell(p.floor))}` : ''}`];
  // RSS can fall below its idle reading (freed start-up memory returned to the OS): below noise.
  const kb = (v: number) => (v < 0 ? 'n/a (RSS fell)' : f(v, 1));
  const rss = (label: string, cell: Cell): [string, (p: Pair) => string] => [label, (p) => `${kb(cell(p.gateway))}${p.floor ? ` | ${kb(cell(p.floor))}${cell(p.gateway) > 0 && cell(p.floor) > 0 ? x(cell(p.gateway), cell(p.floor)) : ''}` : ''}`];
  const text = (label: string, cell: (r: Run) => string): [string, (p: Pair) => string] => [label, (p) => `${cell(p.gateway)}${p.floor ? ` | ${cell(p.floor)}` : ''}`];
  const rows: Array<[string, (p: Pair) => string]> = [
    text('calls / talking (one prompt a second)', (r) => `${r.calls} / ${r.talking}`),
    text('turns measured (failed)', (r) => `${r.turns} (${r.failedTurns})`),
    metric('ADDED latency p50 ms', (r) => r.addedMs.p50),
    metric('ADDED latency p99 ms', (r) => r.addedMs.p99),
    metric('ADDED latency p99.9 ms', (r) => r.addedMs.p999),
    metric('CPU per turn ms', (r) => r.cpuMsPerTurn, 3),
    rss('RSS per call KB (talking window)', (r) => r.rssPerCallKB),
    rss('RSS per call KB (open, silent, after GC)', (r) => r.rssPerIdleCallKB),
    metric('JS heap per call KB (after GC)', (r) => r.heapPerCallKB, 1),
    metric('event-loop delay p50 ms', (r) => r.eldP50Ms),
    metric('event-loop delay p99 ms', (r) => r.eldP99Ms),
    metric('event-loop delay max ms', (r) => r.eldMaxMs),
    metric('relay CPU % of one core', (r) => r.cpuPctOfCore, 1),
    text('  agent actual TTFT p50 ms', (r) => f(r.agentTtftMs.p50)),
    metric('  raw − TTFT p50 ms (no baseline)', (r) => r.overheadMs.p50),
    metric('  raw − TTFT p99 ms (no baseline)', (r) => r.overheadMs.p99),
    text('  loopback baseline p50 / p99 ms', (r) => `${f(r.loopbackBaselineMs.p50)} / ${f(r.loopbackBaselineMs.p99)}`),
    text('  CPU % of a core: carrier / agent / relay', (r) => `${r.cpuPct.carrier.toFixed(0)} / ${r.cpuPct.agent.toFixed(0)} / ${r.cpuPct.relay.toFixed(0)}`),
    text('  machine busy (all cores), load avg 1 min', (r) => `${r.machineBusyPct.toFixed(0)} %, ${r.loadAvg.toFixed(2)}`),
    text('  carrier event-loop p99 ms', (r) => f(r.carrierEldP99Ms)),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const out = [
    '',
    `Agentline ConversationRelay benchmark — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`,
    `agent TTFT ${TTFT_MS} ms, ${WARMUP_S} s warm-up + ${SECONDS} s measured per load${QUICK ? ' (--quick: not for figures)' : ''}; load average now ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
    WITH_FLOOR ? 'each cell: gateway | floor (gateway / floor), the floor measured just before the gateway with the same load' : 'gateway only (BENCH_FLOOR=0)',
  ];
  pairs.forEach((p, i) => {
    out.push('', `load ${i + 1}: ${p.gateway.calls} calls, ${p.gateway.talking} talking`);
    for (const [label, cell] of rows) out.push(`  ${label.padEnd(width)}  ${cell(p)}`);
  });
  out.push(
    '',
    'added = (first text token at the carrier − prompt sent) − agent actual TTFT − loopback baseline p50 (with a floor: the mean of both relays\' baselines)',
    'event-loop delay: monitorEventLoopDelay (1 ms resolution), the 1 ms sampling interval subtracted',
  );
  const targets = [
    { calls: 200, p50: 1.3, p99: 1.5, p999: 2 },
    { calls: 2000, p99: 2 },
    { calls: 5000, p99: 2.5 },
  ];
  for (const t of targets) {
    for (const p of pairs.filter((q) => q.gateway.calls === t.calls && q.floor)) {
      const g = p.gateway;
      const fl = p.floor!;
      const checks = [
        t.p50 === undefined ? null : `p50 ${f(g.addedMs.p50 / fl.addedMs.p50)}× (≤ ${t.p50})`,
        `p99 ${f(g.addedMs.p99 / fl.addedMs.p99)}× (≤ ${t.p99})`,
        t.p999 === undefined ? null : `p99.9 ${f(g.addedMs.p999 / fl.addedMs.p999)}× (≤ ${t.p999})`,
        t.calls === 200 ? `CPU/turn ${f(g.cpuMsPerTurn, 3)} ms (≤ 1.3)` : null,
        t.calls === 200 ? `RSS/call ${f(g.rssPerCallKB, 0)} KB (≤ 150)` : `idle RSS/call ${f(g.rssPerIdleCallKB, 0)} KB (≤ 32)`,
        t.calls === 5000 ? `CPU ${f(g.cpuPctOfCore, 0)} % of a core, ${g.failedTurns} failed turns` : null,
      ].filter((c) => c !== null);
      out.push(`target at ${t.calls} calls: ${checks.join(', ')}`);
    }
  }
  console.log(out.join('\n'));
}

async function relayBench(machine: Record<string, unknown>) {
  const agent = await startChild('./agent-process.ts', { BENCH_AGENT_TTFT_MS: String(TTFT_MS) });
  const pairs: Pair[] = [];
  try {
    for (const load of LOADS) {
      for (let run = 0; run < RUNS; run++) {
        console.error(`relay: ${load.calls} calls, ${load.talking} talking, run ${run + 1}/${RUNS} (${WARMUP_S + SECONDS} s of turns per relay)...`);
        const floor = WITH_FLOOR ? await relayRun('floor', load, agent) : undefined;
        const gateway = await relayRun('gateway', load, agent);
        if (floor) sharedBaseline(gateway, floor);
        pairs.push({ gateway, floor });
      }
    }
  } finally {
    await agent.stop();
  }
  print(pairs, machine);
  const results = { date: new Date().toISOString(), machine, params: { loads: LOADS, seconds: SECONDS, warmupSeconds: WARMUP_S, agentTtftMs: TTFT_MS, quick: QUICK }, runs: pairs };
  writeFileSync(new URL(QUICK ? './results-quick.json' : './results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results written to bench/${QUICK ? 'results-quick' : 'results'}.json`);
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--only');
  const only = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && only !== 'relay' && only !== 'stream' && only !== 'realtime') throw new Error('--only takes relay, stream or realtime');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? '?', node: process.version, platform: `${platform()} ${release()}`, totalMemMB: Math.round(totalmem() / 2 ** 20) };
  // `--nodes N`: the relay run through a proxy in front of N nodes on PostgreSQL (cluster-bench.ts).
  const nodesAt = args.indexOf('--nodes');
  const nodes = nodesAt >= 0 ? args[nodesAt + 1] : args.find((a) => a.startsWith('--nodes='))?.slice('--nodes='.length);
  if (nodes !== undefined) return (await import('./cluster-bench.js')).runClusterBench(Number(nodes), machine);
  if (QUICK) {
    // Small and short: the defaults of the other runs, unless set.
    const quick: Record<string, string> = { BENCH_STREAM_N: '5', BENCH_STREAM_TURNS: '2', BENCH_STREAM_WARMUP_TURNS: '1', BENCH_STREAM_PERIOD_S: '4', BENCH_N: '20', BENCH_RUNS: '1', BENCH_SECONDS: '4', BENCH_WARMUP_SECONDS: '1', BENCH_STREAM_IDLE_N: '10', BENCH_STREAM_IDLE_S: '3' };
    for (const [k, v] of Object.entries(quick)) env[k] ??= v;
  }
  if (only === undefined || only === 'relay') await relayBench(machine);
  if (only === undefined || only === 'stream') {
    console.log(`\nAgentline Media Streams benchmark — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
    const { runStreamBench } = await import('./stream-bench.js'); // reads its env when loaded
    const stream = await runStreamBench();
    writeFileSync(new URL('./results-stream.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, ...stream }, null, 2)}\n`);
    console.log('results written to bench/results-stream.json');
  }
  if (only === undefined || only === 'realtime') {
    const { formatRealtimeRuns, runRealtimeBench } = await import('./realtime-bench.js');
    const realtime = await runRealtimeBench(env);
    console.log(`\n${formatRealtimeRuns(realtime)}`);
    writeFileSync(new URL('./results-realtime.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, runs: realtime }, null, 2)}\n`);
    console.log('results written to bench/results-realtime.json');
  }
}

await main();
