import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { LocalCallControl } from '../calls/call-control.js';
import type { CallRegistry } from '../calls/call-session.js';
import type { SharedCounting } from '../http/rate-limiter.js';
import { type BusLogger, ClusterBus, type Transport } from './bus.js';
import { claimCall } from './call-ownership.js';
import { ClusterCallControl } from './cluster-call-control.js';
import { ClusterSoftphones } from './cluster-softphones.js';
import { NodeLease } from './node-lease.js';
import { PgTransport } from './pg-transport.js';
import { RedisTransport } from './redis-transport.js';
import { PgRateCounters, RedisRateCounters } from './shared-rate-counters.js';
import { AdvisoryLocks, type SweepLocks } from './sweep-locks.js';

// One gateway node of several on one PostgreSQL database: its identity and lease, the bus to
// the other nodes, and the shared versions of what one process keeps in memory (call control,
// softphone registry and sim ringing state, rate-limit counters; delivery wakes already cross
// nodes as a NOTIFY in the event's transaction, src/webhooks/delivery-notifier.ts). The app asks
// this object for them when it runs clustered; on SQLite there is no Cluster and everything
// stays in the process as before.

export interface ClusterSettings {
  /** AGENTLINE_NODE_ID; unset, one is made from the host name and random bits. */
  nodeId?: string;
  /** The PostgreSQL URL the app's database uses (the bus and the advisory locks open their own session). */
  databaseUrl: string;
  /** AGENTLINE_REDIS_URL: the bus and the rate-limit counters go to Redis. */
  redisUrl?: string;
  leaseMs: number;
  /** How long call control waits for the owner of a call. */
  requestTimeoutMs: number;
}

/** The schema the tables live in (`?schema=` of the URL): two clusters on one database stay apart. */
export function namespaceOf(databaseUrl: string): string {
  try {
    return (new URL(databaseUrl).searchParams.get('schema') ?? 'public').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 30);
  } catch {
    return 'public';
  }
}

export function generatedNodeId(): string {
  const host = hostname().toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20) || 'node';
  return `${host}-${randomBytes(4).toString('hex')}`;
}

export class Cluster {
  readonly locks: SweepLocks;

  private constructor(
    readonly nodeId: string,
    readonly bus: ClusterBus,
    readonly lease: NodeLease,
    readonly softphones: ClusterSoftphones,
    readonly rateCounting: SharedCounting,
    private readonly lockSession: PgTransport,
    private readonly busTransport: Transport,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: ClusterSettings,
    private readonly log: BusLogger,
  ) {
    this.locks = new AdvisoryLocks(lockSession, namespaceOf(settings.databaseUrl));
  }

  static async start(deps: { db: Db; clock: Clock; log: BusLogger }, settings: ClusterSettings): Promise<Cluster> {
    const nodeId = settings.nodeId ?? generatedNodeId();
    const lockSession = new PgTransport(settings.databaseUrl, deps.log);
    const redis = settings.redisUrl ? new RedisTransport(settings.redisUrl, deps.log) : null;
    // Without Redis, the one dedicated PostgreSQL session both LISTENs and holds the sweep locks.
    const transport: Transport = redis ?? lockSession;
    const namespace = namespaceOf(settings.databaseUrl);
    const bus = new ClusterBus(nodeId, transport, deps.log, namespace);
    const lease = new NodeLease(deps.db, nodeId, settings.leaseMs, deps.clock, deps.log);
    const opts = { db: deps.db, clock: deps.clock, bus, nodeId, timeoutMs: settings.requestTimeoutMs, log: deps.log };
    const softphones = new ClusterSoftphones(opts);
    const rateCounting: SharedCounting = {
      store: redis ? new RedisRateCounters(redis.commands, namespace) : new PgRateCounters(deps.db),
      syncMs: 200,
      onError: (err) => deps.log.warn({ err }, 'could not share rate-limit counts; limiting on this node alone'),
    };
    const cluster = new Cluster(nodeId, bus, lease, softphones, rateCounting, lockSession, transport, deps.db, deps.clock, settings, deps.log);
    try {
      await lease.start();
      await bus.start();
      await softphones.forgetMine(); // a previous run under this id held sockets that are gone
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  /** Call control that reaches calls on the other nodes too. */
  callControl(registry: CallRegistry): ClusterCallControl {
    return new ClusterCallControl(new LocalCallControl(registry), { db: this.db, clock: this.clock, bus: this.bus, nodeId: this.nodeId, timeoutMs: this.settings.requestTimeoutMs, log: this.log });
  }

  /** A session started here: this node owns the call (awaited by nobody; logged on failure). */
  claim(callId: string): void {
    claimCall(this.db, callId, this.nodeId, this.clock.now()).catch((err: unknown) => this.log.error({ err, call_id: callId }, 'could not record the owner of a call'));
  }

  /** Stops: with `handOver`, the lease lapses now and the other nodes recover what is left. */
  async close(opts: { handOver?: boolean } = {}): Promise<void> {
    if (opts.handOver) await this.lease.release().catch((err: unknown) => this.log.warn({ err }, 'could not hand this node lease over'));
    else this.lease.stopRenewing();
    await this.softphones.forgetMine().catch(() => undefined);
    await this.bus.close();
    if (this.busTransport !== this.lockSession) await this.lockSession.close();
  }
}
