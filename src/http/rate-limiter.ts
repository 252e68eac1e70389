import type { RateLimits } from '../config.js';

// Fixed-window counters for the three buckets (key, workspace, client IP), kept in memory:
// one gateway process is the unit today. Counters of past windows are dropped as windows roll.

export interface BucketState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    private readonly nowMs: () => number = Date.now,
  ) {}

  private roll(now: number): void {
    const windowMs = this.limits.windowSeconds * 1000;
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts.clear();
    }
  }

  /** Counts one request against a bucket and reports its state after counting. */
  hit(bucket: string, limit: number): BucketState {
    const now = this.nowMs();
    this.roll(now);
    const used = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, used);
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + this.limits.windowSeconds * 1000 - now) / 1000));
    return { limit, remaining: Math.max(0, limit - used), resetSeconds, exceeded: used > limit };
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
