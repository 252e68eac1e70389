import { describe, expect, it } from 'vitest';
import { FrameSlicer, MULAW_FRAME_BYTES } from '../../src/media/frame-slicer.js';
import { MULAW_SILENCE } from '../../src/media/mulaw.js';

const bytes = (from: number, length: number) => Buffer.from(Array.from({ length }, (_, i) => (from + i) % 251));

describe('FrameSlicer', () => {
  it('emits only whole 160-byte frames and carries the remainder into the next chunk', () => {
    const slicer = new FrameSlicer();
    const input = bytes(0, 1000);
    const frames: Buffer[] = [];
    let at = 0;
    for (const size of [1, 159, 7, 300, 33, 200, 300]) {
      frames.push(...slicer.push(input.subarray(at, at + size)));
      at += size;
    }
    expect(frames.every((f) => f.length === MULAW_FRAME_BYTES)).toBe(true);
    expect(frames.length).toBe(6);
    expect(slicer.pendingBytes).toBe(40);
    // Nothing lost, doubled or reordered.
    expect(Buffer.concat(frames)).toEqual(input.subarray(0, 960));
  });

  it('pads the last partial frame with μ-law silence on flush', () => {
    const slicer = new FrameSlicer();
    slicer.push(bytes(0, 200));
    const [last, ...more] = slicer.flush();
    expect(more).toEqual([]);
    expect(last!.length).toBe(160);
    expect(last!.subarray(0, 40)).toEqual(bytes(160, 40));
    expect([...last!.subarray(40)].every((b) => b === MULAW_SILENCE)).toBe(true);
    expect(slicer.flush()).toEqual([]);
  });

  it('drops the remainder on clear (barge-in), so the next clause starts on a frame edge', () => {
    const slicer = new FrameSlicer();
    slicer.push(bytes(0, 100));
    slicer.clear();
    expect(slicer.push(bytes(7, 160))).toEqual([bytes(7, 160)]);
  });

  it('returns frames that stay valid after later pushes', () => {
    const slicer = new FrameSlicer(4);
    const source = Buffer.from([1, 2, 3, 4, 5]);
    const [frame] = slicer.push(source);
    source.fill(0);
    slicer.push(Buffer.from([6, 7, 8]));
    expect(frame).toEqual(Buffer.from([1, 2, 3, 4]));
  });
});
