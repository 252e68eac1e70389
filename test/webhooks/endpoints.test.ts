import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, type Harness } from '../helpers/harness.js';

// The /v1/webhooks resource: registration rules, the secret shown once, SSRF refusals,
// pause/resume, rotation and deletion. Delivery itself is in delivery.test.ts.

let h: Harness;
afterEach(async () => h?.close());

const PREVIEW = /^whsec_[A-Za-z0-9+/=]{4}\.\.\.[A-Za-z0-9+/=]{4}$/;

describe('registering endpoints', () => {
  it('shows the secret once, then only a preview', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const created = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['call.ended', 'number.released'], name: 'prod' }), 201).data;
    expect(created).toMatchObject({ url: 'https://hooks.example.com/a', event_types: ['call.ended', 'number.released'], name: 'prod', status: 'active', livemode: false });
    expect(created.id).toMatch(/^wh_[0-9A-Z]{26}$/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.secret_preview).toMatch(PREVIEW);
    expect(created.secret_preview).toBe(`whsec_${created.secret.slice(6, 10)}...${created.secret.slice(-4)}`);

    const got = expectOk(await api.get(`/v1/webhooks/${created.id}`)).data;
    expect(got.secret).toBeUndefined();
    expect(got.secret_preview).toBe(created.secret_preview);
    const list = expectOk(await api.get('/v1/webhooks'));
    expect(list.data).toHaveLength(1);
    expect(JSON.stringify(list.data)).not.toContain(created.secret);
    expect(JSON.stringify(expectOk(await api.get('/v1/events')).data)).not.toContain(created.secret);
  });

  it('validates event types and the body', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const unknown = await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['call.exploded'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'event_types.0', error: 'invalid_value', received: 'call.exploded' });
    for (const body of [{ url: 'https://hooks.example.com/a', event_types: [] }, { url: 'https://hooks.example.com/a' }, { event_types: ['*'] }, { url: 'https://hooks.example.com/a', event_types: ['*'], secret: 'x' }]) {
      const res = await api.post('/v1/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('validation_error');
    }
    const bad = await api.post('/v1/webhooks', { url: 'ftp://hooks.example.com/a', event_types: ['*'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'url', error: 'invalid_url' });
    // `*` with other types is the same as `*`.
    const all = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['*', 'call.ended'] }), 201).data;
    expect(all.event_types).toEqual(['*']);
  });

  it('pages newest first', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(expectOk(await api.post('/v1/webhooks', { url: `https://hooks.example.com/${i}`, event_types: ['*'] }), 201).data.id);
    const p1 = expectOk(await api.get('/v1/webhooks?limit=2'));
    expect(p1.data.map((w: { id: string }) => w.id)).toEqual([ids[2], ids[1]]);
    const p2 = expectOk(await api.get(`/v1/webhooks?limit=2&cursor=${p1.next_cursor}`));
    expect(p2.data.map((w: { id: string }) => w.id)).toEqual([ids[0]]);
    expect(p2.next_cursor).toBeNull();
  });
});

