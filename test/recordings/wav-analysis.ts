import { expect } from 'vitest';
import { decodeMulaw } from '../../src/media/mulaw.js';

// Reading back a downloaded recording: the header checked field by field, the two channels
// split, and where each one has sound (20 ms windows above a level; the fake TTS speaks a
// 440 Hz tone, the fixtures are speech).

export interface Stereo {
  sampleRate: number;
  left: Int16Array;
  right: Int16Array;
  durationSeconds: number;
}

export function parseStereoWav(file: Buffer): Stereo {
  expect(file.toString('ascii', 0, 4)).toBe('RIFF');
  expect(file.toString('ascii', 8, 12)).toBe('WAVE');
  expect(file.toString('ascii', 12, 16)).toBe('fmt ');
  expect(file.readUInt16LE(20)).toBe(1); // PCM
  expect(file.readUInt16LE(22)).toBe(2); // channels
  const sampleRate = file.readUInt32LE(24);
  expect(sampleRate).toBe(8000);
  expect(file.readUInt32LE(28)).toBe(8000 * 4);
  expect(file.readUInt16LE(32)).toBe(4);
  expect(file.readUInt16LE(34)).toBe(16);
  expect(file.toString('ascii', 36, 40)).toBe('data');
  const dataBytes = file.readUInt32LE(40);
  expect(dataBytes).toBe(file.length - 44);
  expect(file.readUInt32LE(4)).toBe(36 + dataBytes);
  const frames = dataBytes / 4;
  const left = new Int16Array(frames);
  const right = new Int16Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = file.readInt16LE(44 + i * 4);
    right[i] = file.readInt16LE(46 + i * 4);
  }
  return { sampleRate, left, right, durationSeconds: frames / sampleRate };
}

const WINDOW = 160;

/** Per 20 ms window: is there sound? */
export function activity(samples: Int16Array, threshold = 500): boolean[] {
  const out: boolean[] = [];
  for (let at = 0; at + WINDOW <= samples.length; at += WINDOW) {
    let sum = 0;
    for (let i = at; i < at + WINDOW; i++) sum += samples[i]! * samples[i]!;
    out.push(Math.sqrt(sum / WINDOW) > threshold);
  }
  return out;
}

/** Runs of sound as [startMs, endMs), merging gaps shorter than `bridgeMs`. */
export function bursts(active: boolean[], bridgeMs = 100): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  active.forEach((on, i) => {
    if (!on) return;
    const ms = i * 20;
    const last = out.at(-1);
    if (last && ms - last[1] <= bridgeMs) last[1] = ms + 20;
    else out.push([ms, ms + 20]);
  });
  return out;
}

export const activeMs = (active: boolean[]) => active.filter(Boolean).length * 20;

/** Sound in μ-law audio as the phone heard or sent it, in 20 ms windows. */
export const mulawActivity = (mulaw: Buffer) => activity(decodeMulaw(mulaw));
