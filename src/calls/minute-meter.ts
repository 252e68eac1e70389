// Charges a live call by the minute: minute 1 when the call connects, each next minute just
// before it starts. When the next minute cannot be paid the loop is told early enough to say a
// short goodbye, and the call is ended at the minute boundary. Reconciliation with the carrier's
// final duration happens afterwards in the call service.
//
// The meter's deadlines sit on the process's shared timer wheel (timer-wheel.ts): a few
// thousand live calls cost one Node timer, and a boundary fires at most one tick late. Calls
// that connected together come due together, every minute; their charges (a database
// transaction each, synchronous on SQLite) go through one queue that starts the next charge
// only after the event loop has had a turn, so 5,000 charges due at once are 5,000 short tasks
// between other calls' frames, not one multi-second stall of every call on the process.

import { sharedWheel, type TimerWheel, type WheelTimer } from '../timer-wheel.js';

export interface MinuteMeterOptions {
  minuteMs: number;
  /** Charges minute `n` (1-based) atomically; false when the balance cannot pay it. */
  charge(n: number): Promise<boolean>;
  /** The next minute cannot be paid: say goodbye now. */
  onExhausted(): void;
  /** The paid time is over: end the call now. */
  onBoundary(): void;
  onError(err: unknown): void;
  /** Where the deadlines are kept (default: the process's shared wheel). */
  wheel?: TimerWheel;
}

/** Runs charges one at a time, each from a fresh event-loop turn (setImmediate). */
class ChargeQueue {
  private readonly waiting: Array<() => void> = [];
  private running = false;

  run<T>(charge: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        Promise.resolve().then(charge).then(resolve, reject).finally(() => this.next());
      });
      if (!this.running) this.next();
    });
  }

  private next(): void {
    const start = this.waiting.shift();
    this.running = start !== undefined;
    if (start) setImmediate(start);
  }
}

const charges = new ChargeQueue();

export class MinuteMeter {
  private timer: WheelTimer | undefined;
  private startedAt = 0;
  private charged = 0;
  private stopped = false;

  constructor(private readonly opts: MinuteMeterOptions) {}

  /** Charges the first minute. False: the call cannot be paid for at all. */
  async start(): Promise<boolean> {
    this.startedAt = Date.now();
    const ok = await this.opts.charge(1);
    if (!ok) return false;
    this.charged = 1;
    this.schedule();
    return true;
  }

  private get wheel(): TimerWheel {
    return this.opts.wheel ?? sharedWheel;
  }

  get minutesCharged(): number {
    return this.charged;
  }

  private get leadMs(): number {
    // Charge a little before the boundary so a refused charge leaves time for the goodbye.
    return Math.min(5000, Math.floor(this.opts.minuteMs / 4));
  }

  private schedule(): void {
    if (this.stopped) return;
    const boundary = this.startedAt + this.charged * this.opts.minuteMs;
    this.timer = this.wheel.schedule(boundary - this.leadMs - Date.now(), () => void this.next(boundary));
  }

  private async next(boundary: number): Promise<void> {
    if (this.stopped) return;
    let ok = false;
    try {
      const n = this.charged + 1;
      // A call that ended while its charge waited in the queue is not charged.
      ok = await charges.run(() => (this.stopped ? Promise.resolve(false) : this.opts.charge(n)));
    } catch (err) {
      this.opts.onError(err);
    }
    if (this.stopped) return;
    if (ok) {
      this.charged++;
      this.schedule();
      return;
    }
    this.opts.onExhausted();
    this.timer = this.wheel.schedule(boundary - Date.now(), () => {
      if (!this.stopped) this.opts.onBoundary();
    });
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }
}
