import { MULAW_SILENCE } from './mulaw.js';

// Twilio plays outbound audio best in whole 20 ms frames (160 μ-law bytes at 8 kHz); TTS
// audio arrives in chunks of any size. The slicer cuts whole frames and carries the remainder
// into the next chunk, so no byte is dropped or reordered; `flush` pads the last partial frame
// with silence (at a clause end, so the clause's mark follows all of its audio).

export const MULAW_FRAME_BYTES = 160;
export const FRAME_MS = 20;

export class FrameSlicer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    readonly frameBytes = MULAW_FRAME_BYTES,
    private readonly padByte = MULAW_SILENCE,
  ) {
    if (!Number.isInteger(frameBytes) || frameBytes < 1) throw new RangeError(`invalid frame size ${frameBytes}`);
  }

  /** Bytes waiting for the rest of their frame. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** Whole frames completed by this chunk, in order; each is its own Buffer. */
  push(chunk: Uint8Array): Buffer[] {
    const data = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const frames: Buffer[] = [];
    let at = 0;
    for (; at + this.frameBytes <= data.length; at += this.frameBytes) {
      frames.push(Buffer.from(data.subarray(at, at + this.frameBytes))); // a copy: callers may keep it
    }
    this.pending = Buffer.from(data.subarray(at));
    return frames;
  }

  /** The remainder padded to one whole frame, or nothing if no bytes are pending. */
  flush(): Buffer[] {
    if (this.pending.length === 0) return [];
    const frame = Buffer.alloc(this.frameBytes, this.padByte);
    this.pending.copy(frame);
    this.pending = Buffer.alloc(0);
    return [frame];
  }

  /** Drops the remainder (barge-in: the rest of the clause will never play). */
  clear(): void {
    this.pending = Buffer.alloc(0);
  }
}
