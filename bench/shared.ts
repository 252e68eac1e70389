// Shared by the benchmark processes: the Twilio identity the gateway is configured with,
// percentiles, and a request/reply channel over the IPC pipe that child_process.fork() opens.

import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
export const AUTH_TOKEN = 'bench-twilio-token';
export const PUBLIC_URL = 'https://gw.example.com';

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9), max: sorted.at(-1) ?? NaN };
}

export interface Child {
  process: ChildProcess;
  /** The child's first message (what it reports once it is listening). */
  ready: Record<string, any>;
  call<T = any>(cmd: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Profiling flags for the gateway processes: BENCH_PROFILE_DIR=dir writes a CPU profile there
 * (`--cpu-prof`), plus a heap-allocation profile with BENCH_HEAP_PROFILE=1 (`--heap-prof`);
 * BENCH_TRACE_GC=1 prints every GC to the bench's stderr (`--trace-gc`; `nvp` for each GC's phases),
 * BENCH_NODE_FLAGS adds Node/V8 flags (GC experiments). BENCH_PROFILE_FLOOR=1
 * profiles the floor processes too.
 */
function profileFlags(script: string): string[] {
  const e = process.env;
  if (!script.includes('gateway') && !(e.BENCH_PROFILE_FLOOR === '1' && script.includes('floor'))) return [];
  const dir = e.BENCH_PROFILE_DIR;
  return [
    ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
    ...(dir && e.BENCH_HEAP_PROFILE === '1' ? ['--heap-prof', `--heap-prof-dir=${dir}`] : []),
    ...(e.BENCH_TRACE_GC === '1' ? ['--trace-gc'] : e.BENCH_TRACE_GC === 'nvp' ? ['--trace-gc-nvp'] : []),
    ...(e.BENCH_NODE_FLAGS ? e.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean) : []),
  ];
}

/**
 * The relays under test (gateways and floors alike) run with the V8 thread pool the gateway is
 * started with (`--v8-pool-size=1`: `npm start`, the Dockerfile; see describeGcThreads), so
 * gateway/floor compares code, not runtime settings. BENCH_V8_POOL_SIZE=N sets another size,
 * `default` leaves Node's own (4). The carrier, agent and speech fakes keep Node's defaults.
 */
function relayFlags(script: string): string[] {
  if (!script.includes('gateway') && !script.includes('floor')) return [];
  const size = process.env.BENCH_V8_POOL_SIZE ?? '1';
  return size === 'default' ? [] : [`--v8-pool-size=${size}`];
}

let built = false;
/** Compiles src/ into dist/ once per bench run (incremental: quick when nothing changed). */
function buildOnce(): void {
  if (built) return;
  built = true;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}

