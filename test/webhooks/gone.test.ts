import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Api, type Harness } from '../helpers/harness.js';
import { FAST, type Receiver, startReceiver, status } from './helpers.js';

// Standard Webhooks: a receiver answering 410 Gone wants no more deliveries. The endpoint is
// disabled at once (not after days of retries), the developer is told, and nothing more is sent.

let h: Harness | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const endpoint = async (api: Api, url: string, event_types: string[]) => expectOk(await api.post('/v1/webhooks', { url, event_types }), 201).data as { id: string };
const deliveries = async (api: Api, id: string) => expectOk(await api.get(`/v1/webhooks/${id}/deliveries`)).data as Array<Record<string, unknown>>;

describe('an endpoint answering 410 Gone', () => {
  it('is disabled at its first 410, that delivery is not retried, and its other deliveries are not sent', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, perEndpointConcurrency: 1 } });
    const api = h.api(await h.key());
    const gone = await receiver(status(410));
    const watcher = await receiver();
    const wh = await endpoint(api, gone.url, ['credits.purchased']);
    await endpoint(api, watcher.url, ['webhook_endpoint.disabled']);
    for (let i = 0; i < 3; i++) await fund(api, 1000);

    await h.app.webhooks.runOnce();
    expect(gone.received).toHaveLength(1);
    const disabled = expectOk(await api.get(`/v1/webhooks/${wh.id}`)).data;
    expect(disabled.status).toBe('disabled');
    expect(disabled.disabled_reason).toContain('410 Gone');

    const rows = await deliveries(api, wh.id);
    const attempted = rows.filter((d) => d.attempt_count === 1);
    expect(attempted).toHaveLength(1);
    expect(attempted[0]).toMatchObject({ status: 'failed', last_status_code: 410, next_attempt_at: null });
    // The two not yet sent wait for the endpoint to be re-enabled, and are never sent meanwhile.
    expect(rows.filter((d) => d.attempt_count === 0).map((d) => d.status)).toEqual(['pending', 'pending']);

    const events = expectOk(await api.get('/v1/events?type=webhook_endpoint.disabled')).data;
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ id: wh.id, status: 'disabled', url: gone.url });
    expect(events[0].data.disabled_reason).toContain('410');

    // Retries coming due later send nothing more to it; the developer's other endpoint hears of it.
    h.clock.advance(60_000);
    await h.app.webhooks.runOnce();
    await h.app.webhooks.runOnce();
    expect(gone.received).toHaveLength(1);
    expect(watcher.received.map((r) => JSON.parse(r.body).type)).toEqual(['webhook_endpoint.disabled']);

    // Re-enabled (the developer fixed it): the waiting deliveries go out.
    gone.handler = status(200);
    expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'active' }));
    await h.app.webhooks.runOnce();
    await h.app.webhooks.runOnce();
    expect(gone.received).toHaveLength(3);
    expect((await deliveries(api, wh.id)).map((d) => d.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
  });

  it('other 4xx answers are still retried and leave the endpoint active', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const r = await receiver(status(404));
    const wh = await endpoint(api, r.url, ['credits.purchased']);
    await fund(api, 1000);
    await h.app.webhooks.runOnce();
    expect((await deliveries(api, wh.id))[0]).toMatchObject({ status: 'pending', last_status_code: 404 });
    expect(expectOk(await api.get(`/v1/webhooks/${wh.id}`)).data.status).toBe('active');
  });
});
