import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeMulaw, encodeMulaw } from '../../src/media/mulaw.js';
import { readWav } from '../../src/media/wav.js';

// The committed speech fixtures (scripts/make-speech-fixtures.sh), as the μ-law 8 kHz bytes a
// Twilio media stream carries, or as 8 kHz samples.

export const AUDIO_DIR = fileURLToPath(new URL('../../fixtures/audio/', import.meta.url));

export function fixtureBytes(name: string): Buffer {
  return readFileSync(AUDIO_DIR + name);
}

/** Any fixture as μ-law 8 kHz (WAV fixtures are 8 kHz 16-bit). */
export function fixtureMulaw(name: string): Buffer {
  if (!name.endsWith('.wav')) return fixtureBytes(name);
  const wav = readWav(fixtureBytes(name));
  if (wav.sampleRate !== 8000) throw new Error(`${name} is ${wav.sampleRate} Hz, not 8 kHz`);
  return encodeMulaw(wav.samples);
}

export function fixtureSamples(name: string): Int16Array {
  return decodeMulaw(fixtureMulaw(name));
}

/** 20 ms Twilio frames (the last partial frame is dropped, as a phone never sends one). */
export function* frames(mulaw: Buffer, bytes = 160): Generator<Buffer> {
  for (let at = 0; at + bytes <= mulaw.length; at += bytes) yield mulaw.subarray(at, at + bytes);
}
