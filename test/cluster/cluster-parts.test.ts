import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { dropSchema, migrateToLatest, type OpenedDatabase, openDatabase } from '../../src/db/database.js';
import type { CallsTable } from '../../src/db/schema.js';
import { ApiError } from '../../src/errors.js';
import { BusRemoteError, BusTimeoutError, ClusterBus } from '../../src/cluster/bus.js';
import { PgTransport } from '../../src/cluster/pg-transport.js';
import { RedisTransport } from '../../src/cluster/redis-transport.js';
import { AdvisoryLocks } from '../../src/cluster/sweep-locks.js';
import { NodeLease } from '../../src/cluster/node-lease.js';
import { claimCall, listOrphanedCalls, ownerOf } from '../../src/cluster/call-ownership.js';
import { PgRateCounters, RedisRateCounters } from '../../src/cluster/shared-rate-counters.js';
import { RateLimiter } from '../../src/http/rate-limiter.js';
import { ClusterCallControl } from '../../src/cluster/cluster-call-control.js';
import { LocalCallControl } from '../../src/calls/call-control.js';
import { CallRegistry, type LiveSession } from '../../src/calls/call-session.js';
import { freshSchemaName, testPostgresUrl } from '../helpers/test-database.js';

// The parts of a cluster against the machine's real PostgreSQL (127.0.0.1:5432, a schema of its
// own, dropped afterwards) and Redis (127.0.0.1:6379): the bus, the sweep locks, call ownership
// and leases, the shared rate counts, call control forwarded to the owner.

const URL = testPostgresUrl();
const REDIS = process.env.AGENTLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const quiet = { warn() {}, error() {} };
const schema = freshSchemaName();
const namespace = schema;
let opened: OpenedDatabase;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  opened = await openDatabase(URL, { schema, poolSize: 4 });
  await migrateToLatest(opened.db);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await opened.close();
  await dropSchema(URL, schema);
});

function pgBus(nodeId: string): { bus: ClusterBus; transport: PgTransport } {
  const transport = new PgTransport(URL, quiet);
  const bus = new ClusterBus(nodeId, transport, quiet, namespace);
  closers.push(() => bus.close());
  return { bus, transport };
}

describe('the cluster bus over PostgreSQL LISTEN/NOTIFY', () => {
  it('answers a request with the other node’s result, a bounded timeout when nobody answers, the remote error when it fails', async () => {
    const a = pgBus('a1');
    const b = pgBus('b1');
    await Promise.all([a.bus.start(), b.bus.start()]);
    b.bus.handle('add', (body: { x: number; y: number }, from) => ({ sum: body.x + body.y, from }));
    b.bus.handle('boom', () => {
      throw new Error('no such call here');
    });
    expect(await a.bus.request('b1', 'add', { x: 2, y: 3 }, 2000)).toEqual({ sum: 5, from: 'a1' });

    const started = Date.now();
    const err = await a.bus.request('nobody', 'add', {}, 300).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusTimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);

    const remote = await a.bus.request('b1', 'boom', {}, 2000).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(BusRemoteError);
    expect((remote as Error).message).toBe('no such call here');

    const heard: unknown[] = [];
    b.bus.onBroadcast('hello', (body) => heard.push(body));
    a.bus.onBroadcast('hello', (body) => heard.push(['self', body]));
    await a.bus.broadcast('hello', { n: 1 });
    await expect.poll(() => heard).toEqual([{ n: 1 }]);
  });

  it('reconnects its dedicated session and listens again after the connection drops', async () => {
    const a = pgBus('a2');
    const b = pgBus('b2');
    await Promise.all([a.bus.start(), b.bus.start()]);
    b.bus.handle('ping', () => 'pong');
    expect(await a.bus.request('b2', 'ping', null, 2000)).toBe('pong');
    // The server ends b's session (a failover, an idle kill): b reconnects and LISTENs again.
    const pid = (await b.transport.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', [])).rows[0]!.pid;
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    await expect
      .poll(async () => a.bus.request('b2', 'ping', null, 500).catch(() => 'lost'), { timeout: 10_000, interval: 200 })
      .toBe('pong');
  });
});

