import { decodeMulaw } from '../src/media/mulaw.js';
import { rmsDbfs } from '../src/media/pcm16.js';
import { performance } from 'node:perf_hooks';
import { UtteranceRecorder } from '../src/speech/stt/utterance-recorder.js';
import { SilenceEndpointer } from '../src/speech/vad/endpointer.js';
import { EnergyGatedVad } from '../src/speech/vad/energy-vad.js';
import { SileroVadModel } from '../src/speech/vad/silero-vad.js';
import { VoiceActivity } from '../src/speech/vad/voice-activity.js';
import { FRAME_BYTES } from '../test/fakes/fake-media-caller.js';
import { fixtureMulaw } from '../test/helpers/audio-fixtures.js';
import { summarize, type Summary } from './shared.js';

// What the stream run's callers say (fixtures/audio, scripts/make-speech-fixtures.sh), and what
// the gateway's VAD makes of it in audio time, measured offline with the same parts the gateway
// runs (Silero behind the energy gate, hysteresis, the silence endpointer).

export const UTTERANCE_FIXTURES = ['hello.wav', 'second.ulaw'];

/** A fixture cut just after its last 20 ms frame louder than -40 dBFS: the end of its speech. */
export function utterance(name: string): Buffer {
  const mulaw = fixtureMulaw(name);
  let end = 0;
  for (let at = 0; at + FRAME_BYTES <= mulaw.length; at += FRAME_BYTES) {
    if (rmsDbfs(decodeMulaw(mulaw.subarray(at, at + FRAME_BYTES))) > -40) end = at + FRAME_BYTES;
  }
  return mulaw.subarray(0, end);
}

export interface VadOffsets {
  /** Where the VAD puts the end of speech, minus where it is (ms of audio; + = later). */
  speechEndMs: Summary;
  /**
   * The endpointer fires, minus the real end of speech: endpointing as waited, up to the end of
   * the 20 ms frame that completed the deciding 32 ms window (the audio time it can be heard).
   */
  turnEndMs: Summary;
  /** Cutting the utterance out as the WAV for STT (8 → 16 kHz), on an idle loop, ms of CPU. */
  wavBuildMs: Summary;
}

/**
 * Each utterance at each of the 8 alignments of 20 ms frames to 32 ms VAD windows (they repeat
 * every 160 ms), after 1 s of silence as in a call, then silence until the turn ends.
 */
export async function vadOffsets(endpointingMs: number): Promise<VadOffsets> {
  const model = await SileroVadModel.load({ sampleRate: 8000 });
  const speechEnd: number[] = [];
  const turnEnd: number[] = [];
  for (const name of UTTERANCE_FIXTURES) {
    const speech = utterance(name);
    for (let shift = 0; shift < 8; shift++) {
      const lead = (50 + shift) * FRAME_BYTES;
      const audio = Buffer.concat([Buffer.alloc(lead, 0xff), speech, Buffer.alloc(16_000, 0xff)]);
      const realEndMs = (lead + speech.length) / 8;
      const activity = new VoiceActivity(new EnergyGatedVad(model.createStream()));
      const endpointer = new SilenceEndpointer({ endpointingMs });
      let done = false;
      for (let at = 0; at + FRAME_BYTES <= audio.length && !done; at += FRAME_BYTES) {
        for (const window of await activity.pushMulaw(audio.subarray(at, at + FRAME_BYTES))) {
          for (const e of endpointer.push(window)) {
            if (e.type !== 'turn_ended') continue;
            speechEnd.push(e.speechEndMs - realEndMs);
            turnEnd.push((at + FRAME_BYTES) / 8 - realEndMs);
            done = true;
          }
        }
      }
    }
  }
  await model.close();
  const wav: number[] = [];
  for (let i = 0; i < 20; i++) {
    const recorder = new UtteranceRecorder();
    const speech = utterance(UTTERANCE_FIXTURES[i % UTTERANCE_FIXTURES.length]!);
    const audio = Buffer.concat([Buffer.alloc(8000, 0xff), speech, Buffer.alloc(4000, 0xff)]);
    for (let at = 0; at + FRAME_BYTES <= audio.length; at += FRAME_BYTES) recorder.push(audio.subarray(at, at + FRAME_BYTES));
    const t = performance.now();
    recorder.utteranceWav(1000, 1000 + speech.length / 8);
    if (i >= 4) wav.push(performance.now() - t); // the first ones warm the JIT
  }
  return { speechEndMs: summarize(speechEnd), turnEndMs: summarize(turnEnd), wavBuildMs: summarize(wav) };
}
