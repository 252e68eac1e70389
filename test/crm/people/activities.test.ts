import { afterEach, describe, expect, it } from 'vitest';
import { logActivity } from '../../../src/crm/people/activities/activity-service.js';
import { expectOk } from '../../helpers/harness.js';
import { ids, type People, peopleHarness } from './people-helpers.js';

let p: People;
afterEach(async () => p?.h.close());

describe('activities', () => {
  it('logs an activity with every field and reads it back; occurred_at defaults to now', async () => {
    p = await peopleHarness();
    const contact = expectOk(await p.api.post('/v1/contacts', { name: 'Jane' }), 201).data;
    const body = {
      type: 'meeting',
      summary: 'Quarterly review',
      body: 'Discussed the renewal and pricing tiers',
      related_resource_type: 'contact',
      related_resource_id: contact.id,
      occurred_at: '2025-06-01T10:00:00Z',
      metadata: { room: 'B2' },
    };
    const act = expectOk(await p.api.post('/v1/activities', body), 201).data;
    expect(act).toEqual({ ...body, id: expect.stringMatching(/^act_[0-9A-Z]{26}$/), occurred_at: '2025-06-01T10:00:00.000Z', created_at: expect.any(String) });
    expect(expectOk(await p.api.get(`/v1/activities/${act.id}`)).data).toEqual(act);

    const note = expectOk(await p.api.post('/v1/activities', { type: 'note', summary: 'Just a note' }), 201).data;
    expect(note).toMatchObject({ body: null, related_resource_type: null, related_resource_id: null, metadata: {} });
    expect(note.occurred_at).toBe(note.created_at);
  });

  it('the related resource must exist in this workspace (404), and both fields go together (422)', async () => {
    p = await peopleHarness();
    const missing = await p.api.post('/v1/activities', { type: 'note', summary: 'x', related_resource_type: 'contact', related_resource_id: 'con_00000000000000000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: [{ field: 'related_resource_id', error: 'not_found' }] });
    const other = p.h.api(await p.h.key({ workspace: 'other' }));
    const foreign = expectOk(await other.post('/v1/companies', { name: 'Theirs' }), 201).data;
    expect((await p.api.post('/v1/activities', { type: 'note', summary: 'x', related_resource_type: 'company', related_resource_id: foreign.id })).status).toBe(404);
    const half = await p.api.post('/v1/activities', { type: 'note', summary: 'x', related_resource_type: 'contact' });
    expect(half.status).toBe(422);
    expect(half.body.error.details[0]).toMatchObject({ field: 'related_resource_id', error: 'required' });
    expect((await p.api.post('/v1/activities', { type: 'fax', summary: 'x' })).status).toBe(422);
    expect((await p.api.post('/v1/activities', { type: 'note', summary: 'x', related_resource_type: 'planet', related_resource_id: 'p' })).status).toBe(422);
    expect((await p.api.post('/v1/activities', { type: 'note' })).body.error.details).toContainEqual({ field: 'summary', error: 'required' });
    expect(expectOk(await p.api.get('/v1/activities')).data).toEqual([]);
  });

  it('is append-only: no PATCH or DELETE', async () => {
    p = await peopleHarness();
    const act = expectOk(await p.api.post('/v1/activities', { type: 'note', summary: 'x' }), 201).data;
    expect((await p.api.patch(`/v1/activities/${act.id}`, { summary: 'y' })).status).toBe(404);
    expect((await p.api.delete(`/v1/activities/${act.id}`)).status).toBe(404);
    expect(expectOk(await p.api.get(`/v1/activities/${act.id}`)).data.summary).toBe('x');
  });

  it('filters by query, type and related resource; newest first with a cursor', async () => {
    p = await peopleHarness();
    const jane = expectOk(await p.api.post('/v1/contacts', { name: 'Jane' }), 201).data;
    const acme = expectOk(await p.api.post('/v1/companies', { name: 'Acme' }), 201).data;
    const a1 = expectOk(await p.api.post('/v1/activities', { type: 'email', summary: 'Jane asked for pricing details', related_resource_type: 'contact', related_resource_id: jane.id }), 201).data;
    const a2 = expectOk(await p.api.post('/v1/activities', { type: 'call', summary: 'Callback', body: 'Talked about pricing again', related_resource_type: 'contact', related_resource_id: jane.id }), 201).data;
    const a3 = expectOk(await p.api.post('/v1/activities', { type: 'note', summary: 'Account plan', related_resource_type: 'company', related_resource_id: acme.id }), 201).data;
    expect(ids(expectOk(await p.api.get('/v1/activities')))).toEqual([a3.id, a2.id, a1.id]);
    expect(ids(expectOk(await p.api.get('/v1/activities?query=pricing')))).toEqual([a2.id, a1.id]);
    expect(ids(expectOk(await p.api.get('/v1/activities?query=pricing&type=email')))).toEqual([a1.id]);
    expect(ids(expectOk(await p.api.get('/v1/activities?type=note')))).toEqual([a3.id]);
    expect(ids(expectOk(await p.api.get(`/v1/activities?related_resource_type=contact&related_resource_id=${jane.id}`)))).toEqual([a2.id, a1.id]);
    expect(ids(expectOk(await p.api.get('/v1/activities?related_resource_type=company')))).toEqual([a3.id]);
    expect((await p.api.get('/v1/activities?type=fax')).status).toBe(400);
    const page1 = expectOk(await p.api.get('/v1/activities?limit=2'));
    expect(ids(page1)).toEqual([a3.id, a2.id]);
    const page2 = expectOk(await p.api.get(`/v1/activities?limit=2&cursor=${page1.next_cursor}`));
    expect(ids(page2)).toEqual([a1.id]);
    expect(page2.next_cursor).toBeNull();
  });

  it('activity scopes, idempotency and isolation', async () => {
    p = await peopleHarness();
    const crmOnly = p.h.api(await p.h.key({ workspace: 'acme', scopes: ['crm:write'] }));
    expect((await crmOnly.post('/v1/activities', { type: 'note', summary: 'x' })).body.error).toMatchObject({ code: 'forbidden', details: [{ required: 'activity:write' }] });
    const writer = p.h.api(await p.h.key({ workspace: 'acme', scopes: ['activity:write'] }));
    const first = await writer.post('/v1/activities', { type: 'note', summary: 'once' }, { 'idempotency-key': 'a' });
    const again = await writer.post('/v1/activities', { type: 'note', summary: 'once' }, { 'idempotency-key': 'a' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(expectOk(await writer.get('/v1/activities')).data).toHaveLength(1);
    const other = p.h.api(await p.h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/activities/${first.body.data.id}`)).status).toBe(404);
    expect(expectOk(await other.get('/v1/activities?query=once')).data).toEqual([]);
  });

  it('logActivity appends inside a caller transaction (rolled back with it) or on its own', async () => {
    p = await peopleHarness();
    const contact = expectOk(await p.api.post('/v1/contacts', { name: 'Jane' }), 201).data;
    const at = new Date('2026-02-01T12:00:00.000Z');
    const dto = await logActivity(p.deps.db, p.scope, { type: 'agent_action', summary: 'lookup_contact', related_resource_type: 'contact', related_resource_id: contact.id, metadata: { tool: 'lookup_contact' } }, at);
    expect(dto).toMatchObject({ type: 'agent_action', occurred_at: at.toISOString(), created_at: at.toISOString(), metadata: { tool: 'lookup_contact' } });
    await expect(
      p.deps.db.transaction().execute(async (trx) => {
        await logActivity(trx, p.scope, { type: 'call', summary: 'Rolled back call summary' }, at);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(ids(expectOk(await p.api.get('/v1/activities')))).toEqual([dto.id]);
    expect(expectOk(await p.api.get('/v1/activities?query=rolled')).data).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/activities?query=lookup_contact')))).toEqual([dto.id]);
    await expect(logActivity(p.deps.db, p.scope, { type: 'note', summary: 'x', related_resource_type: 'call', related_resource_id: 'call_nope' }, at)).rejects.toMatchObject({ code: 'not_found' });
  });
});
