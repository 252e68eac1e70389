import { describe, expect, it } from 'vitest';
import { ManualTimers, PlayoutPacer } from '../../src/media/playout-pacer.js';

// Time is a ManualTimers clock: the tests count frames per step of audio time, never wall time.

function setup(leadMs = 200) {
  const timers = new ManualTimers();
  const sent: string[] = [];
  const errors: unknown[] = [];
  let clears = 0;
  const pacer = new PlayoutPacer(
    {
      sendFrame: (frame) => sent.push(`f${frame[0]}`),
      sendMark: (name) => sent.push(`m:${name}`),
      clear: () => clears++,
    },
    { leadMs, timers, onError: (e) => errors.push(e) },
  );
  const frames = (n: number, from = 0) => Array.from({ length: n }, (_, i) => Buffer.alloc(160, from + i));
  return { timers, sent, pacer, frames, errors, clears: () => clears };
}

describe('PlayoutPacer', () => {
  it('sends up to the lead at once, then one 20 ms frame per 20 ms of clock', () => {
    const { timers, sent, pacer, frames } = setup(200);
    pacer.enqueue(frames(50));
    expect(sent.length).toBe(10); // 200 ms ahead
    timers.advance(20);
    expect(sent.length).toBe(11);
    timers.advance(100);
    expect(sent.length).toBe(16);
    timers.advance(10_000);
    expect(sent.length).toBe(50);
    expect(sent).toEqual(Array.from({ length: 50 }, (_, i) => `f${i}`)); // in order
    expect(pacer.sentMs).toBe(1000);
  });

  it('never runs more than the lead ahead of the clock', () => {
    const { timers, pacer, frames } = setup(100);
    pacer.enqueue(frames(100));
    for (let t = 0; t < 2000; t += 7) {
      timers.advance(7);
      expect(pacer.sentMs - pacer.playedMs).toBeLessThanOrEqual(100);
    }
  });

  it('sends a mark right after the audio queued before it', () => {
    const { timers, sent, pacer, frames } = setup(40);
    pacer.enqueue(frames(3));
    pacer.mark('clause-1');
    pacer.enqueue(frames(1, 9));
    expect(sent).toEqual(['f0', 'f1']);
    timers.advance(20);
    expect(sent).toEqual(['f0', 'f1', 'f2', 'm:clause-1']);
    timers.advance(20);
    expect(sent).toEqual(['f0', 'f1', 'f2', 'm:clause-1', 'f9']);
  });

  it('clear() drops the queue, clears the carrier and reports what was sent and played', () => {
    const { timers, sent, pacer, frames, clears } = setup(200);
    pacer.enqueue(frames(30));
    pacer.mark('end');
    timers.advance(100); // 10 sent at once + 5 more; 100 ms played
    const result = pacer.clear();
    expect(result).toEqual({ sentMs: 300, playedMs: 100, droppedMs: 300, droppedMarks: ['end'] });
    expect(clears()).toBe(1);
    expect(pacer.queuedMs).toBe(0);
    timers.advance(1000);
    expect(sent.length).toBe(15); // nothing after the clear
    // The next clause plays from now: the lead starts over.
    pacer.enqueue(frames(20, 100));
    expect(sent.length).toBe(25);
    expect(pacer.sentMs).toBe(300); // 100 played before the clear + 200 now
  });

  it('after an underrun, new audio is paced from the moment it arrives', () => {
    const { timers, sent, pacer, frames } = setup(60);
    pacer.enqueue(frames(2));
    timers.advance(500); // played out; the phone hears silence
    expect(pacer.playedMs).toBe(40);
    pacer.enqueue(frames(10));
    expect(sent.length).toBe(2 + 3);
    timers.advance(20);
    expect(sent.length).toBe(6);
  });

  it('resolves flushed() once everything queued has been handed over', async () => {
    const { timers, pacer, frames } = setup(20);
    pacer.enqueue(frames(3));
    let done = false;
    const flushed = pacer.flushed().then(() => (done = true));
    timers.advance(20);
    await Promise.resolve();
    expect(done).toBe(false);
    timers.advance(20);
    await flushed;
    expect(done).toBe(true);
  });

  it('stops and reports instead of throwing when the sink fails (socket gone)', () => {
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const pacer = new PlayoutPacer(
      {
        sendFrame: () => {
          if (++calls === 3) throw new Error('socket closed');
        },
      },
      { leadMs: 100, timers, onError: (e) => errors.push(e) },
    );
    pacer.enqueue(Array.from({ length: 10 }, () => Buffer.alloc(160)));
    expect(() => timers.advance(1000)).not.toThrow();
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
    pacer.enqueue(Buffer.alloc(160));
    expect(calls).toBe(3);
  });
});
