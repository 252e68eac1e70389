import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/harness.js';
import { type Ctx, ids, setup } from './fixtures.js';

let ctx: Ctx;
afterEach(async () => ctx?.h.close());

describe('support queues', () => {
  it('creates with defaults, gets, patches (custom_fields merge) and archives', async () => {
    ctx = await setup();
    const { api } = ctx;
    const q = expectOk(await api.post('/v1/support/queues', { key: 'priority', name: 'Priority Support', first_response_target_minutes: 120, custom_fields: { tier: 'gold', region: 'eu' } }), 201).data;
    expect(q).toMatchObject({ key: 'priority', name: 'Priority Support', status: 'active', livemode: false, first_response_target_minutes: 120, custom_fields: { tier: 'gold', region: 'eu' } });
    expect(q.id).toMatch(/^queue_[0-9A-Z]{26}$/);
    expect(expectOk(await api.get(`/v1/support/queues/${q.id}`)).data).toEqual(q);

    const patched = expectOk(await api.patch(`/v1/support/queues/${q.id}`, { name: 'VIP', status: 'paused', first_response_target_minutes: null, custom_fields: { region: null, sla: '1h' } })).data;
    expect(patched).toMatchObject({ name: 'VIP', status: 'paused', first_response_target_minutes: null, custom_fields: { tier: 'gold', sla: '1h' } });

    const archived = expectOk(await api.delete(`/v1/support/queues/${q.id}`)).data;
    expect(archived.status).toBe('archived');
    expect(expectOk(await api.delete(`/v1/support/queues/${q.id}`)).data.status).toBe('archived');
    // An archived queue takes no new tickets.
    const refused = await api.post('/v1/support/tickets', { subject: 'x', queue_id: q.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'queue_id', error: 'queue_archived' });
  });

  it('validates the key and keeps it unique per workspace and mode (409 conflict)', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    for (const key of ['Priority', 'has space', '', 'x'.repeat(41), 'ümlaut']) {
      const res = await api.post('/v1/support/queues', { key, name: 'n' });
      expect(res.status, key).toBe(422);
      expect(res.body.error.details[0].field).toBe('key');
    }
    expect((await api.post('/v1/support/queues', { key: 'billing', name: 'n', first_response_target_minutes: 0 })).status).toBe(422);
    expect((await api.post('/v1/support/queues', { key: 'billing', name: 'n', first_response_target_minutes: 1.5 })).status).toBe(422);
    expect((await api.post('/v1/support/queues', { key: 'billing', name: 'n', extra: 1 })).status).toBe(422);
    expect((await api.post('/v1/support/queues', { name: 'n' })).status).toBe(422);

    const first = expectOk(await api.post('/v1/support/queues', { key: 'billing', name: 'Billing' }), 201).data;
    const dup = await api.post('/v1/support/queues', { key: 'billing', name: 'Other' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'key', error: 'already_exists' }] });
    const other = expectOk(await api.post('/v1/support/queues', { key: 'other', name: 'Other' }), 201).data;
    expect((await api.patch(`/v1/support/queues/${other.id}`, { key: 'billing' })).status).toBe(409);
    expect(expectOk(await api.patch(`/v1/support/queues/${first.id}`, { key: 'billing' })).data.key).toBe('billing');
    // Another workspace and the live mode have their own keys.
    expect((await h.api(await h.key({ workspace: 'elsewhere' })).post('/v1/support/queues', { key: 'billing', name: 'B' })).status).toBe(201);
    expect((await h.api(await h.key({ workspace: 'support', mode: 'live' })).post('/v1/support/queues', { key: 'billing', name: 'B' })).status).toBe(201);
  });

  it('lists newest first with query, status and custom-field filters', async () => {
    ctx = await setup();
    const { api } = ctx;
    const mk = async (key: string, name: string, extra: Record<string, unknown> = {}) => expectOk(await api.post('/v1/support/queues', { key, name, ...extra }), 201).data.id as string;
    const a = await mk('billing', 'Billing Questions', { custom_fields: { team: 'finance' } });
    const b = await mk('vip', 'Priority Support', { status: 'paused' });
    const c = await mk('tech_support', 'Technical 100%', { custom_fields: { team: 'eng' } });
    expect(ids(expectOk(await api.get('/v1/support/queues')))).toEqual([c, b, a]);
    expect(ids(expectOk(await api.get('/v1/support/queues?query=PRIORITY')))).toEqual([b]);
    expect(ids(expectOk(await api.get('/v1/support/queues?query=bill')))).toEqual([a]);
    expect(ids(expectOk(await api.get('/v1/support/queues?query=100%25')))).toEqual([c]);
    expect(ids(expectOk(await api.get('/v1/support/queues?query=_')))).toEqual([c]); // `_` is literal
    expect(ids(expectOk(await api.get('/v1/support/queues?status=paused')))).toEqual([b]);
    expect(ids(expectOk(await api.get('/v1/support/queues?custom_field_key=team&custom_field_value=eng')))).toEqual([c]);
    expect((await api.get('/v1/support/queues?custom_field_key=team')).status).toBe(400);
    expect((await api.get('/v1/support/queues?status=gone')).status).toBe(400);
    const p1 = expectOk(await api.get('/v1/support/queues?limit=2'));
    expect(ids(p1)).toEqual([c, b]);
    expect(ids(expectOk(await api.get(`/v1/support/queues?limit=2&cursor=${p1.next_cursor}`)))).toEqual([a]);
  });

  it('is invisible to another workspace and mode', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const q = expectOk(await api.post('/v1/support/queues', { key: 'mine', name: 'Mine' }), 201).data;
    for (const key of [await h.key({ workspace: 'stranger' }), await h.key({ workspace: 'support', mode: 'live' })]) {
      const other = h.api(key);
      expect((await other.get(`/v1/support/queues/${q.id}`)).status).toBe(404);
      expect((await other.patch(`/v1/support/queues/${q.id}`, { name: 'x' })).status).toBe(404);
      expect((await other.delete(`/v1/support/queues/${q.id}`)).status).toBe(404);
      expect(expectOk(await other.get('/v1/support/queues')).data).toEqual([]);
      const t = await other.post('/v1/support/tickets', { subject: 'x', queue_id: q.id });
      expect(t.status).toBe(404);
      expect(t.body.error.details[0]).toMatchObject({ field: 'queue_id', error: 'not_found' });
    }
  });
});
