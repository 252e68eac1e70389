import { performance } from 'node:perf_hooks';

// One shared timer for the many coarse per-call deadlines (minute meters, idle guards): each
// deadline is an entry in the slot of the tick it falls in, and a single Node timer is armed for
// the earliest non-empty slot. Scheduling and cancelling are a Set insert and delete; thousands
// of live calls cost one Node timer, not thousands. A deadline fires at the first tick at or
// after it: never early, at most one tick (TICK_MS) late, which is why it is only for deadlines
// where a few tens of milliseconds do not matter. The Node timer is unref'd: a wheel never keeps
// a process alive on its own.

export const TICK_MS = 25;

export interface WheelTimer {
  /** Stops the deadline; idempotent, and harmless after it fired. */
  cancel(): void;
}

interface Entry extends WheelTimer {
  fn: () => void;
  slot: Set<Entry> | null;
}

export class TimerWheel {
  /** Tick number → the entries due in it. */
  private readonly slots = new Map<number, Set<Entry>>();
  /** Tick numbers with a slot, as a binary min-heap. */
  private readonly heap: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;

  constructor(
    private readonly tickMs = TICK_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `fn` once, `delayMs` from now (rounded up to the next tick). */
  schedule(delayMs: number, fn: () => void): WheelTimer {
    const tick = Math.ceil((this.now() + Math.max(0, delayMs)) / this.tickMs);
    let slot = this.slots.get(tick);
    if (!slot) {
      slot = new Set();
      this.slots.set(tick, slot);
      this.push(tick);
    }
    const entry: Entry = {
      fn,
      slot,
      cancel() {
        entry.slot?.delete(entry);
        entry.slot = null;
      },
    };
    slot.add(entry);
    if (tick < this.armedFor) this.arm(tick);
    return entry;
  }

  /** Entries still waiting (for tests and the benchmark). */
  get size(): number {
    let n = 0;
    for (const slot of this.slots.values()) n += slot.size;
    return n;
  }

  private arm(tick: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = tick;
    this.timer = setTimeout(this.runDue, Math.max(0, tick * this.tickMs - this.now()));
    this.timer.unref();
  }

  /** Runs every deadline that is due now (the armed timer calls it; tests drive it by hand). */
  readonly runDue = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
    const current = Math.floor(this.now() / this.tickMs);
    while (this.heap.length > 0 && this.heap[0]! <= current) {
      const tick = this.pop();
      const slot = this.slots.get(tick)!;
      this.slots.delete(tick);
      for (const entry of slot) {
        entry.slot = null;
        try {
          entry.fn();
        } catch (err) {
          // A deadline's own bug must neither stop the others nor the process: report it.
          process.emitWarning(err instanceof Error ? err : new Error(String(err)), 'TimerWheelError');
        }
      }
    }
    if (this.heap.length > 0) this.arm(this.heap[0]!);
  };

  private push(tick: number): void {
    const h = this.heap;
    h.push(tick);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]! <= tick) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = tick;
  }

  private pop(): number {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && h[r]! < h[l]! ? r : l;
        if (h[c]! >= last) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

/** The process's wheel, shared by every call. */
export const sharedWheel = new TimerWheel();
