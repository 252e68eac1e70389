import type { FastifyBaseLogger } from 'fastify';
import OpenAI from 'openai';
import type { WebSocket } from 'ws';
import type { CallOutcome } from '../../src/calls/call-leg.js';
import { MediaStreamLeg } from '../../src/carriers/twilio/media-stream-leg.js';
import { serveMediaStream } from '../../src/carriers/twilio/media-stream-socket.js';
import { decodeMulaw } from '../../src/media/mulaw.js';
import { PhoneAudioEncoder } from '../../src/media/tts-to-phone.js';
import { OpenAISpeechToText, type SpeechToText } from '../../src/speech/stt/speech-to-text.js';
import { OpenAITextToSpeech } from '../../src/speech/tts/text-to-speech.js';
import { EnergyGatedVad } from '../../src/speech/vad/energy-vad.js';
import type { SileroVadModel } from '../../src/speech/vad/silero-vad.js';
import { type GatewayMediaFrame, mediaCallerOn } from '../fakes/fake-media-caller.js';
import { type FakeSpeechServer, tonePcm } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { eventually } from '../helpers/voice.js';
import type { CarrierSide, LegHarness } from './call-leg-contract.js';

// The Media Streams leg in the shared CallLeg contract. Its carrier is Twilio's side of a media
// stream (the fake phone of fake-media-caller.ts): it talks in real speech (a fixture, then the
// silence a phone sends) that the real Silero VAD must endpoint and the fake STT transcribes to
// the words the contract says; it "plays" what the leg sends and echoes a clause's mark only once
// playback got there, which the contract decides (an interrupt plays up to the heard words,
// `finishPlayback` plays everything). What the agent said is read back from the audio: each
// clause's frames must be exactly that clause's fake-TTS rendering, and keys sent are decoded
// from their DTMF tones.

export interface MediaContractDeps {
  model(): SileroVadModel;
  speech(): FakeSpeechServer;
}

const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => quiet, level: 'silent' } as unknown as FastifyBaseLogger;
const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

export function mediaLegHarness(deps: MediaContractDeps): LegHarness {
  return {
    name: 'Twilio Media Streams (marks echoed once played)',
    waitsForPlayback: true,
    open({ socket }) {
      const speech = deps.speech();
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: speech.url, maxRetries: 0 });
      // The words each utterance stands for, in the order the caller speaks them.
      const words: string[] = [];
      speech.scriptStt(() => ({ text: words.shift() ?? '' }));
      speech.scriptTts({});
      const ttsFrom = speech.speech.length;
      const real = new OpenAISpeechToText({ client: openai, model: 'gpt-4o-mini-transcribe', timeoutMs: 5000 });
      let transcribed = 0;
      const stt: SpeechToText = {
        async transcribe(wav, o) {
          const text = await real.transcribe(wav, o);
          transcribed++;
          return text;
        },
      };
      let outcome: CallOutcome | null = null;
      const streamSid = `MZ${'c'.repeat(32)}`;
      const leg = new MediaStreamLeg({
        socket,
        streamSid,
        log: quiet,
        vad: new EnergyGatedVad(deps.model().createStream()),
        stt,
        tts: new OpenAITextToSpeech({ client: openai, model: 'gpt-4o-mini-tts', firstByteTimeoutMs: 5000, idleTimeoutMs: 5000 }),
        voice: 'alloy',
        language: 'en-US',
        endpointingMs: 500,
        bargeInMs: 250,
        prompts: { fallback: silence(200) },
        finish: async (o) => {
          outcome = o;
        },
      });
      serveMediaStream(socket, { log: quiet, start: async () => leg });
      return {
        leg,
        carrier: (client) =>
          mediaCarrier(client, {
            streamSid,
            words,
            transcribed: () => transcribed,
            ttsInputs: () => speech.speech.slice(ttsFrom).map((r) => r.body.input ?? ''),
            ended: () => outcome,
          }),
      };
    },
  };
}

interface Segment {
  mark: string;
  audio: Buffer;
}