/** Starts `script` as a TypeScript child (node --import tsx) and waits for its first message. */
export async function startChild(script: string, env: Record<string, string>): Promise<Child> {
  // The gateway's modules load from dist/ (compiled, as `agentline serve` runs them): see use-dist.mjs.
  const source = process.env.BENCH_SOURCE === '1';
  if (!source) buildOnce();
  const compiled = source ? [] : ['--import', fileURLToPath(new URL('./use-dist.mjs', import.meta.url))];
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), { execArgv: ['--import', 'tsx', ...compiled, '--expose-gc', ...relayFlags(script), ...profileFlags(script)], env: { ...process.env, ...env } });
  const pending = new Map<number, { resolve: (value: any) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  const ready = await new Promise<Record<string, any>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, any>));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  child.on('message', (m: any) => {
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiter?.reject(new Error(`${script}: ${m.error}`));
    else waiter?.resolve(m.result);
  });
  // A child that dies fails what was asked of it, instead of leaving the bench waiting.
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${script} exited (${code})`));
    pending.clear();
  });
  return {
    process: child,
    ready,
    call: (cmd) =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null) return reject(new Error(`${script} has exited`));
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        child.send({ id, cmd });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect(); // the child exits on 'disconnect'
      }),
  };
}

/** In a child: answers the parent's commands and exits when the parent goes away. */
export function serveParent(handler: (cmd: string) => unknown | Promise<unknown>, onExit: () => Promise<void> = async () => {}): void {
  process.on('message', async (m: { id: number; cmd: string }) => {
    try {
      process.send?.({ id: m.id, result: await handler(m.cmd) });
    } catch (err) {
      process.send?.({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  process.on('disconnect', () => void onExit().finally(() => process.exit(0)));
}

/** CPU time (user + system) a process has used, in ms, from /proc (NaN where there is none). */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

/** The machine's CPU time (all cores) from /proc/stat: busy, stolen by the hypervisor, total. */
export function machineTimes(): { busy: number; steal: number; total: number } {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busy, steal: steal ?? 0, total: busy + idle! + iowait! + (steal ?? 0) };
  } catch {
    return { busy: NaN, steal: NaN, total: NaN };
  }
}

/**
 * A child's own figures over a measured window, for the parent's `memory`, `reset` and `sample`
 * commands: CPU time, event-loop delay (the histogram's 1 ms sampling interval taken off) and
 * memory. `answer` is a whole serveParent handler for a child that needs nothing else.
 */
export function windowStats(liveCalls: () => number) {
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();
  const ms = (ns: number) => Math.max(0, ns / 1e6 - 1);
  const stats = {
    memory() {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      return { rss, heapUsed };
    },
    reset() {
      eld.reset();
      cpu = process.cpuUsage();
      since = performance.now();
    },
    sample() {
      const used = process.cpuUsage(cpu);
      return {
        liveCalls: liveCalls(),
        elapsedMs: performance.now() - since,
        cpuMs: (used.user + used.system) / 1000,
        eldP50Ms: ms(eld.percentile(50)),
        eldP99Ms: ms(eld.percentile(99)),
        eldMaxMs: ms(eld.max),
        rss: process.memoryUsage().rss,
      };
    },
    answer(cmd: string) {
      if (cmd === 'memory') return stats.memory();
      if (cmd === 'reset') {
        stats.reset();
        return null;
      }
      return stats.sample();
    },
  };
  return stats;
}


/**
 * BENCH_WINDOW_PROFILE_DIR=dir: a CPU profile of the measured window alone (from `reset` to
 * `sample`), written to dir/<name>-window-<pid>-<n>.cpuprofile (--cpu-prof covers the whole life of
 * the process, call set-up included); the gateway always, a floor with BENCH_PROFILE_FLOOR=1. With
 * BENCH_WINDOW_ALLOC=1, an allocation profile of the same window beside it (.heapprofile: every
 * sampled allocation, kept or collected since, which --heap-prof does not count), for finding what
 * feeds the young-generation GCs.
 */
export function windowProfile(name: string) {
  const e = process.env;
  const dir = e.BENCH_WINDOW_PROFILE_DIR;
  const on = !!dir && (name === 'gateway' || e.BENCH_PROFILE_FLOOR === '1');
  const alloc = e.BENCH_WINDOW_ALLOC === '1';
  let session: Session | null = null;
  let n = 0;
  return {
    async start(): Promise<void> {
      if (!on || session) return;
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      if (alloc) {
        await session.post('HeapProfiler.enable');
        await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      }
    },
    async stop(): Promise<void> {
      if (!session) return;
      const s = session;
      session = null;
      const { profile } = await s.post('Profiler.stop');
      mkdirSync(dir!, { recursive: true });
      const base = join(dir!, `${name}-window-${process.pid}-${++n}`);
      writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
      if (alloc) writeFileSync(`${base}.heapprofile`, JSON.stringify((await s.post('HeapProfiler.stopSampling')).profile));
      s.disconnect();
    },
  };
}

/**
 * The floors' common ending: listen on a loopback port, answer the bench's window-statistics
 * commands, close every socket on exit, and tell the parent the port (with `ready`'s fields).
 */
export async function serveFloor(
  server: import('node:http').Server,
  wss: { clients: Set<{ terminate(): void }> },
  liveCalls: () => number,
  ready: Record<string, unknown> = {},
): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stats = windowStats(liveCalls);
  const profile = windowProfile('floor');
  serveParent(
    async (cmd) => {
      if (cmd === 'reset') await profile.start();
      const answer = stats.answer(cmd);
      if (cmd === 'sample') await profile.stop();
      return answer;
    },
    () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  process.send?.({ port: (server.address() as import('node:net').AddressInfo).port, phone: '+16285550100', ...ready });
}
