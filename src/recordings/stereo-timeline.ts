import { MULAW_DECODE } from '../media/mulaw.js';
// Two channels of 16-bit samples on one clock (8 kHz: sample n is at n/8 ms), written at any
// position ahead of what has been taken out, and taken out in order as interleaved PCM (left,
// right, left, right ...), the layout of a two-channel WAV `data` chunk. What was never written
// is silence. Only the part between `taken` and the furthest sample written is held in memory.

import { endianness } from 'node:os';

export const LEFT = 0;
const LITTLE_ENDIAN = endianness() === 'LE';
export const RIGHT = 1;

export class StereoTimeline {
  /** Interleaved samples from `taken` on. */
  private window = new Int16Array(2 * 8000);
  /** Sample index of window[0]. */
  private base = 0;
  /** One past the furthest sample written (absolute index). */
  private furthest = 0;

  /** Samples taken out so far: nothing before this can be written any more. */
  get taken(): number {
    return this.base;
  }

  /** One past the last sample written (absolute index); at least `taken`. */
  get end(): number {
    return Math.max(this.furthest, this.base);
  }

  /**
   * Writes μ-law bytes, decoded straight into the window, on one channel from absolute sample
   * `at`; anything before `taken` is dropped.
   */
  writeMulaw(channel: typeof LEFT | typeof RIGHT, at: number, mulaw: Uint8Array): void {
    const length = mulaw.length;
    let from = 0;
    if (at < this.base) from = this.base - at;
    if (from >= length) return;
    const stop = at + length;
    this.ensure(stop - this.base);
    const w = this.window;
    let i = (at + from - this.base) * 2 + channel;
    for (let s = from; s < length; s++, i += 2) w[i] = MULAW_DECODE[mulaw[s]!]!;
    if (stop > this.furthest) this.furthest = stop;
  }

  /** Takes out samples [taken, upTo) as interleaved little-endian PCM bytes. */
  take(upTo: number): Buffer {
    const n = Math.max(0, upTo - this.base);
    if (n === 0) return Buffer.alloc(0);
    this.ensure(n);
    const w = this.window;
    let out: Buffer;
    if (LITTLE_ENDIAN) {
      out = Buffer.from(new Uint8Array(w.buffer, w.byteOffset, n * 4)); // a copy: the window moves on
    } else {
      out = Buffer.allocUnsafe(n * 4);
      for (let i = 0, o = 0; i < n * 2; i++, o += 2) out.writeInt16LE(w[i]!, o);
    }
    const held = Math.max(0, this.furthest - this.base - n) * 2;
    w.copyWithin(0, n * 2, n * 2 + held);
    w.fill(0, held, Math.min(w.length, n * 2 + held));
    this.base += n;
    return out;
  }

  private ensure(samples: number): void {
    if (samples * 2 <= this.window.length) return;
    let size = this.window.length;
    while (size < samples * 2) size *= 2;
    const bigger = new Int16Array(size);
    bigger.set(this.window);
    this.window = bigger;
  }
}
