import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { type Receiver, startReceiver, waitFor } from '../webhooks/helpers.js';
import { onPostgres } from './two-nodes.js';

// The event fan-out on PostgreSQL: the worker's wake-up travels as a NOTIFY sent in the event's
// own transaction, so it arrives once the deliveries are committed (on SQLite the single
// connection gave that order for free). With a one-minute poll, only the NOTIFY can explain a
// delivery within seconds; a rolled-back change wakes nobody and delivers nothing.

let h: Harness | undefined;
let r: Receiver | undefined;
afterEach(async () => {
  await h?.close();
  await r?.close();
  h = r = undefined;
});

describe.skipIf(!onPostgres)('event fan-out on PostgreSQL', () => {
  it('a committed event reaches the endpoint at once, without waiting for the poll', async () => {
    h = await createHarness({ webhookWorker: { schedule: [30], jitter: 0, pollIntervalMs: 60_000 } });
    const api = h.api(await h.key());
    r = await startReceiver();
    expectOk(await api.post('/v1/webhooks', { url: r.url, event_types: ['credits.purchased'] }), 201);
    h.app.webhooks.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the start-up pick has run
    await fund(api, 1000);
    await waitFor('the delivery', () => r!.received.length === 1, 8000);
    expect(JSON.parse(r.received[0]!.body).type).toBe('credits.purchased');
  });

  it('a rolled-back event is never delivered', async () => {
    h = await createHarness({ webhookWorker: { schedule: [30], jitter: 0, pollIntervalMs: 100 } });
    const { key, workspaceId } = await h.keyWithId();
    const api = h.api(key);
    r = await startReceiver();
    expectOk(await api.post('/v1/webhooks', { url: r.url, event_types: ['*'] }), 201);
    h.app.webhooks.start();
    const { emitEvent } = await import('../../src/events/event-writer.js');
    await expect(
      h.opened.db.transaction().execute(async (trx) => {
        await emitEvent(trx, { workspaceId, mode: 'test' }, 'webhook.test', { n: 1 }, new Date());
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(r.received).toHaveLength(0);
    expect(await h.opened.db.selectFrom('webhook_deliveries').selectAll().execute()).toHaveLength(0);
  });
});
