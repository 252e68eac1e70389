// G.711 μ-law (ITU-T G.711, the encoding Twilio Media Streams carries): 8-bit codes for 16-bit
// linear PCM. Both directions go through lookup tables built once, so a 20 ms frame costs 160
// array reads. The encoder follows the classic Sun g711.c reference (as ffmpeg does): 14-bit
// input, the low two bits shifted off, so its table has 16384 entries.

const BIAS = 0x84; // 132: shifts every magnitude so the segment is the position of its top bit
const CLIP = 32635; // the largest magnitude that still fits after the bias

/** μ-law code of silence (positive zero). Padding a frame with it plays nothing. */
export const MULAW_SILENCE = 0xff;

const DECODE = new Int16Array(256);
for (let code = 0; code < 256; code++) {
  const u = ~code & 0xff;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  DECODE[code] = u & 0x80 ? -magnitude : magnitude;
}

function encodeSample(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = sign ? -sample : sample;
  if (magnitude > CLIP) magnitude = CLIP;
  magnitude += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

// Indexed by (sample >> 2) + 8192: the low two bits never reach a μ-law code.
const ENCODE = new Uint8Array(16384);
for (let i = 0; i < 16384; i++) ENCODE[i] = encodeSample((i - 8192) << 2);

export function mulawToLinear(code: number): number {
  return DECODE[code & 0xff]!;
}

export function linearToMulaw(sample: number): number {
  return ENCODE[(sample >> 2) + 8192]!;
}

/** μ-law bytes → 16-bit samples (one per byte). */
/** The 16-bit sample of every μ-law byte (read-only; for loops that decode in place). */
export const MULAW_DECODE: Readonly<Int16Array> = DECODE;

export function decodeMulaw(mulaw: Uint8Array): Int16Array {
  const out = new Int16Array(mulaw.length);
  for (let i = 0; i < mulaw.length; i++) out[i] = DECODE[mulaw[i]!]!;
  return out;
}

/** 16-bit samples → μ-law bytes, as a Buffer ready to base64 into a `media` message. */
export function encodeMulaw(pcm: Int16Array): Buffer {
  const out = Buffer.allocUnsafe(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = ENCODE[(pcm[i]! >> 2) + 8192]!;
  return out;
}
