import type { PgTransport } from './pg-transport.js';

// Sweeps (recovery of calls with a dead owner, number renewals, the delivery worker's pick of
// due deliveries and retries, intent reconciliation) run on one node at a time. On PostgreSQL each takes a session advisory lock
// on the bus's dedicated connection: try, never wait (another node is already doing it), and a
// node that dies mid-sweep loses its connection and so its lock. Every step of a sweep commits
// on its own (one call finalized, one number renewed), so a sweep cut short leaves finished
// steps done and the rest for the next holder. One SQLite process has nothing to exclude.

export interface SweepLocks {
  /** Runs `fn` if this node got the lock; null when another node holds it. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T | null>;
}

export const singleNodeLocks: SweepLocks = { run: (_name, fn) => fn() };

export class AdvisoryLocks implements SweepLocks {
  constructor(
    private readonly session: PgTransport,
    private readonly namespace = 'public',
  ) {}

  async run<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    const res = await this.session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`agentline:${this.namespace}:${name}`]);
    if (!res.rows[0]?.ok) return null;
    const generation = this.session.generation;
    try {
      return await fn();
    } finally {
      // A reconnect meanwhile dropped the lock with the old session; unlocking now would be wrong.
      if (generation === this.session.generation) await this.session.query('SELECT pg_advisory_unlock(hashtext($1))', [`agentline:${this.namespace}:${name}`]).catch(() => undefined);
    }
  }
}
