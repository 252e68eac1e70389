import { mulawToLinear } from '../src/media/mulaw.js';

// The fake TTS's audio, made so the carrier can check every agent frame arrived, in order:
// clause frame k (20 ms) is a constant level LEVELS[k % 32] at 24 kHz. The gateway low-passes
// it to 8 kHz and μ-law encodes it; a constant survives both (the resampler has unity DC gain
// and compensates its delay, so 20 ms of input lands exactly on one 160-byte frame, the filter's
// ringing dies out within ~2 ms of an edge). The carrier reads the middle sample of each frame
// and maps it to the nearest level: within a clause the indices must run 0, 1, 2, … (mod 32),
// and there must be exactly as many frames as the clause has.
// Levels are ±1500·(j+1), j = 0..15: adjacent levels are 1500 apart, μ-law's largest step in
// that range is 1024, so the error (≤ 512) never reaches half the spacing.

export const TTS_RATE = 24_000;
export const TTS_FRAME_SAMPLES = 480; // 20 ms at 24 kHz
export const PATTERN_PERIOD = 32;
const LEVELS = Array.from({ length: PATTERN_PERIOD }, (_, k) => (k < 16 ? 1 : -1) * 1500 * ((k % 16) + 1));

/** `frames` × 20 ms of the pattern, PCM16 little-endian at 24 kHz. */
export function ttsPatternPcm(frames: number): Buffer {
  const out = Buffer.alloc(frames * TTS_FRAME_SAMPLES * 2);
  for (let k = 0; k < frames; k++) {
    const level = LEVELS[k % PATTERN_PERIOD]!;
    for (let s = 0; s < TTS_FRAME_SAMPLES; s++) out.writeInt16LE(level, (k * TTS_FRAME_SAMPLES + s) * 2);
  }
  return out;
}

/** The pattern index (0..31) of a received 160-byte μ-law frame, from its middle samples. */
export function patternIndexOf(mulaw: Buffer): number {
  const v = (mulawToLinear(mulaw[78]!) + mulawToLinear(mulaw[80]!) + mulawToLinear(mulaw[82]!)) / 3;
  let best = 0;
  for (let k = 1; k < PATTERN_PERIOD; k++) if (Math.abs(LEVELS[k]! - v) < Math.abs(LEVELS[best]! - v)) best = k;
  return best;
}
