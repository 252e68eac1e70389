import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../../helpers/harness.js';
import { ids, type People, peopleHarness } from './people-helpers.js';

let p: People;
afterEach(async () => p?.h.close());

describe('contacts', () => {
  it('creates with every field, normalizes phones, keeps email first in emails, and reads it back', async () => {
    p = await peopleHarness();
    const body = {
      name: 'Jane Doe',
      email: 'jane@acme.com',
      emails: ['j.doe@gmail.com', 'JANE@acme.com'],
      phones: ['(415) 555-0100', '+1 212 555 0199', '4155550100'],
      company_name: 'Acme Corp',
      title: 'CTO',
      notes: 'Met at the conference',
      custom_fields: { tier: 'gold' },
    };
    const created = expectOk(await p.api.post('/v1/contacts', body), 201).data;
    expect(created).toEqual({
      id: expect.stringMatching(/^con_[0-9A-Z]{26}$/),
      name: 'Jane Doe',
      email: 'jane@acme.com',
      emails: ['jane@acme.com', 'j.doe@gmail.com'],
      phones: ['+14155550100', '+12125550199'],
      phone_details: [
        { number: '+14155550100', extension: null },
        { number: '+12125550199', extension: null },
      ],
      company_id: null,
      company_name: 'Acme Corp',
      title: 'CTO',
      notes: 'Met at the conference',
      custom_fields: { tier: 'gold' },
      archived_at: null,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: created.created_at,
    });
    expect(expectOk(await p.api.get(`/v1/contacts/${created.id}`)).data).toEqual(created);
    const rows = await p.h.opened.db.selectFrom('contact_phones').selectAll().where('contact_id', '=', created.id).orderBy('phone').execute();
    expect(rows.map((r) => r.phone)).toEqual(['+12125550199', '+14155550100']);
  });

  it('email defaults to the first of emails', async () => {
    p = await peopleHarness();
    const c = expectOk(await p.api.post('/v1/contacts', { name: 'A', emails: ['a@x.com', 'b@x.com'] }), 201).data;
    expect(c).toMatchObject({ email: 'a@x.com', emails: ['a@x.com', 'b@x.com'] });
  });

  it('422 on phones[i] for an unparseable phone, and nothing is written', async () => {
    p = await peopleHarness();
    const res = await p.api.post('/v1/contacts', { name: 'Bad', phones: ['+14155550100', 'call me maybe'] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'phones[1]', error: 'invalid_phone', reason: 'not_a_number', received: 'call me maybe' }] });
    expect(expectOk(await p.api.get('/v1/contacts')).data).toEqual([]);
    const patch = await p.api.patch(`/v1/contacts/${expectOk(await p.api.post('/v1/contacts', { name: 'Ok' }), 201).data.id}`, { phones: ['12'] });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details[0]).toMatchObject({ field: 'phones[0]' });
  });

  it('validates the body: name required, unknown fields and bad emails refused', async () => {
    p = await peopleHarness();
    expect((await p.api.post('/v1/contacts', { email: 'a@b.com' })).body.error.details).toContainEqual({ field: 'name', error: 'required' });
    expect((await p.api.post('/v1/contacts', { name: 'x', nickname: 'y' })).body.error.details).toContainEqual({ field: 'nickname', error: 'unknown_field' });
    expect((await p.api.post('/v1/contacts', { name: 'x', email: 'not-an-email' })).status).toBe(422);
    expect((await p.api.patch('/v1/contacts/con_x', {})).status).toBe(422);
  });

  it('company_id must exist (404 naming the field) and fills company_name; a rename follows', async () => {
    p = await peopleHarness();
    const missing = await p.api.post('/v1/contacts', { name: 'Jane', company_id: 'com_00000000000000000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: [{ field: 'company_id', error: 'not_found' }] });

    const company = expectOk(await p.api.post('/v1/companies', { name: 'Acme Corp' }), 201).data;
    const c = expectOk(await p.api.post('/v1/contacts', { name: 'Jane', company_id: company.id, company_name: 'ignored' }), 201).data;
    expect(c).toMatchObject({ company_id: company.id, company_name: 'Acme Corp' });

    expectOk(await p.api.patch(`/v1/companies/${company.id}`, { name: 'Acme Industries' }));
    expect(expectOk(await p.api.get(`/v1/contacts/${c.id}`)).data.company_name).toBe('Acme Industries');
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=industries')))).toEqual([c.id]);
    expect(expectOk(await p.api.get('/v1/contacts?query=corp')).data).toEqual([]);

    // Unlink, then free text.
    const unlinked = expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { company_id: null, company_name: 'Freelance' })).data;
    expect(unlinked).toMatchObject({ company_id: null, company_name: 'Freelance' });

    const other = await p.h.key({ workspace: 'other' });
    const foreign = expectOk(await p.h.api(other).post('/v1/companies', { name: 'Theirs' }), 201).data;
    const res = await p.api.patch(`/v1/contacts/${c.id}`, { company_id: foreign.id });
    expect(res.status).toBe(404);
    expect(res.body.error.details[0]).toMatchObject({ field: 'company_id' });
  });

  it('PATCH changes only what is sent; lists replace; custom_fields merge', async () => {
    p = await peopleHarness();
    const c = expectOk(
      await p.api.post('/v1/contacts', { name: 'Jane', email: 'a@x.com', emails: ['b@x.com'], phones: ['+14155550100'], title: 'CTO', custom_fields: { tier: 'gold', region: 'west' } }),
      201,
    ).data;
    p.h.clock.advance(1000);
    const updated = expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { phones: ['212-555-0199'], custom_fields: { tier: null, region: '', source: 'fair' } })).data;
    expect(updated).toMatchObject({ name: 'Jane', title: 'CTO', phones: ['+12125550199'], custom_fields: { source: 'fair' }, email: 'a@x.com' });
    expect(updated.updated_at > c.updated_at).toBe(true);
    expect(expectOk(await p.api.get('/v1/contacts?phone=4155550100')).data).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?phone=%2B12125550199')))).toEqual([c.id]);

    // email sets the primary; email: null drops it and the next one is primary.
    expect(expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { email: 'c@x.com' })).data).toMatchObject({ email: 'c@x.com', emails: ['c@x.com', 'a@x.com', 'b@x.com'] });
    expect(expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { email: null })).data).toMatchObject({ email: 'a@x.com', emails: ['a@x.com', 'b@x.com'] });
    expect(expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { emails: ['b@x.com', 'd@x.com'] })).data).toMatchObject({ email: 'b@x.com', emails: ['b@x.com', 'd@x.com'] });
    expect(expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { emails: null, title: '' })).data).toMatchObject({ email: null, emails: [], title: null });
    expect(expectOk(await p.api.patch(`/v1/contacts/${c.id}`, { phones: null })).data.phones).toEqual([]);
    expect(await p.h.opened.db.selectFrom('contact_phones').selectAll().where('contact_id', '=', c.id).execute()).toEqual([]);
  });

  it('filters: company_id, phone in any form, email, custom field, query', async () => {
    p = await peopleHarness();
    const acme = expectOk(await p.api.post('/v1/companies', { name: 'Acme Corp' }), 201).data;
    const jane = expectOk(await p.api.post('/v1/contacts', { name: 'Jane Doe', email: 'jane@acme.com', company_id: acme.id, phones: ['+1 415 555 0100'], custom_fields: { tier: 'gold' } }), 201).data;
    const john = expectOk(await p.api.post('/v1/contacts', { name: 'John Roe', emails: ['john@roe.io', 'JR@work.com'], phones: ['+44 20 7946 0958'], notes: 'Prefers pricing by email' }), 201).data;

    expect(ids(expectOk(await p.api.get(`/v1/contacts?company_id=${acme.id}`)))).toEqual([jane.id]);
    for (const phone of ['+14155550100', '(415) 555-0100', '415.555.0100', '14155550100', '001 415 555 0100']) {
      expect(ids(expectOk(await p.api.get(`/v1/contacts?phone=${encodeURIComponent(phone)}`))), phone).toEqual([jane.id]);
    }
    expect(ids(expectOk(await p.api.get(`/v1/contacts?phone=${encodeURIComponent('+442079460958')}`)))).toEqual([john.id]);
    const bad = await p.api.get('/v1/contacts?phone=abc');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'phone', error: 'invalid_phone' });
    expect(ids(expectOk(await p.api.get('/v1/contacts?email=jr%40WORK.com')))).toEqual([john.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?custom_field_key=tier&custom_field_value=gold')))).toEqual([jane.id]);
    expect((await p.api.get('/v1/contacts?custom_field_key=tier')).status).toBe(400);
    // FTS over name, emails, company name, notes: every word as a prefix.
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=acme')))).toEqual([jane.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=jane%40acme.com')))).toEqual([jane.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=pric')))).toEqual([john.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=roe.io')))).toEqual([john.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=jo%20email')))).toEqual([john.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=jane%20roe')))).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?query=%22%29%28*')))).toEqual([]);
    expect(ids(expectOk(await p.api.get(`/v1/contacts?query=doe&company_id=${acme.id}`)))).toEqual([jane.id]);
  });

  it('DELETE archives: hidden from lists unless include_archived, still readable by id', async () => {
    p = await peopleHarness();
    const c = expectOk(await p.api.post('/v1/contacts', { name: 'Jane', phones: ['+14155550100'] }), 201).data;
    const archived = expectOk(await p.api.delete(`/v1/contacts/${c.id}`)).data;
    expect(archived.archived_at).toMatch(/Z$/);
    expect(expectOk(await p.api.delete(`/v1/contacts/${c.id}`)).data.archived_at).toBe(archived.archived_at);
    expect(expectOk(await p.api.get(`/v1/contacts/${c.id}`)).data).toMatchObject({ id: c.id, archived_at: archived.archived_at });
    expect(expectOk(await p.api.get('/v1/contacts')).data).toEqual([]);
    expect(expectOk(await p.api.get('/v1/contacts?phone=4155550100')).data).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?include_archived=true')))).toEqual([c.id]);
    expect(ids(expectOk(await p.api.get('/v1/contacts?include_archived=true&query=jane')))).toEqual([c.id]);
    expect((await p.api.delete('/v1/contacts/con_00000000000000000000000000')).status).toBe(404);
  });

  it('emits contact.created in the same transaction, once, and replays with Idempotency-Key', async () => {
    p = await peopleHarness();
    const body = { name: 'Jane Doe', email: 'jane@acme.com', company_name: 'Acme Corp' };
    const first = await p.api.post('/v1/contacts', body, { 'idempotency-key': 'c1' });
    const again = await p.api.post('/v1/contacts', body, { 'idempotency-key': 'c1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect(expectOk(await p.api.get('/v1/contacts')).data).toHaveLength(1);
    const conflict = await p.api.post('/v1/contacts', { ...body, name: 'Other' }, { 'idempotency-key': 'c1' });
    expect(conflict.status).toBe(409);

    const events = expectOk(await p.api.get('/v1/events?type=contact.created')).data;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'contact.created', livemode: false, data: { id: first.body.data.id, name: 'Jane Doe', email: 'jane@acme.com' } });

    const patched = await p.api.patch(`/v1/contacts/${first.body.data.id}`, { title: 'CEO' }, { 'idempotency-key': 'p1' });
    const replay = await p.api.patch(`/v1/contacts/${first.body.data.id}`, { title: 'CEO' }, { 'idempotency-key': 'p1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data).toEqual(patched.body.data);
  });

  it('another workspace or mode sees a 404 and an empty list', async () => {
    p = await peopleHarness();
    const c = expectOk(await p.api.post('/v1/contacts', { name: 'Jane', phones: ['+14155550100'] }), 201).data;
    for (const key of [await p.h.key({ workspace: 'other' }), await p.h.key({ workspace: 'acme', mode: 'live' })]) {
      const api = p.h.api(key);
      expect((await api.get(`/v1/contacts/${c.id}`)).status).toBe(404);
      expect((await api.patch(`/v1/contacts/${c.id}`, { name: 'x' })).status).toBe(404);
      expect((await api.delete(`/v1/contacts/${c.id}`)).status).toBe(404);
      expect((await api.get(`/v1/contacts/${c.id}/timeline`)).status).toBe(404);
      expect(expectOk(await api.get('/v1/contacts?phone=4155550100')).data).toEqual([]);
      expect(expectOk(await api.get('/v1/contacts?query=jane')).data).toEqual([]);
    }
  });

  it('scopes: crm:read reads, crm:write writes, other scopes are refused', async () => {
    p = await peopleHarness();
    const read = p.h.api(await p.h.key({ workspace: 'acme', scopes: ['crm:read'] }));
    expect((await read.get('/v1/contacts')).status).toBe(200);
    expect((await read.post('/v1/contacts', { name: 'x' })).status).toBe(403);
    const write = p.h.api(await p.h.key({ workspace: 'acme', scopes: ['crm:write'] }));
    expect((await write.post('/v1/contacts', { name: 'x' })).status).toBe(201);
    const tasks = p.h.api(await p.h.key({ workspace: 'acme', scopes: ['tasks:read'] }));
    expect((await tasks.get('/v1/contacts')).body.error).toMatchObject({ code: 'forbidden', details: [{ required: 'crm:read' }] });
    expect(expectOk(await tasks.get('/v1/workspace')).data.enabled_modules).toContain('crm');
  });
});
