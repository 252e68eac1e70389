import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../src/carriers/twilio/signature.js';
import { connectMediaCaller, FRAME_BYTES, type MediaCaller } from '../test/fakes/fake-media-caller.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent, summarize } from './shared.js';
import { PATTERN_PERIOD, patternIndexOf } from './stream-pattern.js';
import { UTTERANCE_FIXTURES, utterance } from './stream-utterances.js';

// The carrier of the stream run, in its own process: N phones on Twilio Media Streams, as Twilio
// drives them. Per call: the signed voice webhook (X-Twilio-Signature) → <Connect><Stream> TwiML,
// whose Stream url and callId parameter it uses; the signed WebSocket upgrade; `connected`,
// `start`, then a 20 ms μ-law `media` frame every 20 ms of real time for the whole call (digital
// silence when not speaking, as a phone keeps sending); every `mark` echoed once the agent audio
// before it has played at real time; `stop` at the end (test/fakes/fake-media-caller.ts).
//
// Each call speaks a fixture utterance every BENCH_PERIOD_S seconds (hello.wav, second.ulaw in
// turn, cut at the end of their speech), the N calls evenly staggered. Per turn it measures
// speech end → first agent `media` frame (the speech end is when the last speech frame was sent).
// Every agent frame is checked against the fake TTS's pattern (stream-pattern.ts): per clause
// (frames between two marks) exactly the clause's frame count, indices in order.
//
// Commands: open (N calls up, greetings played) → begin (schedules the turns; returns the
// measurement window in epoch ms) → stop (after the last turn: `stop` on every call) → collect
// (the stored per-turn timings from GET /v1/calls/{id}/transcript, and everything measured).

const env = process.env;
const PORT = Number(env.BENCH_GW_PORT);
const PHONE = env.BENCH_PHONE!;
const KEY = env.BENCH_API_KEY!;
const N = Number(env.BENCH_N);
const PERIOD_MS = Number(env.BENCH_PERIOD_S ?? 6) * 1000;
const WARMUP_TURNS = Number(env.BENCH_WARMUP_TURNS ?? 1);
const TURNS = Number(env.BENCH_TURNS ?? 5);
const CLAUSE_FRAMES = Math.round(Number(env.BENCH_TTS_CLAUSE_MS ?? 600) / 20);

interface Turn {
  measured: boolean;
  speechEndAt?: number;
  firstAudioAt?: number;
}
interface Integrity {
  frames: number;
  clauses: number;
  badClauses: number;
  /** Frames a clause should have had and did not (short clauses), summed. */
  lost: number;
  /** Adjacent frames whose pattern indices are not consecutive. */
  outOfOrder: number;
  /** Frames that are not 160 bytes. */
  badSize: number;
  clears: number;
}
interface Call {
  callId: string;
  caller: MediaCaller;
  turns: Turn[];
  clause: number[];
  integrity: Integrity;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const UTTERANCES = UTTERANCE_FIXTURES.map(utterance);

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

function checkClause(call: Call): void {
  const got = call.clause;
  call.clause = [];
  if (got.length === 0) return;
  const i = call.integrity;
  i.clauses++;
  let bad = got.length !== CLAUSE_FRAMES || got[0] !== 0;
  if (got.length < CLAUSE_FRAMES) i.lost += CLAUSE_FRAMES - got.length;
  for (let k = 1; k < got.length; k++) {
    if (got[k] !== (got[k - 1]! + 1) % PATTERN_PERIOD) {
      i.outOfOrder++;
      bad = true;
    }
  }
  if (bad) i.badClauses++;
}

async function openCall(): Promise<Call> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const params = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: PHONE, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' };
  const res = await fetch(`http://127.0.0.1:${PORT}/carrier/twilio/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC_URL}/carrier/twilio/voice`, params) },
    body: new URLSearchParams(params).toString(),
  });
  const twiml = await res.text();
  const streamUrl = /<Stream url="([^"]+)"/.exec(twiml)?.[1];
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(twiml)?.[1];
  if (res.status !== 200 || !streamUrl || !callId) throw new Error(`voice webhook ${res.status}: ${twiml.slice(0, 300)}`);
  const caller = await connectMediaCaller({
    wsUrl: `ws://127.0.0.1:${PORT}${new URL(streamUrl).pathname}`,
    signedUrl: streamUrl,
    authToken: AUTH_TOKEN,
    callSid,
    customParameters: { callId },
  });
  const call: Call = { callId, caller, turns: [], clause: [], integrity: { frames: 0, clauses: 0, badClauses: 0, lost: 0, outOfOrder: 0, badSize: 0, clears: 0 } };
  caller.socket.on('message', (data) => {
    const at = performance.now();
    const text = data.toString();
    if (text.startsWith('{"event":"media"')) {
      const payload = Buffer.from((JSON.parse(text) as { media: { payload: string } }).media.payload, 'base64');
      call.integrity.frames++;
      if (payload.length !== FRAME_BYTES) call.integrity.badSize++;
      else call.clause.push(patternIndexOf(payload));
      const turn = call.turns.at(-1);
      if (turn?.speechEndAt !== undefined && turn.firstAudioAt === undefined) turn.firstAudioAt = at;
    } else if (text.startsWith('{"event":"mark"')) {
      checkClause(call);
    } else if (text.startsWith('{"event":"clear"')) {
      call.integrity.clears++;
      call.clause = []; // a barge-in: what was cleared is not checked
    }
  });
  // Up once the greeting played and its mark came back.
  await caller.waitFor((f) => f.event === 'mark', 30_000);
  await sleep(Math.max(0, CLAUSE_FRAMES * 20 + 500));
  return call;
}

