import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Api, type Harness } from '../helpers/harness.js';
import { FAST, type Receiver, startReceiver, status, waitFor } from './helpers.js';

// Delivery end to end, over loopback: signed per Standard Webhooks and verified with the
// `standardwebhooks` package, retried with backoff, every attempt recorded, durable across a
// restart, and never allowed to reach private addresses unless the operator says so.

let h: Harness;
const receivers: Receiver[] = [];
afterEach(async () => {
  await h?.close();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function endpoint(api: Api, url: string, event_types: string[] = ['*']): Promise<{ id: string; secret: string }> {
  return expectOk(await api.post('/v1/webhooks', { url, event_types }), 201).data;
}

const deliveries = async (api: Api, id: string) => expectOk(await api.get(`/v1/webhooks/${id}/deliveries`)).data;

describe('delivery', () => {
  it('retries a failing endpoint: fails twice, then succeeds; three attempts recorded, each signed', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const r = await receiver((_req, res, n) => status(n <= 2 ? 500 : 204)(_req, res, n));
    const wh = await endpoint(api, r.url, ['credits.purchased']);
    h.app.webhooks.start();
    await fund(api, 1000);

    const [delivery] = await waitFor('the delivery to succeed', async () => {
      const list = await deliveries(api, wh.id);
      return list[0]?.status === 'succeeded' && list;
    });
    expect(r.received).toHaveLength(3);
    expect(delivery).toMatchObject({ event_type: 'credits.purchased', attempt_count: 3, last_status_code: 204, last_error: null });
    expect(delivery.delivered_at).not.toBeNull();
    expect(delivery.next_attempt_at).toBeNull();
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 204]);
    expect(delivery.attempts[0].error).toBe('endpoint answered HTTP 500');
    expect(delivery.attempts[0].next_attempt_at).not.toBeNull();
    expect(delivery.attempts[2].next_attempt_at).toBeNull();
    for (const a of delivery.attempts) expect(a.latency_ms).toBeGreaterThanOrEqual(0);

    // Same message id on every retry (receivers deduplicate on it), and every one verifies.
    const event = expectOk(await api.get(`/v1/events/${delivery.event_id}`)).data;
    const verifier = new Webhook(wh.secret);
    for (const got of r.received) {
      expect(got.headers['webhook-id']).toBe(event.id);
      expect(got.headers['content-type']).toBe('application/json');
      expect(got.headers['user-agent']).toMatch(/^Agentline/);
      expect(verifier.verify(got.body, got.signed)).toEqual(event);
      expect(() => new Webhook(`whsec_${Buffer.from('not the secret').toString('base64')}`).verify(got.body, got.signed)).toThrow();
    }
    expect(JSON.parse(r.received[0]!.body)).toEqual({ id: event.id, type: 'credits.purchased', created_at: event.created_at, livemode: false, data: event.data });
  });

  it('gives up after the last scheduled attempt; a retry re-queues it even when failed', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, schedule: [20] } });
    const api = h.api(await h.key());
    const r = await receiver(status(503));
    const wh = await endpoint(api, r.url);
    h.app.webhooks.start();
    await fund(api, 1000);
    const [failed] = await waitFor('the delivery to fail', async () => {
      const list = await deliveries(api, wh.id);
      return list[0]?.status === 'failed' && list;
    });
    expect(failed.attempt_count).toBe(2);
    expect(failed.next_attempt_at).toBeNull();
    expect(expectOk(await api.get(`/v1/webhooks/${wh.id}/deliveries?status=failed`)).data).toHaveLength(1);
    expect(expectOk(await api.get(`/v1/webhooks/${wh.id}/deliveries?status=succeeded`)).data).toHaveLength(0);

    r.handler = status(200);
    const requeued = expectOk(await api.post(`/v1/webhooks/${wh.id}/deliveries/${failed.id}/retry`)).data;
    expect(requeued).toMatchObject({ id: failed.id, status: 'pending' });
    const [done] = await waitFor('the retried delivery', async () => {
      const list = await deliveries(api, wh.id);
      return list[0]?.status === 'succeeded' && list;
    });
    expect(done.attempt_count).toBe(3);
    expect(r.received).toHaveLength(3);
    expect((await api.post(`/v1/webhooks/${wh.id}/deliveries/whd_00000000000000000000000000/retry`)).status).toBe(404);
  });

  it('delivers only the subscribed types, nothing to paused endpoints, and test events to one endpoint', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const credits = await receiver();
    const numbers = await receiver();
    const all = await receiver();
    const paused = await receiver();
    const whCredits = await endpoint(api, credits.url, ['credits.purchased']);
    const whNumbers = await endpoint(api, numbers.url, ['number.provisioned']);
    const whAll = await endpoint(api, all.url, ['*']);
    const whPaused = await endpoint(api, paused.url, ['*']);
    expectOk(await api.patch(`/v1/webhooks/${whPaused.id}`, { status: 'paused' }));

    await fund(api, 1000);
    expectOk(await api.post('/v1/numbers', { system_prompt: 'hi' }), 201);
    expectOk(await api.post(`/v1/webhooks/${whCredits.id}/test`), 201);
    while ((await h.app.webhooks.runOnce()) > 0);

    const types = (r: Receiver) => r.received.map((x) => JSON.parse(x.body).type as string).sort();
    expect(types(credits)).toEqual(['credits.purchased', 'webhook.test']);
    expect(types(numbers)).toEqual(['number.provisioned']);
    expect(types(all)).toEqual(['credits.purchased', 'number.provisioned']); // not the other endpoint's test
    expect(paused.received).toEqual([]);
    expect(await deliveries(api, whPaused.id)).toEqual([]);
    expect(await deliveries(api, whNumbers.id)).toHaveLength(1);
    expect(await deliveries(api, whAll.id)).toHaveLength(2);
    expect(expectOk(await api.get('/v1/events?type=webhook.test')).data).toHaveLength(1);
  });

  it('holds deliveries queued before a pause and sends them on resume', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const r = await receiver();
    const wh = await endpoint(api, r.url);
    await fund(api, 1000);
    expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'paused' }));
    expect(await h.app.webhooks.runOnce()).toBe(0);
    expect(r.received).toEqual([]);
    expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'active' }));
    expect(await h.app.webhooks.runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it('signs with both secrets during a rotation\'s grace period', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const r = await receiver();
    const wh = await endpoint(api, r.url);
    const rotated = expectOk(await api.post(`/v1/webhooks/${wh.id}/rotate-secret`)).data;
    expectOk(await api.post(`/v1/webhooks/${wh.id}/test`), 201);
    await h.app.webhooks.runOnce();
    const [got] = r.received;
    expect(got!.signed['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(got!.body, got!.signed)).toMatchObject({ type: 'webhook.test', data: { webhook_id: wh.id } });
    expect(new Webhook(wh.secret).verify(got!.body, got!.signed)).toMatchObject({ type: 'webhook.test' });

    // After the grace period only the new secret signs.
    h.clock.advance(24 * 3600_000 + 1000);
    expectOk(await api.post(`/v1/webhooks/${wh.id}/test`), 201);
    await h.app.webhooks.runOnce();
    const later = r.received[1]!;
    expect(later.signed['webhook-signature']!.split(' ')).toHaveLength(1);
    const ts = Number(later.headers['webhook-timestamp']);
    expect(ts * 1000).toBeGreaterThan(Date.now() + 23 * 3600_000); // signed at the gateway's clock
  });
});
