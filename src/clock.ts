// Time is a dependency so tests can move it (number renewals, idempotency expiry, minute metering).

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock tests can set and advance by hand. With `realtime`, it also moves with the wall clock
 * (for tests of live calls, whose durations are measured), and `advance` still jumps ahead.
 */
export class ManualClock implements Clock {
  private ms: number;
  private readonly since = Date.now();
  constructor(
    start: Date | string = '2026-01-01T00:00:00.000Z',
    private readonly opts: { realtime?: boolean } = {},
  ) {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms + (this.opts.realtime ? Date.now() - this.since : 0));
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(date: Date | string): void {
    this.ms = new Date(date).getTime();
  }
}

export const iso = (d: Date) => d.toISOString();
