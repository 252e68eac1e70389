import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../src/carriers/twilio/signature.js';
import { CALL_TOOLS } from '../src/calls/tools.js';
import { dropSchema } from '../src/db/database.js';
import { connectRelayCaller, type RelayCaller } from '../test/fakes/fake-relay-caller.js';
import { startRoundRobinProxy } from '../test/cluster/round-robin-proxy.js';
import { ACCOUNT_SID, AUTH_TOKEN, type Child, PUBLIC_URL, startChild, type Summary, summarize } from './shared.js';

// `npm run bench -- --nodes 2`: the relay turn-path load of voice-bench.ts, through a round-robin
// proxy in front of N gateway nodes on PostgreSQL (cluster-gateway-process.ts, one process each),
// with the same figures as the single-node run so the cost of the shared state shows. Each call's
// voice webhook and relay socket go through the proxy, so they may land on different nodes (the
// socket's node owns the call). `--nodes 1` is one node on PostgreSQL behind the same proxy: the
// database's cost alone, without a second node. BENCH_REDIS_URL puts the bus on Redis.
//
// added = (first text frame at the carrier − prompt sent) − agent actual TTFT − loopback baseline
// p50, as in voice-bench.ts; the proxy hop is in it (it is what a load balancer costs too).
// Gateway figures: CPU summed over the nodes, event-loop delay the worst node, RSS summed.

const env = process.env;
const NS = (env.BENCH_N ?? '50,200').split(',').map((s) => Number(s.trim()));
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const WARMUP_S = Number(env.BENCH_WARMUP_SECONDS ?? 3);
const TTFT_MS = Number(env.BENCH_AGENT_TTFT_MS ?? 100);
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BASELINE_SAMPLES = 200;
const BASELINE_WARMUP = 50;
const MARKER = /\[ttft=([\d.]+)\]/;

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

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

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
    messages: [{ role: 'system', content: 'You are a helpful test agent.' }, { role: 'user', content: `Turn ${turn}: what are your opening hours?` }],
    stream: true,
    tools: CALL_TOOLS,
  });

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

async function openCall(port: number, phone: string): Promise<BenchCall> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const from = '+15005550006';
  const params = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' };
  const res = await fetch(`http://127.0.0.1:${port}/carrier/twilio/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC_URL}/carrier/twilio/voice`, params) },
    body: new URLSearchParams(params).toString(),
  });
  const twiml = await res.text();
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(twiml)?.[1];
  if (res.status !== 200 || !callId) throw new Error(`voice webhook ${res.status}: ${twiml.slice(0, 300)}`);
  const caller = await connectRelayCaller({
    wsUrl: `ws://127.0.0.1:${port}/carrier/twilio/relay`,
    signedUrl: `${PUBLIC_URL.replace(/^https/, 'wss')}/carrier/twilio/relay`,
    authToken: AUTH_TOKEN,
    setup: { callSid, from, to: phone, direction: 'inbound' },
    customParameters: { callId },
  });
  const call: BenchCall = { caller, turns: [] };
  caller.onFrame((frame) => {
    const turn = call.turns.at(-1);
    if (!turn || turn.firstAt !== undefined || frame.type !== 'text' || typeof frame.token !== 'string' || frame.token === '') return;
    turn.firstAt = performance.now();
    const m = MARKER.exec(frame.token);
    if (m) turn.agentTtft = Number(m[1]);
  });
  return call;
}

const sampleAll = (nodes: Child[]) => Promise.all(nodes.map((g) => g.call<GatewaySample>('sample')));
const liveCalls = async (nodes: Child[]) => (await sampleAll(nodes)).reduce((s, x) => s + x.liveCalls, 0);