let calls: Call[] = [];
let schedule: Promise<void> = Promise.resolve();
const loop = monitorEventLoopDelay({ resolution: 1 });

serveParent(async (cmd) => {
  if (cmd === 'open') {
    calls = await pool(N, 10, () => openCall());
    return { calls: calls.length };
  }
  if (cmd === 'begin') {
    // Call i speaks at start + i·period/N, then every period.
    const startIn = 300;
    const start = performance.now() + startIn;
    const epoch = Date.now() + startIn;
    schedule = Promise.all(
      calls.map(async (call, i) => {
        for (let k = 0; k < WARMUP_TURNS + TURNS; k++) {
          await sleep(start + (i * PERIOD_MS) / N + k * PERIOD_MS - performance.now());
          const turn: Turn = { measured: k >= WARMUP_TURNS };
          call.turns.push(turn);
          await call.caller.play(UTTERANCES[k % UTTERANCES.length]!);
          turn.speechEndAt = performance.now();
        }
        await sleep(start + (i * PERIOD_MS) / N + (WARMUP_TURNS + TURNS) * PERIOD_MS - performance.now()); // the last reply plays out
      }),
    ).then(() => undefined);
    setTimeout(() => {
      loop.reset();
      loop.enable();
    }, startIn + WARMUP_TURNS * PERIOD_MS);
    return { windowStart: epoch + WARMUP_TURNS * PERIOD_MS, windowEnd: epoch + (WARMUP_TURNS + TURNS) * PERIOD_MS };
  }
  if (cmd === 'stop') {
    await schedule;
    loop.disable();
    await Promise.all(calls.map((c) => c.caller.stop()));
    return null;
  }
  // collect
  const stored: Array<Record<string, number | null>> = [];
  let missingTimings = 0;
  await pool(calls.length, 5, async (i) => {
    const call = calls[i]!;
    const res = await fetch(`http://127.0.0.1:${PORT}/v1/calls/${call.callId}/transcript`, { headers: { authorization: `Bearer ${KEY}` } });
    const body = (await res.json()) as { data: { turns: Array<{ speaker: string; timings: Record<string, number | null> }> } };
    // Agent turns with speech timings answer caller turns, in order; the greeting has none.
    const answered = body.data.turns.filter((t) => t.speaker === 'agent' && t.timings.first_audio_ms !== null);
    missingTimings += Math.max(0, call.turns.length - answered.length);
    answered.forEach((t, k) => {
      if (call.turns[k]?.measured) stored.push(t.timings);
    });
  });
  const turns = calls.flatMap((c) => c.turns.filter((t) => t.measured));
  const answered = turns.filter((t) => t.firstAudioAt !== undefined && t.speechEndAt !== undefined);
  const integrity = calls.reduce<Integrity>(
    (sum, c) => {
      for (const k of Object.keys(sum) as Array<keyof Integrity>) sum[k] += c.integrity[k];
      return sum;
    },
    { frames: 0, clauses: 0, badClauses: 0, lost: 0, outOfOrder: 0, badSize: 0, clears: 0 },
  );
  const pick = (k: string) => stored.map((t) => t[k]).filter((v): v is number => typeof v === 'number');
  return {
    turns: turns.length,
    unanswered: turns.length - answered.length,
    missingTimings,
    carrierFirstAudioMs: summarize(answered.map((t) => t.firstAudioAt! - t.speechEndAt!)),
    stored: {
      count: stored.length,
      firstAudioMs: summarize(pick('first_audio_ms')),
      gatewayAddedMs: summarize(pick('gateway_added_ms')),
      endpointingMs: summarize(pick('endpointing_ms')),
      sttMs: summarize(pick('stt_ms')),
      firstTokenMs: summarize(pick('first_token_ms')),
      ttsFirstByteMs: summarize(pick('tts_first_byte_ms')),
    },
    integrity,
    carrierEventLoopP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 1),
  };
});
process.send?.({ ready: true });
