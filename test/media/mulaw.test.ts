import { describe, expect, it } from 'vitest';
import { decodeMulaw, encodeMulaw, linearToMulaw, MULAW_SILENCE, mulawToLinear } from '../../src/media/mulaw.js';

describe('G.711 μ-law', () => {
  it('matches the reference codes of ITU-T G.711 at known points', () => {
    expect(linearToMulaw(0)).toBe(0xff);
    expect(linearToMulaw(8)).toBe(0xfe); // +8 → 14-bit 2 → step 1 of segment 0
    expect(linearToMulaw(-1)).toBe(0x7e); // −1 >> 2 is −1 in 14 bits (Sun g711.c, ffmpeg)
    expect(linearToMulaw(32767)).toBe(0x80);
    expect(linearToMulaw(-32768)).toBe(0x00);
    expect(mulawToLinear(0x80)).toBe(32124);
    expect(mulawToLinear(0x00)).toBe(-32124);
    expect(mulawToLinear(MULAW_SILENCE)).toBe(0);
  });

  it('decodes every code and re-encodes it to the same code', () => {
    const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const pcm = decodeMulaw(codes);
    const again = encodeMulaw(pcm);
    for (let code = 0; code < 256; code++) {
      // 0x7f (−0) decodes to 0, which encodes as +0 (0xff): the one ambiguous pair in G.711.
      expect(again[code], `code ${code}`).toBe(code === 0x7f ? 0xff : code);
    }
  });

  it('keeps the quantisation error within one step of the segment', () => {
    for (let sample = -32768; sample <= 32767; sample += 7) {
      const back = mulawToLinear(linearToMulaw(sample));
      const magnitude = Math.min(Math.abs(sample), 32635);
      // Step size doubles each segment: 8 in the first (0–~100), 1024 in the last.
      const step = Math.max(8, 2 ** Math.floor(Math.log2(magnitude + 132) - 4));
      // + 4: the 14-bit input already dropped up to 3 (negative values round down).
      expect(Math.abs(back - Math.sign(sample) * magnitude), `sample ${sample}`).toBeLessThanOrEqual(step + 4);
    }
  });

  it('turns a Buffer of PCM into one μ-law byte per sample, and back', () => {
    const pcm = Int16Array.from({ length: 160 }, (_, i) => Math.round(10000 * Math.sin(i / 5)));
    const mulaw = encodeMulaw(pcm);
    expect(Buffer.isBuffer(mulaw)).toBe(true);
    expect(mulaw.length).toBe(160);
    const decoded = decodeMulaw(mulaw);
    for (let i = 0; i < pcm.length; i++) expect(Math.abs(decoded[i]! - pcm[i]!)).toBeLessThan(400);
  });
});
