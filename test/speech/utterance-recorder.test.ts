import { describe, expect, it } from 'vitest';
import { decodeMulaw } from '../../src/media/mulaw.js';
import { readWav } from '../../src/media/wav.js';
import { UtteranceRecorder } from '../../src/speech/stt/utterance-recorder.js';
import { fixtureMulaw, frames } from '../helpers/audio-fixtures.js';

describe('UtteranceRecorder', () => {
  it('cuts the utterance with its margins and upsamples it to a 16 kHz WAV for STT', () => {
    const recorder = new UtteranceRecorder({ preRollMs: 200, trailingMs: 150 });
    for (const frame of frames(fixtureMulaw('speech-then-silence.ulaw'))) recorder.push(frame);
    const wav = readWav(recorder.utteranceWav(288, 2688));
    expect(wav.sampleRate).toBe(16000);
    expect(wav.samples.length).toBe(((2688 + 150 - (288 - 200)) * 16000) / 1000);
  });

  it('clamps the margins to the audio it has', () => {
    const recorder = new UtteranceRecorder({ preRollMs: 500, trailingMs: 500, wavRate: 8000 });
    recorder.push(Buffer.alloc(800, 0x10)); // 100 ms
    expect(readWav(recorder.utteranceWav(20, 90)).samples.length).toBe(800);
  });

  it('keeps at most maxMs of audio, and discardBefore() frees what a taken turn no longer needs', () => {
    const recorder = new UtteranceRecorder({ preRollMs: 0, trailingMs: 0, maxMs: 1000, wavRate: 8000 });
    for (let i = 0; i < 100; i++) recorder.push(Buffer.alloc(160, i)); // 2 s
    // Only the last second is left: asking for all of it gets 1000 ms.
    expect(readWav(recorder.utteranceWav(0, 2000)).samples.length).toBe(8000);
    recorder.discardBefore(1500);
    expect(readWav(recorder.utteranceWav(0, 2000)).samples.length).toBe(4000);
  });

  it('keeps exactly what a list of every frame would, whatever is pushed and dropped (one buffer, reused input)', () => {
    const maxMs = 500;
    const recorder = new UtteranceRecorder({ preRollMs: 0, trailingMs: 0, maxMs, wavRate: 8000 });
    let all = Buffer.alloc(0); // every byte pushed, in stream order
    let first = 0; // stream byte offset of the first byte that should still be kept
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const input = Buffer.alloc(8000); // reused for every push, as the leg reuses its frame buffer
    for (let step = 0; step < 2000; step++) {
      const size = [160, 160, 160, 80, 800, 0, 4000, 5000][random(8)]!;
      for (let i = 0; i < size; i++) input[i] = random(256);
      recorder.push(input.subarray(0, size));
      all = Buffer.concat([all, input.subarray(0, size)]);
      first = Math.max(first, all.length - maxMs * 8);
      if (random(10) === 0) {
        const ms = random(Math.ceil(all.length / 8) + 50);
        recorder.dropBefore(ms);
        first = Math.min(all.length, Math.max(first, ms * 8));
      }
      if (random(20) === 0) {
        const from = random(Math.ceil(all.length / 8) + 10);
        const to = from + random(600);
        const want = all.subarray(Math.max(first, from * 8), Math.max(Math.max(first, from * 8), Math.min(all.length, to * 8)));
        const got = readWav(recorder.utteranceWav(from, to)).samples;
        expect(Array.from(got), `step ${step}`).toEqual(Array.from(decodeMulaw(want)));
      }
    }
  });
});