describe('customer URLs are untrusted (registration)', () => {
  const dns: Record<string, string[]> = {
    'hooks.example.com': ['93.184.216.34'],
    'sneaky.example.com': ['127.0.0.1'],
    'mixed.example.com': ['93.184.216.34', '10.1.2.3'],
    'metadata.example.com': ['169.254.169.254'],
  };
  const resolve = async (host: string) => {
    const found = dns[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };

  it('refuses private, loopback, link-local and metadata targets with 422 on `url`', async () => {
    h = await createHarness({ env: { AGENTLINE_ALLOW_PRIVATE_URLS: 'false' }, resolve });
    const api = h.api(await h.key());
    const refused: Array<[string, string]> = [
      ['http://sneaky.example.com/hook', 'private_address'],
      ['http://mixed.example.com/hook', 'private_address'],
      ['http://metadata.example.com/hook', 'private_address'],
      ['http://169.254.169.254/latest/meta-data/', 'private_address'],
      ['http://[::1]:8080/hook', 'private_address'],
      ['http://[::ffff:127.0.0.1]/hook', 'private_address'],
      ['http://127.0.0.1:3000/hook', 'private_address'],
      ['http://10.0.0.8/hook', 'private_address'],
      ['http://100.64.0.1/hook', 'private_address'],
      ['http://localhost:3000/hook', 'private_address'],
      ['http://nowhere.example.com/hook', 'unresolvable_host'],
      ['https://user:pw@hooks.example.com/hook', 'invalid_url'],
    ];
    for (const [url, error] of refused) {
      const res = await api.post('/v1/webhooks', { url, event_types: ['*'] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.details[0], url).toMatchObject({ field: 'url', error, received: url });
    }
    expect(expectOk(await api.get('/v1/webhooks')).data).toEqual([]);

    const ok = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/hook', event_types: ['*'] }), 201).data;
    const patched = await api.patch(`/v1/webhooks/${ok.id}`, { url: 'http://169.254.169.254/' });
    expect(patched.status).toBe(422);
    expect(patched.body.error.details[0]).toMatchObject({ field: 'url', error: 'private_address' });
    expect(expectOk(await api.get(`/v1/webhooks/${ok.id}`)).data.url).toBe('https://hooks.example.com/hook');
  });
});

describe('changing endpoints', () => {
  it('pauses and resumes, renames, changes types; cannot set disabled by hand', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const wh = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['*'] }), 201).data;
    const paused = expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'paused', name: 'staging', event_types: ['call.ended'] })).data;
    expect(paused).toMatchObject({ status: 'paused', name: 'staging', event_types: ['call.ended'] });
    expect(paused.secret).toBeUndefined();
    expect((await api.post(`/v1/webhooks/${wh.id}/test`)).status).toBe(409);
    expect(expectOk(await api.patch(`/v1/webhooks/${wh.id}`, { status: 'active', name: null })).data).toMatchObject({ status: 'active', name: null });
    expect((await api.patch(`/v1/webhooks/${wh.id}`, { status: 'disabled' })).status).toBe(422);
    expect((await api.patch(`/v1/webhooks/${wh.id}`, {})).status).toBe(422);
  });

  it('rotates the secret: shown once, the previous one kept for 24 h', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const wh = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['*'] }), 201).data;
    const rotated = expectOk(await api.post(`/v1/webhooks/${wh.id}/rotate-secret`)).data;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(wh.secret);
    expect(Date.parse(rotated.previous_secret_expires_at) - h.clock.now().getTime()).toBeGreaterThan(23.9 * 3600_000);
    const got = expectOk(await api.get(`/v1/webhooks/${wh.id}`)).data;
    expect(got.secret).toBeUndefined();
    expect(got.secret_preview).toBe(rotated.secret_preview);
  });

  it('deletes an endpoint with its deliveries; other workspaces see 404', async () => {
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'a' }));
    const other = h.api(await h.key({ workspace: 'b' }));
    const wh = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['*'] }), 201).data;
    const delivery = expectOk(await api.post(`/v1/webhooks/${wh.id}/test`), 201).data;
    expect(delivery).toMatchObject({ webhook_id: wh.id, event_type: 'webhook.test', status: 'pending', attempt_count: 0, attempts: [] });
    expect((await other.delete(`/v1/webhooks/${wh.id}`)).status).toBe(404);
    expect((await other.get(`/v1/webhooks/${wh.id}/deliveries`)).status).toBe(404);
    expect((await other.post(`/v1/webhooks/${wh.id}/deliveries/${delivery.id}/retry`)).status).toBe(404);
    expect(expectOk(await api.delete(`/v1/webhooks/${wh.id}`)).data).toEqual({ id: wh.id, deleted: true });
    expect((await api.get(`/v1/webhooks/${wh.id}`)).status).toBe(404);
    expect((await api.delete(`/v1/webhooks/${wh.id}`)).status).toBe(404);
  });
});
