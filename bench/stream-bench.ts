import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type Child, startChild, type Summary } from './shared.js';
import { type VadOffsets, vadOffsets } from './stream-utterances.js';

// The Media Streams run of `npm run bench` (voice-bench.ts runs it after the relay run, or alone
// with `--only stream`). Six processes, so none shares an event loop:
//   gateway-process.ts      the real gateway, a `stream` number, Silero VAD, the openai SDK;
//                           a fresh one for each N
//   agent-process.ts        the fake SSE agent: first token after BENCH_STREAM_TTFT_MS
//   fake-speech-process.ts  ×2: STT (answer after BENCH_STT_MS) and TTS (first audio after
//                           BENCH_TTS_FIRST_BYTE_MS, then real time × BENCH_TTS_SPEED)
//   stream-load-process.ts  the carrier: N phones on Media Streams, one utterance per period each
//   this process            orchestration and the report
//
// Two measures of what the gateway adds to a turn, both printed:
//   carrier-measured: (first agent `media` frame at the carrier − the caller's last speech frame
//     sent) − the fixed latencies configured (endpointing_ms + STT + agent TTFT + TTS first
//     byte). It contains everything that is not a fake's fixed wait: the VAD's window and its
//     judgement of where speech ended, endpointing's 32 ms window granularity, VAD inference,
//     WAV building, the STT upload, the agent request, clause chunking, TTS → 8 kHz μ-law, the
//     pacer, five loopback hops and the event loops on the way. This is the one held to target.
//   stored: the transcript's gateway_added_ms, computed inside the gateway as first_audio_ms −
//     (endpointing_ms + stt_ms + first_token_ms + tts_first_byte_ms), each as the gateway timed
//     it, so the hops and any event-loop lag while waiting on a service count as that service.
// Nothing asserts timings.