async function runOnce(n: number, nodeCount: number, agentUrl: string) {
  const schema = `bench_cluster_${process.pid}_${n}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const nodes: Child[] = [];
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | null = null;
  try {
    // One after the other: the first migrates the schema and makes the number.
    for (let i = 0; i < nodeCount; i++) {
      nodes.push(
        await startChild('./cluster-gateway-process.ts', {
          BENCH_AGENT_URL: agentUrl,
          BENCH_DATABASE_URL: databaseUrl,
          BENCH_NODE_ID: `bench-${i + 1}`,
          BENCH_SETUP: i === 0 ? '1' : '0',
        }),
      );
    }
    proxy = await startRoundRobinProxy(nodes.map((g) => ({ host: '127.0.0.1', port: g.ready.port as number })));
    const port = Number(new URL(proxy.url).port);
    const phone = nodes[0]!.ready.phone as string;

    const direct = await pool(BASELINE_WARMUP + BASELINE_SAMPLES, 1, (i) => directTurn(agentUrl, agentBody(i)));
    const baseline = summarize(direct.slice(BASELINE_WARMUP));
    const idle = await Promise.all(nodes.map((g) => g.call<Memory>('memory')));

    const calls = await pool(n, 20, () => openCall(port, phone));
    await until(`${n} live sessions`, async () => (await liveCalls(nodes)) === n);
    const perNode = (await sampleAll(nodes)).map((s) => s.liveCalls);

    const start = performance.now() + 200;
    const windowStart = start + WARMUP_S * 1000;
    const windowEnd = windowStart + SECONDS * 1000;
    const carrierLoop = monitorEventLoopDelay({ resolution: 1 });
    carrierLoop.enable();
    const window = (async () => {
      await sleepUntil(windowStart);
      await Promise.all(nodes.map((g) => g.call('reset')));
      carrierLoop.reset();
      await sleepUntil(windowEnd);
      return sampleAll(nodes);
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
    const carrierLoopP99 = Math.max(0, carrierLoop.percentile(99) / 1e6 - 1);
    carrierLoop.disable();
    await sleep(TTFT_MS + 500);
    await Promise.all(calls.map((c) => c.caller.hangup()));
    await until('the calls to close', async () => (await liveCalls(nodes)) === 0);

    const turns = calls.flatMap((c) => c.turns.filter((t) => t.measured));
    const ok = turns.filter((t) => t.firstAt !== undefined && t.agentTtft !== undefined);
    const overhead = ok.map((t) => t.firstAt! - t.sentAt - t.agentTtft!);
    const elapsedMs = Math.max(...loaded.map((s) => s.elapsedMs));
    const cpuMs = loaded.reduce((s, x) => s + x.cpuMs, 0);
    const rssIdle = idle.reduce((s, x) => s + x.rss, 0);
    const rssLoaded = loaded.reduce((s, x) => s + x.rss, 0);
    return {
      n,
      nodes: nodeCount,
      callsPerNode: perNode,
      turns: turns.length,
      failedTurns: turns.length - ok.length,
      addedMs: summarize(overhead.map((v) => v - baseline.p50)),
      overheadMs: summarize(overhead),
      promptToFirstTokenMs: summarize(ok.map((t) => t.firstAt! - t.sentAt)),
      agentTtftMs: summarize(ok.map((t) => t.agentTtft!)),
      loopbackBaselineMs: baseline,
      gateway: {
        eventLoopDelayP99Ms: Math.max(...loaded.map((s) => s.eldP99Ms)),
        eventLoopDelayMaxMs: Math.max(...loaded.map((s) => s.eldMaxMs)),
        cpuPercentOfOneCore: (cpuMs / elapsedMs) * 100,
        cpuMsPerCallSecond: cpuMs / ((n * elapsedMs) / 1000),
        rssIdleMB: rssIdle / 2 ** 20,
        rssLoadedMB: rssLoaded / 2 ** 20,
        rssPerCallKB: (rssLoaded - rssIdle) / 1024 / n,
      },
      carrierEventLoopDelayP99Ms: carrierLoopP99,
    };
  } finally {
    await proxy?.close();
    await Promise.all(nodes.map((g) => g.stop()));
    await dropSchema(DATABASE_URL, schema).catch((err: unknown) => console.error(`could not drop ${schema}: ${String(err)}`));
  }
}

type Run = Awaited<ReturnType<typeof runOnce>>;

function print(runs: Run[], machine: Record<string, unknown>, nodeCount: number): void {
  const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const trio = (s: Summary) => `${f(s.p50)} / ${f(s.p99)} / ${f(s.p999)}`;
  const rows: Array<[string, (r: Run) => string]> = [
    ['calls (N), one prompt/s each', (r) => String(r.n)],
    ['  live calls per node', (r) => r.callsPerNode.join(' + ')],
    ['turns measured (failed)', (r) => `${r.turns} (${r.failedTurns})`],
    ['ADDED latency p50 / p99 / p99.9 ms', (r) => trio(r.addedMs)],
    ['  raw prompt→first token p50 / p99 ms', (r) => `${f(r.promptToFirstTokenMs.p50)} / ${f(r.promptToFirstTokenMs.p99)}`],
    ['  agent actual TTFT p50 ms', (r) => f(r.agentTtftMs.p50)],
    ['  raw − TTFT p50 / p99 ms (no baseline)', (r) => `${f(r.overheadMs.p50)} / ${f(r.overheadMs.p99)}`],
    ['  loopback baseline p50 / p99 ms', (r) => `${f(r.loopbackBaselineMs.p50)} / ${f(r.loopbackBaselineMs.p99)}`],
    ['gateway event-loop delay p99 / max ms (worst node)', (r) => `${f(r.gateway.eventLoopDelayP99Ms)} / ${f(r.gateway.eventLoopDelayMaxMs)}`],
    ['gateway CPU % of one core (all nodes)', (r) => f(r.gateway.cpuPercentOfOneCore, 1)],
    ['gateway CPU ms per call-second', (r) => f(r.gateway.cpuMsPerCallSecond, 3)],
    ['gateway RSS idle → loaded MB (all nodes)', (r) => `${f(r.gateway.rssIdleMB, 1)} → ${f(r.gateway.rssLoadedMB, 1)}`],
    ['gateway RSS per call KB', (r) => f(r.gateway.rssPerCallKB, 1)],
    ['(carrier process event-loop p99 ms)', (r) => f(r.carrierEventLoopDelayP99Ms)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const cols = runs.map((r) => Math.max(...rows.map(([, cell]) => cell(r).length)));
  console.log(
    [
      '',
      `Agentline voice benchmark, ${nodeCount} node(s) on PostgreSQL behind a round-robin proxy — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`,
      `agent TTFT ${TTFT_MS} ms, ${WARMUP_S} s warm-up + ${SECONDS} s measured per N; bus: ${env.BENCH_REDIS_URL ? 'Redis' : 'PostgreSQL LISTEN/NOTIFY'}`,
      '',
      ...rows.map(([label, cell]) => `${label.padEnd(width)}  ${runs.map((r, i) => cell(r).padStart(cols[i]!)).join('   ')}`),
      '',
      'added = (first text frame at the carrier − prompt sent) − agent actual TTFT − loopback baseline p50; the proxy hop is included',
    ].join('\n'),
  );
}

export async function runClusterBench(nodeCount: number, machine: Record<string, unknown>): Promise<void> {
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > 8) throw new Error('--nodes takes 1 to 8');
  if ([...NS, SECONDS, WARMUP_S, TTFT_MS].some((n) => !Number.isFinite(n) || n < 0) || NS.some((n) => n < 1)) {
    throw new Error('BENCH_N (e.g. 50,200), BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_AGENT_TTFT_MS must be positive numbers');
  }
  const agent = await startChild('./agent-process.ts', { BENCH_AGENT_TTFT_MS: String(TTFT_MS) });
  const runs: Run[] = [];
  try {
    for (const n of NS) {
      console.error(`running N=${n} on ${nodeCount} node(s) (${WARMUP_S + SECONDS} s of turns)...`);
      runs.push(await runOnce(n, nodeCount, agent.ready.url as string));
    }
  } finally {
    await agent.stop();
  }
  print(runs, machine, nodeCount);
  const results = { date: new Date().toISOString(), machine, params: { nodes: nodeCount, ns: NS, seconds: SECONDS, warmupSeconds: WARMUP_S, agentTtftMs: TTFT_MS }, runs };
  writeFileSync(new URL('./results-cluster.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('results written to bench/results-cluster.json');
}
