import { describe, expect, it } from 'vitest';
import { TimerWheel } from '../../src/timer-wheel.js';

// The shared timer wheel (minute meters, agent idle guards): deadlines fire once, in due order,
// never before they are due, and a cancelled one never fires. A hand-driven clock, no waiting.

function wheelWithClock() {
  let now = 1000;
  const wheel = new TimerWheel(25, () => now);
  // Moves the clock and runs what is due, as the wheel's own timer would.
  return { wheel, advance: (ms: number) => ((now += ms), wheel.runDue()) };
}

const settle = () => Promise.resolve();

describe('TimerWheel', () => {
  it('fires every deadline once, in due order, and never early', async () => {
    const { wheel, advance } = wheelWithClock();
    const fired: string[] = [];
    wheel.schedule(100, () => fired.push('b'));
    wheel.schedule(20, () => fired.push('a'));
    wheel.schedule(5000, () => fired.push('c'));
    expect(wheel.size).toBe(3);
    advance(50);
    await settle();
    expect(fired).toEqual(['a']);
    advance(100);
    await settle();
    expect(fired).toEqual(['a', 'b']);
    advance(10_000);
    await settle();
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(wheel.size).toBe(0);
  });

  it('a cancelled deadline never fires; cancelling twice or after firing is harmless', async () => {
    const { wheel, advance } = wheelWithClock();
    const fired: string[] = [];
    const a = wheel.schedule(10, () => fired.push('a'));
    const b = wheel.schedule(10, () => fired.push('b'));
    a.cancel();
    a.cancel();
    advance(100);
    await settle();
    expect(fired).toEqual(['b']);
    b.cancel();
    expect(wheel.size).toBe(0);
  });

  it('a deadline that throws does not stop the others', async () => {
    const { wheel, advance } = wheelWithClock();
    const fired: string[] = [];
    const warnings: unknown[] = [];
    const onWarning = (w: unknown) => warnings.push(w);
    process.on('warning', onWarning);
    wheel.schedule(10, () => {
      throw new Error('boom');
    });
    wheel.schedule(10, () => fired.push('after'));
    advance(100);
    await settle();
    process.off('warning', onWarning);
    expect(fired).toEqual(['after']);
  });

  it('keeps many deadlines with one armed timer and fires the ones scheduled from a callback', async () => {
    const { wheel, advance } = wheelWithClock();
    let count = 0;
    for (let i = 0; i < 5000; i++) wheel.schedule((i % 100) * 10, () => count++);
    wheel.schedule(0, () => wheel.schedule(0, () => (count += 1000)));
    advance(2000);
    advance(100);
    expect(count).toBe(6000);
  });
});
