import type { Redis } from 'ioredis';
import type { Db } from '../db/database.js';
import type { SharedCounterStore } from '../http/rate-limiter.js';

// Where the nodes of a cluster add up their rate-limit windows (src/http/rate-limiter.ts).

/** One row per bucket and window, incremented in place: `count = count + delta`, never read-then-write. */
export class PgRateCounters implements SharedCounterStore {
  private lastPrune = 0;
  constructor(private readonly db: Db) {}

  async add(windowStart: number, windowMs: number, deltas: Map<string, number>): Promise<Map<string, number>> {
    const rows = [...deltas].map(([bucket, count]) => ({ bucket, window_start: windowStart, count }));
    const totals = await this.db
      .insertInto('rate_counters')
      .values(rows)
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', eb.ref('excluded.count')) })))
      .returning(['bucket', 'count'])
      .execute();
    if (this.lastPrune !== windowStart) {
      // Past windows are never read again; whichever node rolls first drops them.
      this.lastPrune = windowStart;
      await this.db.deleteFrom('rate_counters').where('window_start', '<', windowStart - windowMs).execute();
    }
    return new Map(totals.map((r) => [r.bucket, Number(r.count)]));
  }
}

/** INCRBY per bucket in one pipeline; each key expires two windows after it starts. */
export class RedisRateCounters implements SharedCounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace = 'public',
  ) {}

  async add(windowStart: number, windowMs: number, deltas: Map<string, number>): Promise<Map<string, number>> {
    const entries = [...deltas];
    const pipeline = this.redis.pipeline();
    for (const [bucket, n] of entries) {
      const key = `agentline:${this.namespace}:rl:${windowStart}:${bucket}`;
      pipeline.incrby(key, n);
      pipeline.pexpire(key, windowMs * 2);
    }
    const results = (await pipeline.exec()) ?? [];
    const totals = new Map<string, number>();
    entries.forEach(([bucket], i) => {
      const [err, value] = results[i * 2] ?? [new Error('no reply'), null];
      if (err) throw err;
      totals.set(bucket, Number(value));
    });
    return totals;
  }
}
