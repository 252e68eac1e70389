// The payload of every benchmark audio frame (160 bytes of "μ-law", both directions): who sent
// it, its sequence number and when, so the receiving process can time the hop and check order.
//   bytes 0-3  call / connection index (uint32)   bytes 4-7  sequence (uint32)
//   bytes 8-15 process.hrtime.bigint() at send (CLOCK_MONOTONIC: the same clock in every
//              process on this machine, so times compare across processes)

export const FRAME_BYTES = 160;

export function stampFrame(index: number, seq: number): Buffer {
  const frame = Buffer.alloc(FRAME_BYTES, 0xff);
  frame.writeUInt32LE(index, 0);
  frame.writeUInt32LE(seq, 4);
  frame.writeBigUInt64LE(process.hrtime.bigint(), 8);
  return frame;
}

export function readFrame(frame: Buffer): { index: number; seq: number; hopMs: number } | null {
  if (frame.length < 16) return null;
  const sentAt = frame.readBigUInt64LE(8);
  return { index: frame.readUInt32LE(0), seq: frame.readUInt32LE(4), hopMs: Number(process.hrtime.bigint() - sentAt) / 1e6 };
}

/** Per sender: frames in order, gaps (lost) and going back (reordered). */
export class SequenceCheck {
  private next = new Map<number, number>();
  private first = new Map<number, number>();
  lost = 0;
  reordered = 0;
  received = 0;

  see(index: number, seq: number): void {
    this.received++;
    const expected = this.next.get(index);
    if (expected === undefined) this.first.set(index, seq);
    else if (seq > expected) this.lost += seq - expected;
    else if (seq < expected) {
      this.reordered++;
      return;
    }
    this.next.set(index, seq + 1);
  }

  /** Frames a sender sent before its first one that arrived (the call was still starting). */
  startupMissing(): number {
    let n = 0;
    for (const s of this.first.values()) n += s;
    return n;
  }

  /** Per sender, the next sequence expected (= frames received through the last one). */
  last(): Record<number, number> {
    return Object.fromEntries(this.next);
  }
}

export interface HopStats {
  hops: number[];
  check: SequenceCheck;
}
