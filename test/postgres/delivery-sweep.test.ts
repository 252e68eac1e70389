import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { namespaceOf } from '../../src/cluster/cluster.js';
import { PgTransport } from '../../src/cluster/pg-transport.js';
import { AdvisoryLocks, type SweepLocks } from '../../src/cluster/sweep-locks.js';
import { databaseLocation, type Db } from '../../src/db/database.js';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import { expectOk } from '../helpers/harness.js';
import { type Receiver, startReceiver } from '../webhooks/helpers.js';
import { onPostgres, startTwoNodes, type TwoNodes } from './two-nodes.js';

// The delivery worker's pick of due rows (new deliveries and retries coming due) is a sweep: on
// several nodes it runs on one node at a time under the `deliveries` advisory lock, each node
// on its own lock session, as Cluster gives it. Two workers on two pools of one schema.

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const quiet = { warn() {}, error() {} };

let nodes: TwoNodes | undefined;
let r: Receiver | undefined;
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  await nodes?.close();
  await r?.close();
  nodes = r = undefined;
});

describe.skipIf(!onPostgres)('delivery picks on two nodes', () => {
  async function setup(deliveries: number) {
    nodes = await startTwoNodes();
    const { h, b } = nodes;
    const api = h.api(await h.key());
    r = await startReceiver();
    const wh = expectOk(await api.post('/v1/webhooks', { url: r.url, event_types: ['webhook.test'] }), 201).data;
    for (let i = 0; i < deliveries; i++) expectOk(await api.post(`/v1/webhooks/${wh.id}/test`), 201);
    const url = databaseLocation(h.config);
    const session = () => {
      const s = new PgTransport(url, quiet);
      closers.push(() => s.close());
      return new AdvisoryLocks(s, namespaceOf(url));
    };
    const worker = (db: Db, locks: SweepLocks) => {
      const w = new DeliveryWorker({ db, clock: h.clock, log, allowPrivate: true, locks }, { concurrency: 4, jitter: 0 });
      closers.push(() => w.stop());
      return w;
    };
    const rows = () => h.opened.db.selectFrom('webhook_deliveries').select(['status', 'attempt_count', 'next_attempt_at']).execute();
    return { h, dbs: [h.opened.db, b.opened.db] as const, session, worker, rows };
  }

  it('a node leaves the due rows alone while another node holds the pick, and takes them once it is free', async () => {
    const s = await setup(3);
    const a = s.worker(s.dbs[0], s.session());
    const other = s.session(); // node B, mid-pick
    let release!: () => void;
    const held = other.run('deliveries', () => new Promise<void>((done) => (release = done)));
    await expect.poll(() => release !== undefined).toBe(true);
    const before = await s.rows();

    expect(await a.runOnce()).toBe(0);
    expect(await s.rows()).toEqual(before); // nothing claimed, nothing attempted
    expect(r!.received).toHaveLength(0);

    release();
    await held;
    expect(await a.runOnce()).toBe(3);
    expect(r!.received).toHaveLength(3);
    expect((await s.rows()).map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('two nodes picking at once never pick together, and every delivery goes out once', async () => {
    const n = 20;
    const s = await setup(n);
    let inside = 0;
    let most = 0;
    let picks = 0;
    const counted = (locks: SweepLocks): SweepLocks => ({
      run: (name, fn) =>
        locks.run(name, async () => {
          most = Math.max(most, ++inside);
          picks++;
          try {
            return await fn();
          } finally {
            inside--;
          }
        }),
    });
    const workers = [s.worker(s.dbs[0], counted(s.session())), s.worker(s.dbs[1], counted(s.session()))];
    for (let round = 0; round < 50 && r!.received.length < n; round++) await Promise.all(workers.flatMap((w) => [w.runOnce(), w.runOnce()]));

    expect(most).toBe(1);
    expect(picks).toBeGreaterThan(1);
    const ids = r!.received.map((x) => JSON.parse(x.body).id as string);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect((await s.rows()).every((d) => d.status === 'succeeded' && d.attempt_count === 1)).toBe(true);
  });
});
