import type { RateLimits } from '../config.js';

// Fixed-window counters for the three buckets (key, workspace, client IP). One process counts
// in memory. Several gateway nodes share each window's counts through a store (PostgreSQL, or
// Redis when configured: src/cluster/shared-rate-counters.ts) without a round trip per request:
// every node counts locally, adds what it counted to the shared totals a few times a second and
// reads the totals back, so a bucket is judged on every node's requests up to one sync interval
// ago plus this node's since. Counters of past windows are dropped as windows roll.

export interface BucketState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

/** Shared per-window counts: adds this node's new hits, answers every node's totals. */
export interface SharedCounterStore {
  add(windowStart: number, windowMs: number, deltas: Map<string, number>): Promise<Map<string, number>>;
}

export interface SharedCounting {
  store: SharedCounterStore;
  syncMs: number;
  onError(err: unknown): void;
}

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();
  /** Shared mode: hits not yet added to the store, and the totals it last answered. */
  private unsynced = new Map<string, number>();
  private shared = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly limits: RateLimits,
    private readonly nowMs: () => number = Date.now,
    private readonly sharing: SharedCounting | null = null,
  ) {
    if (sharing) {
      this.timer = setInterval(() => void this.sync(), sharing.syncMs);
      this.timer.unref();
    }
  }

  private roll(now: number): void {
    const windowMs = this.limits.windowSeconds * 1000;
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts.clear();
      this.unsynced.clear();
      this.shared.clear();
    }
  }

  /** Counts one request against a bucket and reports its state after counting. */
  hit(bucket: string, limit: number): BucketState {
    const now = this.nowMs();
    this.roll(now);
    const mine = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, mine);
    let used = mine;
    if (this.sharing) {
      const pending = (this.unsynced.get(bucket) ?? 0) + 1;
      this.unsynced.set(bucket, pending);
      used = Math.max(mine, (this.shared.get(bucket) ?? 0) + pending);
    }
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + this.limits.windowSeconds * 1000 - now) / 1000));
    return { limit, remaining: Math.max(0, limit - used), resetSeconds, exceeded: used > limit };
  }

  /** Adds this node's new hits to the shared counts and learns every node's totals. */
  sync(): Promise<void> {
    const sharing = this.sharing;
    if (!sharing || (this.unsynced.size === 0 && this.shared.size === 0)) return this.syncing ?? Promise.resolve();
    this.syncing ??= (async () => {
      const window = this.windowStart;
      const deltas = this.unsynced;
      this.unsynced = new Map();
      // Buckets this node counted before but not since still learn the other nodes' totals.
      for (const bucket of this.shared.keys()) if (!deltas.has(bucket)) deltas.set(bucket, 0);
      try {
        const totals = await sharing.store.add(window, this.limits.windowSeconds * 1000, deltas);
        if (window !== this.windowStart) return; // the window rolled meanwhile
        for (const [bucket, total] of totals) this.shared.set(bucket, total);
      } catch (err) {
        // The store is down: keep counting locally (each node then limits on its own share).
        if (window === this.windowStart) for (const [b, n] of deltas) this.unsynced.set(b, (this.unsynced.get(b) ?? 0) + n);
        sharing.onError(err);
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  ip(ip: string) {
    return this.hit(`ip:${ip}`, this.limits.perIp);
  }
  key(id: string) {
    return this.hit(`key:${id}`, this.limits.perKey);
  }
  workspace(id: string) {
    return this.hit(`ws:${id}`, this.limits.perWorkspace);
  }
}

/** The strictest bucket: an exceeded one first, else the one with the fewest requests left. */
export function strictest(states: BucketState[]): BucketState {
  return states.reduce((a, b) => {
    if (a.exceeded !== b.exceeded) return a.exceeded ? a : b;
    if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
    return a.resetSeconds >= b.resetSeconds ? a : b;
  });
}
