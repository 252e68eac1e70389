// Charges a live call by the minute: minute 1 when the call connects, each next minute just
// before it starts. When the next minute cannot be paid the loop is told early enough to say a
// short goodbye, and the call is ended at the minute boundary. Reconciliation with the carrier's
// final duration happens afterwards in the call service.

export interface MinuteMeterOptions {
  minuteMs: number;
  /** Charges minute `n` (1-based) atomically; false when the balance cannot pay it. */
  charge(n: number): Promise<boolean>;
  /** The next minute cannot be paid: say goodbye now. */
  onExhausted(): void;
  /** The paid time is over: end the call now. */
  onBoundary(): void;
  onError(err: unknown): void;
}

export class MinuteMeter {
  private timer: NodeJS.Timeout | undefined;
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
    this.timer = setTimeout(() => void this.next(boundary), Math.max(0, boundary - this.leadMs - Date.now()));
    this.timer.unref?.();
  }

  private async next(boundary: number): Promise<void> {
    if (this.stopped) return;
    let ok = false;
    try {
      ok = await this.opts.charge(this.charged + 1);
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
    this.timer = setTimeout(() => {
      if (!this.stopped) this.opts.onBoundary();
    }, Math.max(0, boundary - Date.now()));
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
