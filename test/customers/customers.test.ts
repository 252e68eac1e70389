import { afterEach, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// /v1/identity/customers (seed 001): customer records whose contacts are CRM contacts.

let h: Harness;
let api: Api;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'acme' }));
}

const SEED_BODY = (guid: string) => ({
  contacts: [{ email: 'jane@acme.com', displayName: 'Jane Doe' }, { guid }],
  company: 'Acme Corp',
  phone: '+1-555-0100',
  tags: ['lead'],
  notes: 'Met at conference',
  metadata: { lead_source: 'conference' },
});

const eventsOf = async (type: string) => expectOk(await api.get(`/v1/events?type=${type}`)).data as { data: Record<string, unknown> }[];

describe('creating customers', () => {
  it('takes the seed example body: contacts by email (created in the CRM) and by existing guid', async () => {
    await setup();
    const existing = expectOk(await api.post('/v1/contacts', { name: 'John Roe', email: 'john@acme.com' }), 201).data;
    const res = await api.post('/v1/identity/customers', SEED_BODY(existing.id));
    const customer = expectOk(res, 201).data;
    expect(customer).toMatchObject({
      id: expect.stringMatching(/^cus_[0-9A-Z]{26}$/),
      identity_id: expect.stringMatching(/^ws_/),
      company: 'Acme Corp',
      phone: '+1-555-0100', // not a phone number (too short): kept as given, matched on nothing
      phone_e164: null,
      tags: ['lead'],
      notes: 'Met at conference',
      metadata: { lead_source: 'conference' },
    });
    expect(customer).not.toHaveProperty('recent_calls'); // only GET of one customer carries them
    expect(customer.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(customer.contacts).toHaveLength(2);
    const [jane, john] = customer.contacts;
    expect(jane).toMatchObject({ guid: expect.stringMatching(/^con_/), email: 'jane@acme.com', display_name: 'Jane Doe', is_primary: true, timeline_url: `/v1/contacts/${jane.guid}/timeline` });
    expect(john).toEqual({ guid: existing.id, email: 'john@acme.com', display_name: 'John Roe', is_primary: false, phones: [], timeline_url: `/v1/contacts/${existing.id}/timeline` });

    // Jane is now a CRM contact like any other.
    const crm = expectOk(await api.get('/v1/contacts?email=jane@acme.com')).data;
    expect(crm.map((c: { id: string }) => c.id)).toEqual([jane.guid]);
    expect((await eventsOf('customer.created')).map((e) => e.data.id)).toEqual([customer.id]);
  });

  it('links the existing CRM contact whose email matches (any of its emails, any case) instead of a second one', async () => {
    await setup();
    const jane = expectOk(await api.post('/v1/contacts', { name: 'Jane Doe', emails: ['jane@home.example', 'Jane@Acme.com'], phones: ['+14155550100'] }), 201).data;
    const customer = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }], phone: '(415) 555-0199' }), 201).data;
    expect(customer.contacts.map((c: { guid: string }) => c.guid)).toEqual([jane.id]);
    expect(expectOk(await api.get('/v1/contacts')).data).toHaveLength(1);
    // A readable phone is stored in E.164 and added to the primary contact, for caller matching.
    expect(customer).toMatchObject({ phone: '+14155550199', phone_e164: '+14155550199' });
    expect(expectOk(await api.get(`/v1/contacts/${jane.id}`)).data.phones).toEqual(['+14155550100', '+14155550199']);
    expect(expectOk(await api.get('/v1/contacts?phone=4155550199')).data.map((c: { id: string }) => c.id)).toEqual([jane.id]);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    await setup();
    const other = h.api(await h.key({ workspace: 'other' }));
    const foreign = expectOk(await other.post('/v1/contacts', { name: 'Not yours' }), 201).data;
    const cases: [unknown, number, string, string?][] = [
      [{ contacts: [] }, 422, 'validation_error', 'contacts'],
      [{ company: 'No contacts' }, 422, 'validation_error', 'contacts'],
      [{ contacts: [{ email: 'a@b.example', guid: foreign.id }] }, 422, 'validation_error', 'contacts[0]'],
      [{ contacts: [{ display_name: 'Nobody' }] }, 422, 'validation_error', 'contacts[0]'],
      [{ contacts: [{ email: 'new@acme.com' }, { guid: foreign.id }] }, 404, 'not_found', 'contacts[1].guid'],
      [{ contacts: [{ email: 'not-an-email' }] }, 422, 'validation_error'],
      [{ contacts: [{ email: 'a@b.example' }], metadata: { blob: 'x'.repeat(20_000) } }, 422, 'validation_error', 'metadata'],
      [{ contacts: [{ email: 'a@b.example' }], tags: [''] }, 422, 'validation_error'],
      [{ contacts: [{ email: 'a@b.example' }], extra: 1 }, 422, 'validation_error', 'extra'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await api.post('/v1/identity/customers', body);
      expect(res.status, res.text).toBe(status);
      expect(res.body.error.code, res.text).toBe(code);
      if (field) expect(res.body.error.details.map((d: { field: string }) => d.field), res.text).toContain(field);
    }
    expect(expectOk(await api.get('/v1/identity/customers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/contacts')).data).toEqual([]); // new@acme.com was rolled back
  });

  it('a contact belongs to one customer: 409 contact_taken', async () => {
    await setup();
    const first = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }] }), 201).data;
    const res = await api.post('/v1/identity/customers', { contacts: [{ guid: first.contacts[0].guid }] });
    expect(res.status, res.text).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ field: 'contacts[0]', error: 'contact_taken', customer_id: first.id });
    const byEmail = await api.post('/v1/identity/customers', { contacts: [{ email: 'JANE@acme.com' }] });
    expect(byEmail.status).toBe(409);
    expect(expectOk(await api.get('/v1/identity/customers')).data).toHaveLength(1);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    await setup();
    const body = { contacts: [{ email: 'jane@acme.com' }], company: 'Acme' };
    const a = expectOk(await api.post('/v1/identity/customers', body, { 'idempotency-key': 'c1' }), 201).data;
    const again = await api.post('/v1/identity/customers', body, { 'idempotency-key': 'c1' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data.id).toBe(a.id);
    expect(expectOk(await api.get('/v1/identity/customers')).data).toHaveLength(1);
  });
});