const env = process.env;
// BENCH_STREAM_N=0: no timed runs, the idle run alone (what profiling the idle path needs).
const NS = env.BENCH_STREAM_N?.trim() === '0' ? [] : (env.BENCH_STREAM_N ?? '20,50').split(',').map((s) => Number(s.trim()));
const PERIOD_S = Number(env.BENCH_STREAM_PERIOD_S ?? 6);
const WARMUP_TURNS = Number(env.BENCH_STREAM_WARMUP_TURNS ?? 1);
const TURNS = Number(env.BENCH_STREAM_TURNS ?? 5);
const ENDPOINTING_MS = Number(env.BENCH_ENDPOINTING_MS ?? 500);
const STT_MS = Number(env.BENCH_STT_MS ?? 120);
const TTFT_MS = Number(env.BENCH_STREAM_TTFT_MS ?? 300);
const TTS_FIRST_BYTE_MS = Number(env.BENCH_TTS_FIRST_BYTE_MS ?? 80);
const TTS_CLAUSE_MS = Number(env.BENCH_TTS_CLAUSE_MS ?? 600);
const TTS_SPEED = Number(env.BENCH_TTS_SPEED ?? 2);
const FIXED_MS = ENDPOINTING_MS + STT_MS + TTFT_MS + TTS_FIRST_BYTE_MS;
// Two clauses: the first is complete (and goes to TTS) with the first delta.
const AGENT_DELTAS = ['Sure, I can help you with that. ', 'Is there anything', ' else I can do for you?'];
// The idle run: N calls on the line, silent (digital silence every 20 ms, as a muted phone
// sends), nobody speaking: what a call costs the gateway while it waits, VAD included.
const IDLE_N = Number(env.BENCH_STREAM_IDLE_N ?? 100);
const IDLE_S = Number(env.BENCH_STREAM_IDLE_S ?? 10);
// The idle floor (stream-idle-floor-process.ts: the same sockets received by `ws` alone) is
// measured just before the gateway's idle run; BENCH_STREAM_IDLE_FLOOR=0 skips it.
const IDLE_FLOOR = env.BENCH_STREAM_IDLE_FLOOR !== '0';
if ([...NS, PERIOD_S, WARMUP_TURNS, TURNS, ENDPOINTING_MS, STT_MS, TTFT_MS, TTS_FIRST_BYTE_MS, TTS_CLAUSE_MS, TTS_SPEED].some((n) => !Number.isFinite(n) || n < 0) || NS.some((n) => n < 1)) {
  throw new Error('BENCH_STREAM_* and the fake latencies must be positive numbers');
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
interface LoadResult {
  turns: number;
  unanswered: number;
  missingTimings: number;
  carrierFirstAudioMs: Summary;
  stored: Record<'firstAudioMs' | 'gatewayAddedMs' | 'endpointingMs' | 'sttMs' | 'firstTokenMs' | 'ttsFirstByteMs', Summary> & { count: number };
  integrity: { frames: number; clauses: number; badClauses: number; lost: number; outOfOrder: number; badSize: number; clears: number };
  carrierEventLoopP99Ms: number;
}

/** Linux CPU pressure: µs during which some runnable task waited for a CPU (other work on the machine shows here). */
function cpuPressureUs(): number | null {
  try {
    return Number(/some .*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const minus = (s: Summary, d: number): Summary => ({ count: s.count, p50: s.p50 - d, p99: s.p99 - d, p999: s.p999 - d, max: s.max - d });

async function runOnce(n: number, gateway: Child, fakes: { agent: Child; stt: Child; tts: Child }) {
  const gw = gateway.ready as { port: number; phone: string; key: string };
  const idle = await gateway.call<Memory>('memory');
  const load = await startChild('./stream-load-process.ts', {
    BENCH_GW_PORT: String(gw.port),
    BENCH_PHONE: gw.phone,
    BENCH_API_KEY: gw.key,
    BENCH_N: String(n),
    BENCH_PERIOD_S: String(PERIOD_S),
    BENCH_WARMUP_TURNS: String(WARMUP_TURNS),
    BENCH_TURNS: String(TURNS),
    BENCH_TTS_CLAUSE_MS: String(TTS_CLAUSE_MS),
  });
  try {
    await load.call('open');
    await until(`${n} live calls`, async () => (await gateway.call<GatewaySample>('sample')).liveCalls === n);
    const window = await load.call<{ windowStart: number; windowEnd: number }>('begin');
    await sleep(window.windowStart - Date.now());
    await Promise.all([gateway.call('reset'), fakes.agent.call('reset'), fakes.stt.call('reset'), fakes.tts.call('reset')]);
    const pressureFrom = cpuPressureUs();
    await sleep(window.windowEnd - Date.now());
    const pressureTo = cpuPressureUs();
    const load1 = loadavg()[0]!;
    const loaded = await gateway.call<GatewaySample>('sample');
    const probes = await gateway.call<{ inboundLagMs: Summary; vadLagMs: Summary; wavBuildMs: Summary }>('probes');
    const [agentStats, sttStats, ttsStats] = await Promise.all([fakes.agent.call('stats'), fakes.stt.call('stats'), fakes.tts.call('stats')]);
    const open = await gateway.call<Memory>('memory'); // after a full GC, calls still open
    await load.call('stop');
    await until('the calls to close', async () => (await gateway.call<GatewaySample>('sample')).liveCalls === 0);
    await sleep(300); // the transcript writer's last batch
    const r = await load.call<LoadResult>('collect');
    const callSeconds = (n * loaded.elapsedMs) / 1000;
    return {
      n,
      ...r,
      carrierAddedMs: minus(r.carrierFirstAudioMs, FIXED_MS),
      machine: {
        loadAvg1: load1,
        cpuPressurePercent: pressureFrom === null || pressureTo === null ? null : ((pressureTo - pressureFrom) / 1000 / loaded.elapsedMs) * 100,
      },
      gatewayProbesMs: probes,
      fakesActualMs: { stt: sttStats.actualMs as Summary, agentTtft: agentStats.actualMs as Summary, ttsFirstByte: ttsStats.actualMs as Summary },
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
    };
  } finally {
    await load.stop();
  }
}

export type StreamRun = Awaited<ReturnType<typeof runOnce>>;

async function idleRun(n: number, gateway: Child) {
  const gw = gateway.ready as { port: number; phone: string; key: string };
  const before = await gateway.call<Memory>('memory');
  const load = await startChild('./stream-load-process.ts', { BENCH_GW_PORT: String(gw.port), BENCH_PHONE: gw.phone, BENCH_API_KEY: gw.key, BENCH_N: String(n), BENCH_TURNS: '0', BENCH_WARMUP_TURNS: '0', BENCH_TTS_CLAUSE_MS: String(TTS_CLAUSE_MS) });
  try {
    await load.call('open'); // greetings played; from here on every call sends silence only
    await until(`${n} live calls`, async () => (await gateway.call<GatewaySample>('sample')).liveCalls === n);
    await sleep(2000);
    await gateway.call('reset');
    const loadAvg = loadavg()[0]!;
    await sleep(IDLE_S * 1000);
    const s = await gateway.call<GatewaySample>('sample');
    const open = await gateway.call<Memory>('memory');
    await load.call('stop');
    await until('the calls to close', async () => (await gateway.call<GatewaySample>('sample')).liveCalls === 0);
    return {
      n,
      seconds: s.elapsedMs / 1000,
      cpuPercentOfOneCore: (s.cpuMs / s.elapsedMs) * 100,
      cpuPercentPer100Calls: ((s.cpuMs / s.elapsedMs) * 100 * 100) / n,
      eventLoopDelayP99Ms: s.eldP99Ms,
      rssPerCallKB: (s.rss - before.rss) / 1024 / n,
      heapPerCallKB: (open.heapUsed - before.heapUsed) / 1024 / n,
      loadAvg,
    };
  } finally {
    await load.stop();
  }
}
type IdleRun = Awaited<ReturnType<typeof idleRun>>;

function printIdle(r: IdleRun, floor: IdleRun | null): void {
  const perFrameUs = (x: IdleRun) => ((x.cpuPercentPer100Calls / 100) * 1e6) / (100 * 50); // µs of CPU per 20 ms frame (100 calls × 50 a second)
  console.log([
    '',
    `stream idle: ${r.n} silent calls (a frame every 20 ms each, VAD on every frame), ${r.seconds.toFixed(1)} s measured, load avg ${r.loadAvg.toFixed(2)}`,
    `  gateway CPU ${r.cpuPercentOfOneCore.toFixed(1)} % of one core = ${r.cpuPercentPer100Calls.toFixed(2)} % per 100 calls (target ≤ 1 %), ${perFrameUs(r).toFixed(1)} µs per frame; event-loop delay p99 ${r.eventLoopDelayP99Ms.toFixed(2)} ms`,
    ...(floor
      ? [`  floor (ws + JSON.parse only, just before, load avg ${floor.loadAvg.toFixed(2)}): ${floor.cpuPercentPer100Calls.toFixed(2)} % per 100 calls, ${perFrameUs(floor).toFixed(1)} µs per frame; the gateway adds ${(perFrameUs(r) - perFrameUs(floor)).toFixed(1)} µs per frame`]
      : []),
    `  RSS per call ${r.rssPerCallKB.toFixed(0)} KB (model loaded on the first call included), JS heap per call ${r.heapPerCallKB.toFixed(0)} KB after GC`,
  ].join('\n'));
}

function print(runs: StreamRun[], vad: VadOffsets): void {
  const f = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const pair = (s: Summary, d = 1) => `${f(s.p50, d)} / ${f(s.p99, d)}`;
  const rows: Array<[string, (r: StreamRun) => string]> = [
    ['calls (N), one utterance per period each', (r) => String(r.n)],
    ['caller turns measured (unanswered)', (r) => `${r.turns} (${r.unanswered})`],
    ['first_audio_ms p50 / p99 (carrier: speech end → 1st frame)', (r) => pair(r.carrierFirstAudioMs)],
    ['first_audio_ms p50 / p99 (stored)', (r) => pair(r.stored.firstAudioMs)],
    ['GATEWAY-ADDED p50 / p99 ms (carrier-measured)', (r) => pair(r.carrierAddedMs)],
    ['gateway_added_ms p50 / p99 (stored)', (r) => pair(r.stored.gatewayAddedMs)],
    ['  stored endpointing_ms p50 / p99', (r) => pair(r.stored.endpointingMs)],
    ['  stored stt_ms p50 / p99', (r) => pair(r.stored.sttMs)],
    ['  stored first_token_ms p50 / p99', (r) => pair(r.stored.firstTokenMs)],
    ['  stored tts_first_byte_ms p50 / p99', (r) => pair(r.stored.ttsFirstByteMs)],
    ['  fakes actual STT / TTFT / TTS p50 ms', (r) => `${f(r.fakesActualMs.stt.p50)} / ${f(r.fakesActualMs.agentTtft.p50)} / ${f(r.fakesActualMs.ttsFirstByte.p50)}`],
    ['  fakes actual STT / TTFT / TTS p99 ms', (r) => `${f(r.fakesActualMs.stt.p99)} / ${f(r.fakesActualMs.agentTtft.p99)} / ${f(r.fakesActualMs.ttsFirstByte.p99)}`],
    ['agent frames checked (clauses)', (r) => `${r.integrity.frames} (${r.integrity.clauses})`],
    ['FRAMES LOST / OUT OF ORDER / bad size', (r) => `${r.integrity.lost} / ${r.integrity.outOfOrder} / ${r.integrity.badSize}`],
    ['  clauses not intact; clears (barge-ins)', (r) => `${r.integrity.badClauses}; ${r.integrity.clears}`],
    ['gateway hears caller frames late by, p50 / p99 ms', (r) => pair(r.gatewayProbesMs.inboundLagMs)],
    ['gateway VAD judging lag p50 / p99 ms (frame → window judged)', (r) => pair(r.gatewayProbesMs.vadLagMs)],
    ['gateway WAV for STT build p50 / p99 ms (sync)', (r) => pair(r.gatewayProbesMs.wavBuildMs)],
    ['gateway event-loop delay p99 / max ms', (r) => `${f(r.gateway.eventLoopDelayP99Ms, 2)} / ${f(r.gateway.eventLoopDelayMaxMs, 2)}`],
    ['gateway CPU % of one core', (r) => f(r.gateway.cpuPercentOfOneCore)],
    ['gateway CPU per call (% of one core)', (r) => f(r.gateway.cpuMsPerCallSecond / 10, 2)],
    ['gateway RSS idle → loaded MB', (r) => `${f(r.gateway.rssIdleMB)} → ${f(r.gateway.rssLoadedMB)}`],
    ['gateway RSS per call KB', (r) => f(r.gateway.rssPerCallKB)],
    ['gateway JS heap per call KB (after GC)', (r) => f(r.gateway.heapPerCallKB)],
    ['(carrier process event-loop p99 ms)', (r) => f(r.carrierEventLoopP99Ms, 2)],
    ['(machine: load avg 1 min; CPU pressure % of window)', (r) => `${f(r.machine.loadAvg1, 2)}; ${r.machine.cpuPressurePercent === null ? '-' : f(r.machine.cpuPressurePercent, 0)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const cols = runs.map((r) => Math.max(...rows.map(([, cell]) => cell(r).length)));
  const out = [
    '',
    `Media Streams run — fixed fakes: endpointing ${ENDPOINTING_MS} ms, STT ${STT_MS} ms, agent TTFT ${TTFT_MS} ms, TTS first byte ${TTS_FIRST_BYTE_MS} ms (${TTS_SPEED}× real time, ${TTS_CLAUSE_MS} ms clauses)`,
    `one utterance every ${PERIOD_S} s per call, ${WARMUP_TURNS} warm-up + ${TURNS} measured turns per call`,
    '',
    ...rows.map(([label, cell]) => `${label.padEnd(width)}  ${runs.map((r, i) => cell(r).padStart(cols[i]!)).join('   ')}`),
    '',
    `carrier-measured added = (first agent media frame − last speech frame sent) − ${FIXED_MS} ms of fixed latencies`,
    'stored = the transcript: gateway_added_ms = first_audio_ms − (endpointing_ms + stt_ms + first_token_ms + tts_first_byte_ms)',
    'frames: the fake TTS speaks a level pattern; every clause (frames between marks) must arrive whole and in order',
  ];
  for (const r of runs) {
    const b = breakdown(r, vad);
    out.push('', `where the milliseconds go at N=${r.n} (p50s, so the parts add up only roughly):`);
    for (const [label, ms] of b) out.push(`  ${label.padEnd(84)} ${f(ms).padStart(7)}`);
  }
  const target = runs.find((r) => r.n === 50);
  if (target) {
    const lost = target.integrity.lost + target.integrity.outOfOrder + target.integrity.badSize;
    const met = target.carrierAddedMs.p50 <= 80 && target.carrierAddedMs.p99 <= 200 && lost === 0 && target.unanswered === 0;
    out.push(`target at N=50: gateway-added p50 ≤ 80 ms, p99 ≤ 200 ms, no frame lost — ${met ? 'met' : 'NOT met'} (p50 ${f(target.carrierAddedMs.p50)}, p99 ${f(target.carrierAddedMs.p99)}, lost/reordered ${lost}, unanswered ${target.unanswered})`);
  }
  console.log(out.join('\n'));
}

/** A stream turn's first-audio time, part by part (p50s), from what the run measured. */
export function breakdown(r: StreamRun, vad: VadOffsets): Array<[string, number]> {
  const a = r.fakesActualMs;
  const st = r.stored;
  const parts: Array<[string, number]> = [
    [`endpointing_ms as configured`, ENDPOINTING_MS],
    [`VAD: where it ends speech (${vad.speechEndMs.p50 >= 0 ? '+' : ''}${vad.speechEndMs.p50} ms), 32 ms windows, their last 20 ms frame (audio time)`, vad.turnEndMs.p50 - ENDPOINTING_MS],
    [`fixed fake waits: STT ${STT_MS} + agent TTFT ${TTFT_MS} + TTS first byte ${TTS_FIRST_BYTE_MS}`, STT_MS + TTFT_MS + TTS_FIRST_BYTE_MS],
    ['fake timers firing late (actual − fixed)', a.stt.p50 - STT_MS + a.agentTtft.p50 - TTFT_MS + a.ttsFirstByte.p50 - TTS_FIRST_BYTE_MS],
    ['STT request beyond the fake (upload, SDK, loopback; stored stt_ms − actual)', st.sttMs.p50 - a.stt.p50],
    ['agent request beyond the fake (stored first_token_ms − actual)', st.firstTokenMs.p50 - a.agentTtft.p50],
    ['TTS request beyond the fake (stored tts_first_byte_ms − actual)', st.ttsFirstByteMs.p50 - a.ttsFirstByte.p50],
    ['gateway glue: turn, chunking, 24k→8k μ-law, pacer (stored gateway_added_ms)', st.gatewayAddedMs.p50],
    ['gateway hears the last frames late (inbound lag p50, probe)', r.gatewayProbesMs.inboundLagMs.p50],
    ['VAD judging lag: Silero one window per event-loop turn per call (probe p50)', r.gatewayProbesMs.vadLagMs.p50],
    ['WAV for STT, 8 → 16 kHz (probe p50)', r.gatewayProbesMs.wavBuildMs.p50],
  ];
  const sum = parts.reduce((t, [, ms]) => t + ms, 0);
  parts.push(['rest: WebSocket transit, queueing behind other calls, rounding (by difference)', r.carrierFirstAudioMs.p50 - sum]);
  parts.push(['= first_audio_ms p50 at the carrier', r.carrierFirstAudioMs.p50]);
  return parts;
}

export async function runStreamBench(): Promise<Record<string, unknown>> {
  const [agent, stt, tts] = await Promise.all([
    startChild('./agent-process.ts', { BENCH_AGENT_TTFT_MS: String(TTFT_MS), BENCH_AGENT_DELTAS: JSON.stringify(AGENT_DELTAS), BENCH_AGENT_MARKER: '0' }),
    startChild('./fake-speech-process.ts', { BENCH_SPEECH_ROLE: 'stt', BENCH_STT_MS: String(STT_MS) }),
    startChild('./fake-speech-process.ts', { BENCH_SPEECH_ROLE: 'tts', BENCH_TTS_FIRST_BYTE_MS: String(TTS_FIRST_BYTE_MS), BENCH_TTS_CLAUSE_MS: String(TTS_CLAUSE_MS), BENCH_TTS_SPEED: String(TTS_SPEED) }),
  ]);
  const runs: StreamRun[] = [];
  let idle: IdleRun | null = null;
  let idleFloor: IdleRun | null = null;
  const vad = NS.length > 0 ? await vadOffsets(ENDPOINTING_MS) : null;
  try {
    for (const n of NS) {
      console.error(`stream run N=${n} (${(WARMUP_TURNS + TURNS) * PERIOD_S} s of turns)...`);
      const gateway = await startChild('./gateway-process.ts', {
        BENCH_MEDIA_MODE: 'stream',
        BENCH_AGENT_URL: agent.ready.url as string,
        BENCH_STT_URL: stt.ready.url as string,
        BENCH_TTS_URL: tts.ready.url as string,
        BENCH_ENDPOINTING_MS: String(ENDPOINTING_MS),
      });
      try {
        runs.push(await runOnce(n, gateway, { agent, stt, tts }));
      } finally {
        await gateway.stop();
      }
    }
    if (IDLE_N > 0 && IDLE_FLOOR) {
      console.error(`stream idle floor: ${IDLE_N} silent calls, ${IDLE_S} s measured...`);
      const floor = await startChild('./stream-idle-floor-process.ts', {});
      try {
        idleFloor = await idleRun(IDLE_N, floor);
      } finally {
        await floor.stop();
      }
    }
    if (IDLE_N > 0) {
      console.error(`stream idle run: ${IDLE_N} silent calls, ${IDLE_S} s measured...`);
      // No per-frame probes here (the idle run reports none): they would be measured as the gateway's.
      const gateway = await startChild('./gateway-process.ts', { BENCH_MEDIA_MODE: 'stream', BENCH_STREAM_PROBES: '0', BENCH_AGENT_URL: agent.ready.url as string, BENCH_STT_URL: stt.ready.url as string, BENCH_TTS_URL: tts.ready.url as string, BENCH_ENDPOINTING_MS: String(ENDPOINTING_MS) });
      try {
        idle = await idleRun(IDLE_N, gateway);
      } finally {
        await gateway.stop();
      }
    }
  } finally {
    await Promise.all([agent.stop(), stt.stop(), tts.stop()]);
  }
  if (vad) print(runs, vad);
  if (idle) printIdle(idle, idleFloor);
  const params = { ns: NS, periodS: PERIOD_S, warmupTurns: WARMUP_TURNS, turns: TURNS, endpointingMs: ENDPOINTING_MS, sttMs: STT_MS, agentTtftMs: TTFT_MS, ttsFirstByteMs: TTS_FIRST_BYTE_MS, ttsClauseMs: TTS_CLAUSE_MS, ttsSpeed: TTS_SPEED };
  return { params, vadOffsetsMs: vad, idle, idleFloor, runs: runs.map((r) => ({ ...r, breakdownMs: Object.fromEntries(breakdown(r, vad!)) })) };
}
