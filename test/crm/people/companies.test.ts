import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../../helpers/harness.js';
import { ids, type People, peopleHarness } from './people-helpers.js';

let p: People;
afterEach(async () => p?.h.close());

describe('companies', () => {
  it('creates, reads, updates with a custom-field merge, and archives', async () => {
    p = await peopleHarness();
    const created = expectOk(
      await p.api.post('/v1/companies', { name: 'Acme Corp', domain: 'ACME.com', website: 'https://acme.com', notes: 'Big logistics account', custom_fields: { segment: 'enterprise', owner: 'sam' } }),
      201,
    ).data;
    expect(created).toEqual({
      id: expect.stringMatching(/^com_[0-9A-Z]{26}$/),
      name: 'Acme Corp',
      domain: 'acme.com',
      website: 'https://acme.com',
      notes: 'Big logistics account',
      custom_fields: { segment: 'enterprise', owner: 'sam' },
      archived_at: null,
      created_at: expect.any(String),
      updated_at: created.created_at,
    });
    expect(expectOk(await p.api.get(`/v1/companies/${created.id}`)).data).toEqual(created);

    const updated = expectOk(await p.api.patch(`/v1/companies/${created.id}`, { website: null, custom_fields: { owner: null, region: 'eu' } })).data;
    expect(updated).toMatchObject({ name: 'Acme Corp', website: null, custom_fields: { segment: 'enterprise', region: 'eu' } });

    const archived = expectOk(await p.api.delete(`/v1/companies/${created.id}`)).data;
    expect(archived.archived_at).not.toBeNull();
    expect(expectOk(await p.api.get('/v1/companies')).data).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/companies?include_archived=true')))).toEqual([created.id]);
    expect(expectOk(await p.api.get(`/v1/companies/${created.id}`)).data.archived_at).toBe(archived.archived_at);
    // An archived company can still be linked (it exists).
    expect((await p.api.post('/v1/contacts', { name: 'x', company_id: created.id })).status).toBe(201);
  });

  it('query searches name, domain, website and notes; domain and custom-field filters', async () => {
    p = await peopleHarness();
    const acme = expectOk(await p.api.post('/v1/companies', { name: 'Acme Corp', domain: 'acme.com', custom_fields: { tier: 'gold' } }), 201).data;
    const globex = expectOk(await p.api.post('/v1/companies', { name: 'Globex', website: 'https://globex.example', notes: 'Nuclear power plants' }), 201).data;
    expect(ids(expectOk(await p.api.get('/v1/companies?query=acme')))).toEqual([acme.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies?query=acme.com')))).toEqual([acme.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies?query=globex.example')))).toEqual([globex.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies?query=nucl')))).toEqual([globex.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies?domain=ACME.COM')))).toEqual([acme.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies?custom_field_key=tier&custom_field_value=gold')))).toEqual([acme.id]);
    expect(ids(expectOk(await p.api.get('/v1/companies')))).toEqual([globex.id, acme.id]);

    // The index follows updates.
    expectOk(await p.api.patch(`/v1/companies/${globex.id}`, { notes: 'Solar now' }));
    expect(expectOk(await p.api.get('/v1/companies?query=nuclear')).data).toEqual([]);
    expect(ids(expectOk(await p.api.get('/v1/companies?query=solar')))).toEqual([globex.id]);
  });

  it('validation, 404s and tenant isolation', async () => {
    p = await peopleHarness();
    expect((await p.api.post('/v1/companies', { domain: 'x.com' })).body.error.details).toContainEqual({ field: 'name', error: 'required' });
    expect((await p.api.post('/v1/companies', { name: 'x', custom_fields: { k: 1 } })).status).toBe(422);
    expect((await p.api.get('/v1/companies/com_00000000000000000000000000')).status).toBe(404);
    const c = expectOk(await p.api.post('/v1/companies', { name: 'Acme' }), 201).data;
    const other = p.h.api(await p.h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/companies/${c.id}`)).status).toBe(404);
    expect((await other.patch(`/v1/companies/${c.id}`, { name: 'Mine' })).status).toBe(404);
    expect(expectOk(await other.get('/v1/companies?query=acme')).data).toEqual([]);
    const replay1 = await p.api.post('/v1/companies', { name: 'Once' }, { 'idempotency-key': 'co' });
    const replay2 = await p.api.post('/v1/companies', { name: 'Once' }, { 'idempotency-key': 'co' });
    expect(replay2.headers['idempotent-replayed']).toBe('true');
    expect(replay2.body.data.id).toBe(replay1.body.data.id);
  });
});
