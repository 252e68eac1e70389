import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Api, type Harness } from '../helpers/harness.js';
import { FAST, type Receiver, restart, startReceiver, status, waitFor } from './helpers.js';

// What must hold when endpoints misbehave or the gateway restarts: slow endpoints do not block
// others, private addresses stay unreachable at delivery time, redirects are not followed,
// endpoints failing for too long are disabled (and the developer told), nothing pending is lost.

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

async function endpoint(api: Api, url: string, event_types: string[] = ['*']): Promise<{ id: string; secret: string }> {
  return expectOk(await api.post('/v1/webhooks', { url, event_types }), 201).data;
}

const deliveries = async (api: Api, id: string) => expectOk(await api.get(`/v1/webhooks/${id}/deliveries`)).data;

describe('isolation between endpoints', () => {
  it('a hanging endpoint does not hold up another one', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, concurrency: 4, perEndpointConcurrency: 2, headersTimeoutMs: 10_000, stopTimeoutMs: 50 } });
    const api = h.api(await h.key());
    const stalled: Array<() => void> = [];
    const slow = await receiver((_req, res) => stalled.push(() => res.end()));
    const fast = await receiver();
    await endpoint(api, slow.url);
    await endpoint(api, fast.url);
    h.app.webhooks.start();
    for (let i = 0; i < 5; i++) await fund(api, 1000);

    await waitFor('all five events at the fast endpoint', () => fast.received.length === 5, 3000);
    // The slow endpoint holds its share of the slots (2 of 4) and no more, and is still hanging.
    await waitFor('the slow endpoint to hold two requests', () => slow.received.length === 2);
    // The fast endpoint's last attempt is recorded in a moment (longer on PostgreSQL).
    await waitFor('only the slow endpoint in flight', () => h!.app.webhooks.inFlightCount === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(slow.received).toHaveLength(2);
    expect(h.app.webhooks.inFlightCount).toBe(2);
    stalled.forEach((release) => release());
  });

  it('stop() lets an in-flight attempt finish and record it', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const r = await receiver((_req, res) => setTimeout(() => res.end('ok'), 200));
    const wh = await endpoint(api, r.url);
    h.app.webhooks.start();
    await fund(api, 1000);
    await waitFor('the request to arrive', () => r.received.length === 1);
    await h.app.webhooks.stop();
    expect((await deliveries(api, wh.id))[0]).toMatchObject({ status: 'succeeded', attempt_count: 1 });
  });
});

describe('responses', () => {
  it('counts a 2xx with an oversized body as delivered, reading at most the limit', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, maxResponseBytes: 1024 } });
    const api = h.api(await h.key());
    const r = await receiver((_req, res) => res.end('x'.repeat(200_000)));
    const wh = await endpoint(api, r.url);
    await fund(api, 1000);
    await h.app.webhooks.runOnce();
    expect((await deliveries(api, wh.id))[0]).toMatchObject({ status: 'succeeded', last_status_code: 200 });
  });

  it('records a timeout when the endpoint never answers', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, headersTimeoutMs: 100 } });
    const api = h.api(await h.key());
    const r = await receiver(() => {}); // never responds
    const wh = await endpoint(api, r.url);
    await fund(api, 1000);
    await h.app.webhooks.runOnce();
    const [delivery] = await deliveries(api, wh.id);
    expect(delivery).toMatchObject({ status: 'pending', last_status_code: null, attempt_count: 1 });
    expect(delivery.last_error).toMatch(/^timeout: /);
  });
});

describe('customer URLs are untrusted (delivery)', () => {
  it('refuses at connect time when a host that passed registration now resolves to 127.0.0.1', async () => {
    const dns: Record<string, string[]> = { 'hooks.example.com': ['93.184.216.34'] };
    h = await createHarness({ env: { AGENTLINE_ALLOW_PRIVATE_URLS: 'false' }, resolve: async (host) => dns[host] ?? [], webhookWorker: FAST });
    const api = h.api(await h.key());
    const local = await receiver(); // would receive it if the check were missing
    const wh = await endpoint(api, `http://hooks.example.com:${local.port}/hooks`);
    dns['hooks.example.com'] = ['127.0.0.1']; // DNS rebinding after registration
    await fund(api, 1000);
    expect(await h.app.webhooks.runOnce()).toBe(1);

    const [delivery] = await deliveries(api, wh.id);
    expect(delivery).toMatchObject({ status: 'pending', attempt_count: 1, last_status_code: null });
    expect(delivery.attempts[0].error).toMatch(/refused_url: .*127\.0\.0\.1/);
    expect(delivery.attempts[0].next_attempt_at).not.toBeNull();
    expect(local.received).toEqual([]);
  });

  it('records a redirect (to 169.254.169.254 or anywhere) as a failure and never follows it', async () => {
    h = await createHarness({ webhookWorker: FAST });
    const api = h.api(await h.key());
    const trap = await receiver();
    const toMetadata = await receiver((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' });
      res.end();
    });
    const toTrap = await receiver((_req, res) => {
      res.writeHead(307, { location: trap.url });
      res.end();
    });
    const a = await endpoint(api, toMetadata.url);
    const b = await endpoint(api, toTrap.url);
    await fund(api, 1000);
    expect(await h.app.webhooks.runOnce()).toBe(2);

    const [viaMetadata] = await deliveries(api, a.id);
    expect(viaMetadata).toMatchObject({ status: 'pending', last_status_code: 302 });
    expect(viaMetadata.last_error).toContain('not followed');
    expect(viaMetadata.last_error).toContain('169.254.169.254');
    const [viaTrap] = await deliveries(api, b.id);
    expect(viaTrap).toMatchObject({ status: 'pending', last_status_code: 307 });
    expect(trap.received).toEqual([]);
  });
});