describe('the cluster bus over Redis pub/sub', () => {
  it('carries requests, replies and broadcasts', async () => {
    const ta = new RedisTransport(REDIS, quiet);
    const tb = new RedisTransport(REDIS, quiet);
    const a = new ClusterBus('ra', ta, quiet, namespace);
    const b = new ClusterBus('rb', tb, quiet, namespace);
    closers.push(() => a.close(), () => b.close());
    await Promise.all([a.start(), b.start()]);
    b.handle('echo', (body) => body);
    expect(await a.request('rb', 'echo', { hello: 'world' }, 2000)).toEqual({ hello: 'world' });
    await expect(a.request('nobody', 'echo', null, 200)).rejects.toBeInstanceOf(BusTimeoutError);
  });
});

describe('sweep locks (PostgreSQL advisory locks)', () => {
  it('run a sweep on one node at a time, and a node that dies loses its lock', async () => {
    const s1 = new PgTransport(URL, quiet);
    const s2 = new PgTransport(URL, quiet);
    closers.push(() => s1.close(), () => s2.close());
    const l1 = new AdvisoryLocks(s1, namespace);
    const l2 = new AdvisoryLocks(s2, namespace);
    let release!: () => void;
    const held = l1.run('sweep', () => new Promise<string>((r) => (release = () => r('first'))));
    await expect.poll(async () => (await s1.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()", [])).rows[0]!.n).toBe(1);
    expect(await l2.run('sweep', async () => 'second')).toBeNull();
    release();
    expect(await held).toBe('first');
    expect(await l2.run('sweep', async () => 'second')).toBe('second');

    // A holder whose connection dies (SIGKILL of the node) frees the lock for the others.
    void l1.run('sweep', () => new Promise(() => undefined));
    await new Promise((r) => setTimeout(r, 200));
    expect(await l2.run('sweep', async () => 'taken')).toBeNull();
    await s1.close();
    await expect.poll(() => l2.run('sweep', async () => 'taken'), { timeout: 5000 }).toBe('taken');
  });
});

function callRow(id: string, status: CallsTable['status'], updatedAt: string): CallsTable {
  return {
    id, workspace_id: 'ws_cluster', mode: 'test', number_id: 'num_x', direction: 'outbound', from_number: '+15550000001', to_number: '+15550000002',
    status, carrier: 'sim', carrier_sid: null, agent_mode: 'webhook', system_prompt_override: null, first_message_override: null, metadata: '{}',
    billable: 1, answered_at: null, ended_at: null, duration_seconds: null, duration_source: null, minutes_charged: 0, cost_cents: 0, unbilled_cents: 0,
    turn_count: 0, end_reason: null, transfer_to: null, last_activity_at: null, contact_id: null, created_at: updatedAt, updated_at: updatedAt,
  } as CallsTable;
}

describe('call ownership and node leases', () => {
  it('recovers only calls whose owner’s lease expired (or that nobody claimed for long)', async () => {
    const alive = new NodeLease(opened.db, 'node-alive', 60_000, systemClock, quiet);
    const dead = new NodeLease(opened.db, 'node-dead', 200, systemClock, quiet);
    await alive.start();
    await dead.start();
    dead.stopRenewing();
    alive.stopRenewing();
    const now = new Date().toISOString();
    const old = new Date(Date.now() - 600_000).toISOString();
    // Bare call rows (no workspace or number behind them): foreign keys are not what this tests.
    await opened.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await trx.insertInto('calls').values([callRow('call_live', 'in-progress', now), callRow('call_dead', 'in-progress', now), callRow('call_fresh', 'queued', now), callRow('call_stale', 'queued', old), callRow('call_done', 'completed', old)]).execute();
    });
    await claimCall(opened.db, 'call_live', 'node-alive', new Date());
    await claimCall(opened.db, 'call_dead', 'node-dead', new Date());
    expect(await ownerOf(opened.db, 'call_live', new Date())).toEqual({ nodeId: 'node-alive', alive: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await ownerOf(opened.db, 'call_dead', new Date())).toEqual({ nodeId: 'node-dead', alive: false });
    const orphans = await listOrphanedCalls(opened.db, { now: new Date(), unownedBefore: new Date(Date.now() - 120_000) });
    expect(orphans.map((c) => c.id).sort()).toEqual(['call_dead', 'call_stale']);
    // A node restarted under its id (a new lease, a new start): its previous run's calls are
    // orphans at once, though the lease runs again; a call it claims from now on is not.
    const restart = new NodeLease(opened.db, 'node-alive', 60_000, systemClock, quiet);
    await new Promise((r) => setTimeout(r, 5));
    await restart.start();
    restart.stopRenewing();
    const restarted = await listOrphanedCalls(opened.db, { now: new Date(), unownedBefore: new Date(Date.now() - 120_000) });
    expect(restarted.map((c) => c.id).sort()).toEqual(['call_dead', 'call_live', 'call_stale']);
    await claimCall(opened.db, 'call_live', 'node-alive', new Date());
    const reclaimed = await listOrphanedCalls(opened.db, { now: new Date(), unownedBefore: new Date(Date.now() - 120_000) });
    expect(reclaimed.map((c) => c.id).sort()).toEqual(['call_dead', 'call_stale']);
  });
});

describe('rate limits shared between nodes', () => {
  for (const [name, store] of [
    ['PostgreSQL', () => new PgRateCounters(opened.db)],
    ['Redis', () => {
      const t = new RedisTransport(REDIS, quiet);
      closers.push(() => t.close());
      return new RedisRateCounters(t.commands, `${namespace}_${Date.now()}`);
    }],
  ] as const) {
    it(`count every node’s requests in one window (${name})`, async () => {
      const limits = { windowSeconds: 60, perKey: 8, perWorkspace: 100, perIp: 100 };
      const shared = store();
      const sharing = { store: shared, syncMs: 60_000, onError: (err: unknown) => { throw err; } };
      const a = new RateLimiter(limits, Date.now, sharing);
      const b = new RateLimiter(limits, Date.now, sharing);
      closers.push(async () => a.close(), async () => b.close());
      const bucket = `key_${name}_${Date.now()}`;
      for (let i = 0; i < 4; i++) expect(a.key(bucket).exceeded).toBe(false);
      for (let i = 0; i < 4; i++) expect(b.key(bucket).exceeded).toBe(false);
      await a.sync();
      await b.sync();
      // 8 of 8 used across the two nodes: node A's next request is the ninth.
      await a.sync();
      const state = a.key(bucket);
      expect(state.exceeded).toBe(true);
      expect(state.remaining).toBe(0);
    });
  }
});

describe('call control forwarded to the owner', () => {
  it('hangs up a call held by another node and answers with its result; 503 when the owner does not answer', async () => {
    const leaseA = new NodeLease(opened.db, 'cc-a', 60_000, systemClock, quiet);
    const leaseB = new NodeLease(opened.db, 'cc-b', 60_000, systemClock, quiet);
    await leaseA.start();
    await leaseB.start();
    closers.push(async () => leaseA.stopRenewing(), async () => leaseB.stopRenewing());
    const a = pgBus('cc-a');
    const b = pgBus('cc-b');
    await Promise.all([a.bus.start(), b.bus.start()]);
    const registryA = new CallRegistry();
    const hungUp: string[] = [];
    registryA.add({ callId: 'call_cc', legEndsCall: true, hangUp: (o: { reason: string }) => hungUp.push(o.reason) } as unknown as LiveSession);
    await claimCall(opened.db, 'call_cc', 'cc-a', new Date());
    const deps = { db: opened.db, clock: systemClock, timeoutMs: 500, log: quiet };
    new ClusterCallControl(new LocalCallControl(registryA), { ...deps, bus: a.bus, nodeId: 'cc-a' });
    const controlB = new ClusterCallControl(new LocalCallControl(new CallRegistry()), { ...deps, bus: b.bus, nodeId: 'cc-b' });

    expect(await controlB.hangUp('call_cc', { reason: 'hangup_requested' })).toEqual({ live: true, legEndsCall: true });
    expect(hungUp).toEqual(['hangup_requested']);
    expect(await controlB.hangUp('call_unknown', { reason: 'hangup_requested' })).toEqual({ live: false, legEndsCall: false });

    // The owner stops answering (its lease still runs): a clear 503, within the bound.
    await a.bus.close();
    const started = Date.now();
    const err = await controlB.hangUp('call_cc', { reason: 'hangup_requested' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
