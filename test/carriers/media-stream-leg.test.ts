import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { CallOutcome, LegEvents } from '../../src/calls/call-leg.js';
import { MediaStreamLeg, type MediaStreamLegOptions, type StreamTurnTimings } from '../../src/carriers/twilio/media-stream-leg.js';
import { serveMediaStream } from '../../src/carriers/twilio/media-stream-socket.js';
import { validateTwilioWebSocket } from '../../src/carriers/twilio/signature.js';
import { decodeMulaw } from '../../src/media/mulaw.js';
import { loadShippedPrompts, type PromptName, type ShippedPrompt } from '../../src/media/prompts.js';
import { PhoneAudioEncoder } from '../../src/media/tts-to-phone.js';
import { readWav } from '../../src/media/wav.js';
import type { SpeechError } from '../../src/speech/speech-error.js';
import { OpenAISpeechToText } from '../../src/speech/stt/speech-to-text.js';
import { OpenAITextToSpeech } from '../../src/speech/tts/text-to-speech.js';
import { EnergyGatedVad } from '../../src/speech/vad/energy-vad.js';
import { SileroVadModel } from '../../src/speech/vad/silero-vad.js';
import { connectMediaCaller, FRAME_BYTES, type GatewayMediaFrame, type MediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, tonePcm, type FakeSpeechServer, type TtsReply } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { eventually } from '../helpers/voice.js';

// The Media Streams leg against Twilio's side played by a fake phone over a real loopback
// WebSocket (signed upgrade, real-time uplink of fixture speech and silence, marks echoed only
// once the audio before them has "played"), the real Silero VAD, and the real openai SDK
// against fake STT/TTS servers. The session is a recording LegEvents sink. Every assertion is
// about what a caller or the session would notice: audio, marks, events, never durations.

const AUTH_TOKEN = 'media-test-token';
const SIGNED_PATH = '/carrier/twilio/media';

let model: SileroVadModel;
let speech: FakeSpeechServer;
let openai: OpenAI;
let prompts: Map<PromptName, ShippedPrompt>;
let server: Server;
let wsUrl: string;
let current: Rig | undefined;
const callers: MediaCaller[] = [];

const quietLog = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => quietLog, level: 'silent' } as unknown as FastifyBaseLogger;

/** What one call's session saw, and what the carrier was told at the end. */
interface Rig {
  leg?: MediaStreamLeg;
  legReady: Promise<MediaStreamLeg>;
  said: string[];
  interrupted: string[];
  digits: string[];
  hangups: string[];
  finished: Array<{ outcome: CallOutcome; echoedMarks: string[] }>;
  timings: StreamTurnTimings[];
  failures: Array<{ service: string; error: SpeechError }>;
  /** Runs when the leg is built (the session's greeting). */
  onStart?(leg: MediaStreamLeg): void;
  options: Partial<MediaStreamLegOptions>;
  /** The test attaches the events itself (a session still starting). */
  attachLater?: boolean;
  events?: LegEvents;
}

function rig(options: Partial<MediaStreamLegOptions> = {}, onStart?: (leg: MediaStreamLeg) => void): Rig {
  let resolveLeg!: (leg: MediaStreamLeg) => void;
  const r: Rig = {
    legReady: new Promise((resolve) => (resolveLeg = resolve)),
    said: [],
    interrupted: [],
    digits: [],
    hangups: [],
    finished: [],
    timings: [],
    failures: [],
    onStart,
    options,
  };
  (r as Rig & { resolveLeg: typeof resolveLeg }).resolveLeg = resolveLeg;
  current = r;
  return r;
}

async function call(r: Rig): Promise<{ caller: MediaCaller; leg: MediaStreamLeg }> {
  const caller = await connectMediaCaller({ wsUrl, signedUrl: `wss://gw.example.com${SIGNED_PATH}`, authToken: AUTH_TOKEN, customParameters: { callId: 'call_test' } });
  callers.push(caller);
  return { caller, leg: await r.legReady };
}