describe('disabling failing endpoints', () => {
  it('disables an endpoint failing for longer than the threshold, emits webhook_endpoint.disabled, and resumes on PATCH', async () => {
    h = await createHarness({ webhookWorker: { ...FAST, schedule: [10, 10, 10, 10], disableAfterMs: 60_000 } });
    const api = h.api(await h.key());
    const broken = await receiver(status(500));
    const watcher = await receiver();
    const wh = await endpoint(api, broken.url, ['credits.purchased']);
    await endpoint(api, watcher.url, ['webhook_endpoint.disabled']);
    await fund(api, 1000);

    await h.app.webhooks.runOnce();
    const failing = expectOk(await api.get(`/v1/webhooks/${wh.id}`)).data;
    expect(failing.status).toBe('active');
    expect(failing.failing_since).not.toBeNull();

    h.clock.advance(61_000); // failing for longer than disableAfterMs
    await h.app.webhooks.runOnce();
    const disabled = expectOk(await api.get(`/v1/webhooks/${wh.id}`)).data;
    expect(disabled.status).toBe('disabled');
    expect(disabled.disabled_reason).toContain('failed');

    const [event] = expectOk(await api.get('/v1/events?type=webhook_endpoint.disabled')).data;
    expect(event.data).toMatchObject({ id: wh.id, status: 'disabled', url: broken.url });
    expect(JSON.stringify(event.data)).not.toContain(wh.secret);
    await h.app.webhooks.runOnce();
    expect(watcher.received.map((r) => JSON.parse(r.body).type)).toEqual(['webhook_endpoint.disabled']);

    // Disabled: new events are not queued for it, and its pending retry waits.
    const before = broken.received.length;
    await fund(api, 1000);
    await h.app.webhooks.runOnce();
    expect(broken.received.length).toBe(before);
    expect(await deliveries(api, wh.id)).toHaveLength(1);

    broken.handler = status(200);
    const resumed = expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'active' })).data;
    expect(resumed).toMatchObject({ status: 'active', disabled_reason: null, failing_since: null });
    await h.app.webhooks.runOnce();
    expect((await deliveries(api, wh.id))[0]).toMatchObject({ status: 'succeeded' });
  });
});

describe('durability', () => {
  it('delivers what was pending when the gateway stopped, after a restart on the same database', async () => {
    h = await createHarness();
    const key = await h.key();
    const api = h.api(key);
    const r = await receiver();
    const wh = await endpoint(api, r.url);
    for (let i = 0; i < 3; i++) await fund(api, 1000);
    expect((await deliveries(api, wh.id)).map((d: { status: string }) => d.status)).toEqual(['pending', 'pending', 'pending']);
    expect(r.received).toEqual([]); // the worker never ran

    const harness = h;
    h = undefined;
    const next = await restart(harness, FAST);
    try {
      await waitFor('three deliveries after the restart', () => r.received.length === 3);
      const rows = await waitFor('the rows to be marked succeeded', async () => {
        const res = await next.app.inject({ method: 'GET', url: `/v1/webhooks/${wh.id}/deliveries`, headers: { authorization: `Bearer ${key}` } });
        const data = JSON.parse(res.body).data as Array<{ status: string; attempt_count: number }>;
        return data.every((d) => d.status === 'succeeded') && data;
      });
      expect(rows.map((d) => d.attempt_count)).toEqual([1, 1, 1]);
    } finally {
      await next.close();
      rmSync(harness.dir, { recursive: true, force: true });
    }
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(3);
  });
});