describe('reading customers', () => {
  it('lists newest first with the seed\'s filters (tag, email, query/q), count, cursor and offset pages', async () => {
    await setup();
    const a = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'ann@alpha.example' }], company: 'Alpha Ltd', tags: ['vip', 'lead'] }), 201).data;
    const b = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'bob@beta.example' }, { email: 'bob@home.example' }], company: 'Beta 100% Inc', notes: 'Met at the VIP dinner', tags: ['lead'] }), 201).data;
    const c = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'cy@gamma.example' }], tags: [' vip ', 'vip'] }), 201).data;
    expect(c.tags).toEqual(['vip']);
    const ids = async (qs: string) => {
      const body = expectOk(await api.get(`/v1/identity/customers${qs}`));
      expect(body.count).toBe(body.data.length);
      return body.data.map((x: { id: string }) => x.id);
    };
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?tag=vip')).toEqual([c.id, a.id]);
    expect(await ids('?tag=lead')).toEqual([b.id, a.id]);
    expect(await ids('?tag=nope')).toEqual([]);
    expect(await ids('?email=BOB@home.example')).toEqual([b.id]);
    expect(await ids('?email=nobody@x.example')).toEqual([]);
    expect(await ids('?query=alpha')).toEqual([a.id]);
    expect(await ids('?q=vip')).toEqual([b.id]); // notes
    expect(await ids('?q=100%25')).toEqual([b.id]); // % is literal
    expect(await ids('?q=10_%25')).toEqual([]);
    expect(await ids('?limit=2&offset=1')).toEqual([b.id, a.id]);
    const page1 = expectOk(await api.get('/v1/identity/customers?limit=2'));
    expect(page1.data.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    const page2 = expectOk(await api.get(`/v1/identity/customers?limit=2&cursor=${page1.next_cursor}`));
    expect(page2).toMatchObject({ next_cursor: null, count: 1 });
    expect(page2.data[0].contacts.map((x: { email: string }) => x.email)).toEqual(['ann@alpha.example']);
    expect(page1.data[1].contacts.map((x: { email: string; is_primary: boolean }) => [x.email, x.is_primary])).toEqual([['bob@beta.example', true], ['bob@home.example', false]]);

    // Another workspace and the other mode see none of it.
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect(expectOk(await stranger.get('/v1/identity/customers')).data).toEqual([]);
    expect((await stranger.get(`/v1/identity/customers/${a.id}`)).status).toBe(404);
    const live = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
    expect(expectOk(await live.get('/v1/identity/customers?tag=vip')).data).toEqual([]);
    expect((await live.get(`/v1/identity/customers/by-contact/${a.contacts[0].guid}`)).status).toBe(404);
  });

  it('finds the customer of a contact guid; 404 for a contact without one', async () => {
    await setup();
    const customer = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }, { email: 'jane@home.example' }] }), 201).data;
    const found = expectOk(await api.get(`/v1/identity/customers/by-contact/${customer.contacts[1].guid}`)).data;
    expect(found).toMatchObject({ id: customer.id, recent_calls: [], recent_sms: [] });
    const loner = expectOk(await api.post('/v1/contacts', { name: 'Loner' }), 201).data;
    const res = await api.get(`/v1/identity/customers/by-contact/${loner.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('changing customers', () => {
  it('PATCH: company, phone and notes (null clears), tags replace, metadata merges', async () => {
    await setup();
    const c = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }], company: 'Acme', notes: 'n', tags: ['lead'], metadata: { a: 1, b: { deep: true } } }), 201).data;
    const res = await api.patch(`/v1/identity/customers/${c.id}`, { company: 'Acme Corp', notes: null, tags: ['customer', 'vip'], metadata: { a: null, c: 'x' }, phone: '+1 415 555 0123' });
    const updated = expectOk(res).data;
    expect(updated).toMatchObject({ company: 'Acme Corp', notes: null, tags: ['customer', 'vip'], metadata: { b: { deep: true }, c: 'x' }, phone: '+14155550123' });
    expect(updated.metadata).not.toHaveProperty('a');
    expect(updated.updated_at >= c.updated_at).toBe(true);
    expect(expectOk(await api.get('/v1/identity/customers?tag=lead')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/identity/customers?tag=vip')).data).toHaveLength(1);
    expect(expectOk(await api.get(`/v1/contacts/${c.contacts[0].guid}`)).data.phones).toEqual(['+14155550123']);
    expect((await api.patch(`/v1/identity/customers/${c.id}`, {})).status).toBe(422);
    expect((await api.patch('/v1/identity/customers/cus_00000000000000000000000000', { company: 'x' })).status).toBe(404);
    const [event] = await eventsOf('customer.updated');
    expect(event!.data).toMatchObject({ id: c.id, changed_fields: expect.arrayContaining(['company', 'tags', 'metadata']) });
  });

  it('adds and removes contacts; never the last one; removing the primary promotes the next', async () => {
    await setup();
    const c = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }] }), 201).data;
    const jane = c.contacts[0].guid;
    const added = await api.post(`/v1/identity/customers/${c.id}/contacts`, { email: 'work@acme.com' });
    expect(added.status, added.text).toBe(201);
    expect(added.body.data.contacts.map((x: { email: string }) => x.email)).toEqual(['jane@acme.com', 'work@acme.com']);
    const again = await api.post(`/v1/identity/customers/${c.id}/contacts`, { email: 'work@acme.com' });
    expect(again.status).toBe(200); // already there: nothing changes
    expect(again.body.data.contacts).toHaveLength(2);
    const existing = expectOk(await api.post('/v1/contacts', { name: 'Old Friend' }), 201).data;
    expectOk(await api.post(`/v1/identity/customers/${c.id}/contacts`, { guid: existing.id }), 201);

    const other = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'x@other.example' }] }), 201).data;
    const taken = await api.post(`/v1/identity/customers/${other.id}/contacts`, { guid: jane });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0]).toMatchObject({ error: 'contact_taken', customer_id: c.id });
    expect((await api.post(`/v1/identity/customers/${c.id}/contacts`, {})).status).toBe(422);

    const removed = expectOk(await api.delete(`/v1/identity/customers/${c.id}/contacts/${jane}`)).data;
    expect(removed.contacts.map((x: { email: string | null; is_primary: boolean }) => [x.email, x.is_primary])).toEqual([['work@acme.com', true], [null, false]]);
    expect((await api.get(`/v1/contacts/${jane}`)).status).toBe(200); // still in the CRM
    expect((await api.get(`/v1/identity/customers/by-contact/${jane}`)).status).toBe(404);
    expect((await api.delete(`/v1/identity/customers/${c.id}/contacts/${jane}`)).status).toBe(404);
    expectOk(await api.delete(`/v1/identity/customers/${c.id}/contacts/${existing.id}`));

    const last = await api.delete(`/v1/identity/customers/${c.id}/contacts/${removed.contacts[0].guid}`);
    expect(last.status, last.text).toBe(409);
    expect(last.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'guid', error: 'last_contact' }] });
    expect(last.body.error.message).toContain('delete the customer instead');
    expect(expectOk(await api.get(`/v1/identity/customers/${c.id}`)).data.contacts).toHaveLength(1);
  });

  it('two concurrent removals leave at least one contact', async () => {
    await setup();
    const c = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }] }), 201).data;
    const results = await Promise.all(c.contacts.map((x: { guid: string }) => api.delete(`/v1/identity/customers/${c.id}/contacts/${x.guid}`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(expectOk(await api.get(`/v1/identity/customers/${c.id}`)).data.contacts).toHaveLength(1);
  });

  it('DELETE removes the customer, not its CRM contacts', async () => {
    await setup();
    const c = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }] }), 201).data;
    expect(expectOk(await api.delete(`/v1/identity/customers/${c.id}`)).data).toEqual({ id: c.id, deleted: true });
    expect((await api.get(`/v1/identity/customers/${c.id}`)).status).toBe(404);
    expect((await api.delete(`/v1/identity/customers/${c.id}`)).status).toBe(404);
    expect((await api.get(`/v1/contacts/${c.contacts[0].guid}`)).status).toBe(200);
    // The contact is free again.
    expectOk(await api.post('/v1/identity/customers', { contacts: [{ guid: c.contacts[0].guid }] }), 201);
    expect((await eventsOf('customer.deleted')).map((e) => e.data.id)).toEqual([c.id]);
  });
});
