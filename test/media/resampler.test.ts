import { describe, expect, it } from 'vitest';
import { Resampler } from '../../src/media/resampler.js';

const sine = (hz: number, rate: number, ms: number, amplitude = 10000) =>
  Int16Array.from({ length: Math.round((rate * ms) / 1000) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)));

/** RMS of the middle half, away from the edges where the filter starts and stops. */
function middleRms(samples: Int16Array): number {
  const from = Math.floor(samples.length / 4);
  const to = Math.floor((samples.length * 3) / 4);
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Amplitude of `hz` in the signal (correlation with a sine/cosine pair). */
function toneAmplitude(samples: Int16Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  const from = Math.floor(samples.length / 4);
  const to = Math.floor((samples.length * 3) / 4);
  for (let i = from; i < to; i++) {
    re += samples[i]! * Math.cos((2 * Math.PI * hz * i) / rate);
    im += samples[i]! * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / (to - from);
}

describe('Resampler', () => {
  it('24 kHz → 8 kHz keeps a 1 kHz tone at the same level and pitch', () => {
    const out = Resampler.convert(sine(1000, 24000, 500), 24000, 8000);
    expect(out.length).toBe(4000);
    expect(toneAmplitude(out, 1000, 8000)).toBeGreaterThan(9800);
    expect(toneAmplitude(out, 1000, 8000)).toBeLessThan(10200);
  });

  it('filters out what 8 kHz cannot carry instead of aliasing it (dropping samples would fold 6 kHz to 2 kHz)', () => {
    const input = sine(6000, 24000, 500);
    const out = Resampler.convert(input, 24000, 8000);
    // Naive decimation keeps every third sample: a full-level 2 kHz alias.
    const naive = Int16Array.from({ length: 4000 }, (_, i) => input[i * 3]!);
    expect(toneAmplitude(naive, 2000, 8000)).toBeGreaterThan(9000);
    // ≥ 60 dB down.
    expect(middleRms(out)).toBeLessThan(10);
  });

  it('8 kHz → 16 kHz keeps a tone and adds no image above 4 kHz', () => {
    const out = Resampler.convert(sine(1000, 8000, 500), 8000, 16000);
    expect(out.length).toBe(16000 * 0.5);
    expect(toneAmplitude(out, 1000, 16000)).toBeGreaterThan(9800);
    // Zero-stuffing without a filter leaves a full-level image at 8 − 1 = 7 kHz.
    expect(toneAmplitude(out, 7000, 16000)).toBeLessThan(10);
  });

  it('gives the same output for chunked input as for one call, whatever the chunk sizes', () => {
    const input = sine(440, 24000, 300);
    const whole = Resampler.convert(input, 24000, 8000);
    const streaming = new Resampler(24000, 8000);
    const parts: number[] = [];
    let at = 0;
    for (const size of [1, 2, 3, 7, 480, 13, 1000, 5]) {
      parts.push(...streaming.push(input.subarray(at, at + size)));
      at += size;
    }
    parts.push(...streaming.push(input.subarray(at)));
    parts.push(...streaming.flush());
    expect(Int16Array.from(parts)).toEqual(whole);
  });

  it('handles odd ratios (22.05 kHz espeak-ng output → 8 kHz) and keeps the duration', () => {
    const out = Resampler.convert(sine(500, 22050, 1000), 22050, 8000);
    expect(out.length).toBe(8000);
    expect(toneAmplitude(out, 500, 8000)).toBeGreaterThan(9700);
  });

  it('refuses rates that are not positive integers', () => {
    expect(() => new Resampler(0, 8000)).toThrow(RangeError);
    expect(() => new Resampler(8000, 44100.5)).toThrow(RangeError);
  });
});
