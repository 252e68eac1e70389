import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { BusLogger } from './bus.js';

// A node is alive while its lease in `cluster_nodes` runs: it renews it every third of the
// lease, so two missed renewals still leave it alive and a node that died (SIGKILL, a lost
// machine) is seen dead at most one lease later. Every call a node owns lives and dies with
// this one row: renewing one row per node, not one per call, keeps the cost flat in the number
// of calls. A node asked to stop lets its lease lapse at once, handing its calls to recovery.

export class NodeLease {
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    readonly nodeId: string,
    readonly leaseMs: number,
    private readonly clock: Clock,
    private readonly log: BusLogger,
  ) {}

  async start(): Promise<void> {
    const now = this.clock.now();
    const row = { id: this.nodeId, started_at: now.toISOString(), renewed_at: now.toISOString(), lease_expires_at: this.expiryFrom(now), draining: 0 };
    await this.db
      .insertInto('cluster_nodes')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ started_at: row.started_at, renewed_at: row.renewed_at, lease_expires_at: row.lease_expires_at, draining: 0 }))
      .execute();
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  renew(): Promise<void> {
    this.renewing ??= (async () => {
      try {
        const now = this.clock.now();
        await this.db.updateTable('cluster_nodes').set({ renewed_at: now.toISOString(), lease_expires_at: this.expiryFrom(now) }).where('id', '=', this.nodeId).execute();
      } catch (err) {
        this.log.warn({ err, node_id: this.nodeId }, 'could not renew this node lease');
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }

  async markDraining(): Promise<void> {
    await this.db.updateTable('cluster_nodes').set({ draining: 1 }).where('id', '=', this.nodeId).execute();
  }

  /** Stops renewing and lets the lease lapse now: the other nodes recover what is left. */
  async release(): Promise<void> {
    this.stopRenewing();
    await this.renewing;
    const now = this.clock.now().toISOString();
    await this.db.updateTable('cluster_nodes').set({ lease_expires_at: now, renewed_at: now }).where('id', '=', this.nodeId).execute();
  }

  stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private expiryFrom(now: Date): string {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }
}

/** The node ids whose lease still runs at `now`. */
export async function liveNodeIds(db: Db, now: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('cluster_nodes').select('id').where('lease_expires_at', '>', now.toISOString()).execute();
  return new Set(rows.map((r) => r.id));
}
