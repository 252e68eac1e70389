import { describe, expect, it } from 'vitest';
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
});