function mediaCarrier(
  client: WebSocket,
  o: { streamSid: string; words: string[]; transcribed(): number; ttsInputs(): string[]; ended(): CallOutcome | null },
): CarrierSide {
  const phone = mediaCallerOn(client, { streamSid: o.streamSid, holdMarks: true });
  phone.begin();
  let chain: Promise<void> = Promise.resolve();
  const next = (step: () => Promise<void>) => {
    chain = chain.then(step).catch(() => undefined);
  };
  let utterances = 0;
  const utter = (text: string, audio: Buffer) => {
    o.words.push(text);
    utterances++;
    return phone.play(Buffer.concat([audio, silence(700)]));
  };

  /** The audio before each mark, in order. */
  const segments = (): Segment[] => {
    const out: Segment[] = [];
    let audio: Buffer[] = [];
    for (const f of phone.received) {
      if (f.event === 'media' && f.media) audio.push(Buffer.from(f.media.payload, 'base64'));
      if (f.event === 'mark' && f.mark) {
        out.push({ mark: f.mark.name, audio: Buffer.concat(audio) });
        audio = [];
      }
    }
    return out;
  };
  /** Clause marks (`r…`) paired with the text the leg sent to TTS for them, in order. */
  const clauses = () => {
    const inputs = o.ttsInputs();
    return segments()
      .filter((s) => s.mark.startsWith('r'))
      .map((s, i) => ({ ...s, text: inputs[i] ?? '' }));
  };
  const audioAfterMark = (index: number) => {
    let marks = 0;
    return phone.received.some((f: GatewayMediaFrame) => (f.event === 'mark' ? (marks++, false) : f.event === 'media' && marks > index));
  };

  return {
    say: (text) => next(() => utter(text, fixtureMulaw('hello.wav'))),
    interrupt: (heard) =>
      next(async () => {
        // Playback reaches the end of the heard words while the next clause is still playing ...
        let count = 0;
        await eventually(async () => {
          const cs = clauses();
          for (let k = 1; k <= cs.length; k++) {
            if (cs.slice(0, k).map((c) => c.text).join(' ') === heard && audioAfterMark(k - 1)) {
              count = k;
              return true;
            }
          }
          return false;
        }, 15_000);
        phone.releaseMarks(count);
        // ... and the caller talks over it (words that are no turn of their own).
        await utter('', fixtureMulaw('hello.wav').subarray(0, 12_000));
        await phone.waitFor((f) => f.event === 'clear', 15_000);
      }),
    press: (digit) => next(async () => phone.dtmf(digit)),
    finishPlayback: () => void phone.releaseMarks(),
    spoken: () => {
      const cs = clauses();
      const expected = fakeTtsAudio(cs.map((c) => c.text));
      const heard = Buffer.concat(cs.map((c) => c.audio));
      return heard.equals(expected) ? cs.map((c) => c.text).join(' ') : `<audio that is not ${JSON.stringify(cs.map((c) => c.text))}>`;
    },
    turnEnds: () => new Set(clauses().map((c) => c.mark.split('-')[0])).size,
    digits: () => segments().filter((s) => s.mark.startsWith('p')).map((s) => decodeDtmf(s.audio)),
    ended: () => o.ended(),
    hangUp: () => void phone.stop(),
    delivered: async () => {
      await chain;
      await eventually(async () => o.transcribed() >= utterances, 15_000);
    },
  };
}

/** The phone audio of these clauses through the fake TTS (a tone, 50 ms per character). */
function fakeTtsAudio(clauses: string[]): Buffer {
  const encoder = new PhoneAudioEncoder();
  return Buffer.concat(clauses.flatMap((c) => [...encoder.push(tonePcm(50 * c.length)), ...encoder.end()]));
}

const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

/** Keys from DTMF audio: each tone burst is a key (strongest row × column), a long pause a `w`. */
export function decodeDtmf(mulaw: Buffer): string {
  const samples = decodeMulaw(mulaw);
  const BLOCK = 80; // 10 ms
  let out = '';
  let tone: number[] = [];
  let quietBlocks = 0;
  const power = (xs: number[], hz: number) => {
    const k = 2 * Math.cos((2 * Math.PI * hz) / 8000);
    let s1 = 0;
    let s2 = 0;
    for (const x of xs) {
      const s = x + k * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - k * s1 * s2;
  };
  const endTone = () => {
    if (tone.length === 0) return;
    const strongest = (freqs: number[]) => freqs.map((f, i) => [power(tone, f), i] as const).sort((a, b) => b[0] - a[0])[0]![1];
    out += KEYS[strongest(ROWS)]![strongest(COLS)];
    tone = [];
  };
  for (let at = 0; at + BLOCK <= samples.length; at += BLOCK) {
    const block = samples.subarray(at, at + BLOCK);
    if (block.some((x) => Math.abs(x) > 1000)) {
      // A pause longer than the gap between two keys (100 ms) is one `w` per 500 ms.
      if (out !== '' && tone.length === 0) out += 'w'.repeat(Math.round(Math.max(0, quietBlocks * 10 - 100) / 500));
      quietBlocks = 0;
      tone.push(...block);
    } else {
      endTone();
      quietBlocks++;
    }
  }
  endTone();
  return out;
}