beforeAll(async () => {
  model = await SileroVadModel.load({ sampleRate: 8000 });
  speech = await startFakeSpeech();
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: speech.url, maxRetries: 0 });
  prompts = await loadShippedPrompts();

  // Twilio's side connects here; the upgrade is checked like the gateway's relay socket.
  const wss = new WebSocketServer({ noServer: true });
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const ok = validateTwilioWebSocket({ authToken: AUTH_TOKEN, signature: req.headers['x-twilio-signature'] as string | undefined, url: `wss://gw.example.com${req.url}` });
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const r = current!;
      serveMediaStream(ws, {
        log: quietLog,
        async start(frame) {
          const leg = new MediaStreamLeg({
            socket: ws,
            streamSid: frame.streamSid,
            log: quietLog,
            vad: new EnergyGatedVad(model.createStream()),
            stt: new OpenAISpeechToText({ client: openai, model: 'gpt-4o-mini-transcribe', timeoutMs: 3000 }),
            tts: new OpenAITextToSpeech({ client: openai, model: 'gpt-4o-mini-tts', firstByteTimeoutMs: 3000, idleTimeoutMs: 3000 }),
            voice: 'alloy',
            language: 'en-US',
            endpointingMs: 500,
            bargeInMs: 250,
            prompts: { fallback: prompts.get('fallback')!.mulaw, forLine: (text) => [...prompts.values()].find((p) => p.text === text.trim())?.mulaw },
            finish: async (outcome) => {
              r.finished.push({ outcome, echoedMarks: [...(callers.at(-1)?.echoedMarks ?? [])] });
            },
            onSpeechFailure: (service, error) => r.failures.push({ service, error }),
            ...r.options,
          });
          const events: LegEvents = {
            callerSaid: (text) => r.said.push(text),
            interrupted: (heard) => r.interrupted.push(heard),
            digit: (d) => r.digits.push(d),
            hangup: (reason) => r.hangups.push(reason ?? ''),
            speechTimings: (t) => r.timings.push(t),
          };
          r.events = events;
          if (!r.attachLater) leg.attach(events);
          r.leg = leg;
          r.onStart?.(leg);
          (r as Rig & { resolveLeg: (l: MediaStreamLeg) => void }).resolveLeg(leg);
          return leg;
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${SIGNED_PATH}`;
});

afterEach(async () => {
  for (const c of callers.splice(0)) c.close();
  current?.leg?.dispose();
  speech.transcriptions.length = 0;
  speech.speech.length = 0;
  speech.scriptStt({ text: 'hello' });
  speech.scriptTts({});
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await speech.close();
  await model.close();
});

/** What the phone gets for `text` through the fake TTS (a tone, 50 ms per character). */
function expectedAudio(...clauses: string[]): Buffer {
  const encoder = new PhoneAudioEncoder();
  return Buffer.concat(clauses.flatMap((c) => [...encoder.push(tonePcm(50 * c.length)), ...encoder.end()]));
}

const events = (caller: MediaCaller) => caller.received.map((f) => f.event);
const isMark = (name?: string) => (f: GatewayMediaFrame) => f.event === 'mark' && (name === undefined || f.mark?.name === name);
/** Received events with runs of media collapsed: ['media', 'mark', 'media', 'mark']. */
const shape = (caller: MediaCaller) => events(caller).filter((e, i, all) => e !== 'media' || all[i - 1] !== 'media');
const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

describe('Media Streams leg (contract)', () => {
  it('refuses an unsigned upgrade', async () => {
    rig();
    await expect(connectMediaCaller({ wsUrl, authToken: AUTH_TOKEN, signature: 'forged' })).rejects.toMatchObject({ status: 403 });
  });

  it('plays the greeting as whole 160-byte frames, in order, then a mark the phone echoes once played', async () => {
    const r = rig({}, (leg) => {
      leg.speak('Hello, thanks for calling Acme.');
      leg.endTurn();
    });
    const { caller } = await call(r);
    await eventually(async () => caller.echoedMarks.length === 1);
    const frames = caller.audioFrames();
    expect(frames.every((f) => f.length === FRAME_BYTES)).toBe(true);
    expect(Buffer.concat(frames).equals(expectedAudio('Hello, thanks for calling Acme.'))).toBe(true);
    expect(shape(caller)).toEqual(['media', 'mark']);
    expect(caller.received.every((f) => f.streamSid === caller.streamSid)).toBe(true);
    expect(speech.speech[0]!.body).toMatchObject({ model: 'gpt-4o-mini-tts', input: 'Hello, thanks for calling Acme.', voice: 'alloy', response_format: 'pcm' });
    expect(r.said).toEqual([]);
  });

  it('speak() streams clause by clause: each clause its own TTS request, a mark after each clause, audio in order', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    leg.speak('Sure. Your appointment');
    leg.speak(' is on Tuesday at 10:30; see you');
    leg.speak(' then!');
    leg.endTurn();
    await eventually(async () => caller.echoedMarks.length === 3);
    expect(speech.speech.map((s) => s.body.input)).toEqual(['Sure.', 'Your appointment is on Tuesday at 10:30;', 'see you then!']);
    expect(shape(caller)).toEqual(['media', 'mark', 'media', 'mark', 'media', 'mark']);
    expect(caller.echoedMarks).toEqual(['r1-c1', 'r1-c2', 'r1-c3']);
    expect(Buffer.concat(caller.audioFrames()).equals(expectedAudio('Sure.', 'Your appointment is on Tuesday at 10:30;', 'see you then!'))).toBe(true);
  });

  it('an utterance becomes callerSaid with the STT text, sent as a WAV with the language; the reply reports its timings', async () => {
    const r = rig();
    speech.scriptStt({ text: 'I would like to book a cleaning.' });
    const { caller, leg } = await call(r);
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    await eventually(async () => r.said.length === 1);
    expect(r.said).toEqual(['I would like to book a cleaning.']);
    const stt = speech.transcriptions[0]!;
    expect(stt).toMatchObject({ model: 'gpt-4o-mini-transcribe', language: 'en', fileType: 'audio/wav' });
    const wav = readWav(stt.file);
    expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(1); // the speech, not a sliver

    leg.speak('Of course.');
    leg.endTurn();
    await eventually(async () => r.timings.length === 1);
    const t = r.timings[0]!;
    expect(t.endpointing_ms).toBeGreaterThanOrEqual(500);
    for (const value of [t.stt_ms, t.tts_first_byte_ms, t.first_audio_ms]) expect(typeof value).toBe('number');
    expect(t.first_audio_ms).toBeGreaterThanOrEqual(t.stt_ms);
  });

  it('an empty transcript is no turn; the next utterance is', async () => {
    const r = rig();
    speech.scriptStt((_req, n) => ({ text: n === 0 ? '   ' : 'Second try.' }));
    const { caller } = await call(r);
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    await eventually(async () => speech.transcriptions.length === 1);
    await caller.play(Buffer.concat([fixtureMulaw('second.ulaw'), silence(800)]));
    await eventually(async () => r.said.length === 1);
    expect(speech.transcriptions).toHaveLength(2);
    expect(r.said).toEqual(['Second try.']);
  });

  it('barge-in: clear, every TTS request in flight aborted, interrupted() with only the clauses whose marks came back', async () => {
    const r = rig();
    let release!: () => void;
    const held = new Promise((resolve) => (release = () => resolve(undefined)));
    // Clause 3 is still being synthesized when the caller speaks.
    speech.scriptTts((_req, n) => (n === 2 ? { holdAfterFirstChunk: held } : {}));
    speech.scriptStt({ text: 'Actually, wait.' });
    const { caller, leg } = await call(r);
    leg.speak('Sure. I can help you with that booking today, let me see which times are free. ');
    leg.speak('We have openings on Monday, Tuesday and Wednesday mornings.');
    await eventually(async () => caller.echoedMarks.includes('r1-c1'));
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    await eventually(async () => r.interrupted.length === 1);
    expect(r.interrupted).toEqual(['Sure.']);
    expect(events(caller)).toContain('clear');
    await eventually(async () => speech.speech[2]?.closedEarly === true || undefined);
    // Deltas of the interrupted reply still in flight are dropped.
    leg.speak(' Thursday too. ');
    leg.endTurn();
    expect(speech.speech).toHaveLength(3);
    // What the caller says over the agent becomes the next turn.
    await eventually(async () => r.said.length === 1);
    expect(r.said).toEqual(['Actually, wait.']);
    release();
  });

  it('a cough while the agent talks neither interrupts it nor becomes a turn', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    leg.speak('Let me read you the whole list of our opening hours for this week and the next one.');
    leg.endTurn();
    await eventually(async () => caller.audioFrames().length > 10);
    await caller.play(Buffer.concat([fixtureMulaw('cough.ulaw'), silence(200)]));
    await eventually(async () => caller.echoedMarks.length === 1, 15_000);
    expect(events(caller)).not.toContain('clear');
    expect(r.interrupted).toEqual([]);
    expect(r.said).toEqual([]);
    expect(speech.transcriptions).toEqual([]);
  });

  it('a key pressed during playback interrupts the same way, then arrives as a digit', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    leg.speak('Press one for sales. Press two for support, or stay on the line for the operator.');
    leg.endTurn();
    await eventually(async () => caller.echoedMarks.includes('r1-c1'));
    caller.dtmf('2');
    await eventually(async () => r.digits.length === 1);
    expect(r.interrupted).toEqual(['Press one for sales.']);
    expect(r.digits).toEqual(['2']);
    expect(events(caller)).toContain('clear');
    // A key while nothing plays is only a digit.
    caller.dtmf('#');
    await eventually(async () => r.digits.length === 2);
    expect(r.interrupted).toHaveLength(1);
  });

  it('an STT failure plays the pre-rendered fallback prompt and is no turn', async () => {
    const r = rig();
    speech.scriptStt({ status: 503 });
    const { caller } = await call(r);
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    await eventually(async () => caller.echoedMarks.length === 1, 15_000);
    expect(Buffer.concat(caller.audioFrames()).equals(prompts.get('fallback')!.mulaw)).toBe(true);
    expect(r.failures.map((f) => [f.service, f.error.code])).toEqual([['stt', 'http_status']]);
    expect(r.said).toEqual([]);
    expect(speech.speech).toEqual([]); // the fallback needs no speech service
  });

  it('a TTS timeout mid-reply keeps what played and plays the fallback prompt instead of the rest', async () => {
    const r = rig({ tts: new OpenAITextToSpeech({ client: openai, model: 'gpt-4o-mini-tts', firstByteTimeoutMs: 300 }) });
    speech.scriptTts((_req, n): TtsReply => (n === 1 ? { hang: true } : {}));
    const { caller, leg } = await call(r);
    leg.speak('One moment please. I am looking that up for you right now.');
    leg.endTurn();
    await eventually(async () => caller.echoedMarks.length === 2, 15_000);
    expect(r.failures.map((f) => [f.service, f.error.code])).toEqual([['tts', 'timeout']]);
    const audio = Buffer.concat(caller.audioFrames());
    expect(audio.equals(Buffer.concat([expectedAudio('One moment please.'), prompts.get('fallback')!.mulaw]))).toBe(true);
  });

  it('end() waits for the mark of the last words, then ends at the carrier and closes the stream', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    leg.speak('Thanks for calling. Goodbye!');
    const ended = leg.end({ reason: 'agent_ended' });
    await ended;
    expect(r.finished).toHaveLength(1);
    expect(r.finished[0]!.outcome).toEqual({ reason: 'agent_ended' });
    // By the time the carrier was told, the phone had played (and echoed) the last clause.
    expect(r.finished[0]!.echoedMarks).toEqual(['r1-c1', 'r1-c2']);
    expect((await caller.closed).code).toBe(1000);
    expect(Buffer.concat(caller.audioFrames()).equals(expectedAudio('Thanks for calling.', 'Goodbye!'))).toBe(true);
    await eventually(async () => r.hangups.length === 1);
    // A second end is the same end.
    await leg.end({ reason: 'hangup_requested' });
    expect(r.finished).toHaveLength(1);
  });

  it('sendDigits plays DTMF tones', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    leg.sendDigits('1w2');
    await eventually(async () => caller.echoedMarks.length === 1);
    const samples = decodeMulaw(Buffer.concat(caller.audioFrames()));
    // 100 ms tone + 100 ms gap, a 500 ms pause, then the second key.
    expect(samples.length).toBe(8 * (200 + 500 + 200));
    const loud = (from: number, to: number) => samples.subarray(from * 8, to * 8).some((s) => Math.abs(s) > 3000);
    expect([loud(0, 100), loud(100, 700), loud(700, 800), loud(800, 900)]).toEqual([true, false, true, false]);
  });

  it('what the caller says while the session is still starting is held and delivered at attach, in order', async () => {
    const r = rig({}, (leg) => {
      leg.speak('Hi.');
      leg.endTurn();
    });
    r.attachLater = true;
    speech.scriptStt({ text: 'Hello?' });
    const { caller, leg } = await call(r);
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    await eventually(async () => speech.transcriptions.length === 1);
    caller.dtmf('5');
    await caller.stop();
    await eventually(async () => r.leg !== undefined && (leg as unknown as { held: unknown[] }).held.length === 3);
    expect(r.said).toEqual([]);
    leg.attach(r.events!);
    expect(r.said).toEqual(['Hello?']);
    expect(r.digits).toEqual(['5']);
    expect(r.hangups).toEqual(['caller_hangup']);
  });

  it('the caller hanging up (stop) is one hangup; the leg sends nothing after it', async () => {
    const r = rig();
    const { caller, leg } = await call(r);
    await caller.stop();
    await eventually(async () => r.hangups.length === 1);
    leg.speak('Are you still there?');
    leg.endTurn();
    expect(speech.speech).toEqual([]);
    expect(r.hangups).toEqual(['caller_hangup']);
  });
});
