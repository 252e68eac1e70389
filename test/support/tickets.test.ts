import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/harness.js';
import { type Ctx, eventsOf, ids, insertCompany, insertContact, insertDeal, insertInvoice, insertLead, makeCall, setup } from './fixtures.js';

let ctx: Ctx;
afterEach(async () => ctx?.h.close());

describe('tickets', () => {
  it('creates with defaults, links every resource, and emits ticket.created', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const t = expectOk(await api.post('/v1/support/tickets', { subject: 'Customer cannot download invoice' }), 201).data;
    expect(t).toMatchObject({
      subject: 'Customer cannot download invoice', description: null, status: 'new', priority: 'normal', source: 'api', category: null,
      queue_id: null, assignee_id: null, contact_id: null, call_id: null, custom_fields: {}, livemode: false,
      first_response_due_at: null, first_responded_at: null, first_response_breached: false, resolved_at: null, closed_at: null,
    });
    expect(t.id).toMatch(/^ticket_[0-9A-Z]{26}$/);
    expect(t.created_at).toBe(t.updated_at);

    const links = {
      contact_id: await insertContact(h, scope), company_id: await insertCompany(h, scope), deal_id: await insertDeal(h, scope),
      lead_id: await insertLead(h, scope), invoice_id: await insertInvoice(h, scope), call_id: await makeCall(api),
      queue_id: expectOk(await api.post('/v1/support/queues', { key: 'q', name: 'Q' }), 201).data.id,
    };
    const full = expectOk(await api.post('/v1/support/tickets', {
      subject: 'Phone issue', description: 'Line drops', priority: 'high', source: 'phone', category: 'voice', assignee_id: 'agent_7',
      custom_fields: { plan: 'pro' }, ...links,
    }), 201).data;
    expect(full).toMatchObject({ ...links, priority: 'high', source: 'phone', category: 'voice', assignee_id: 'agent_7', custom_fields: { plan: 'pro' } });
    expect(expectOk(await api.get(`/v1/support/tickets/${full.id}`)).data).toEqual(full);

    const created = await eventsOf(api, 'ticket.created');
    expect(created.map((e) => e.data.id)).toEqual([full.id, t.id]);
    expect(created[0]!.data).toMatchObject(links);
  });

  it('404 naming the field for every link that does not exist here', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const stranger = await h.keyWithId({ workspace: 'stranger' });
    const foreignContact = await insertContact(h, { workspaceId: stranger.workspaceId, mode: 'test' });
    const liveContact = await insertContact(h, { ...ctx.scope, mode: 'live' });
    const cases: [string, string][] = [
      ['contact_id', 'con_00000000000000000000000000'], ['contact_id', foreignContact], ['contact_id', liveContact],
      ['company_id', 'com_00000000000000000000000000'], ['deal_id', 'deal_00000000000000000000000000'],
      ['lead_id', 'lead_00000000000000000000000000'], ['invoice_id', 'inv_00000000000000000000000000'],
      ['call_id', 'call_00000000000000000000000000'], ['queue_id', 'queue_123'],
    ];
    const t = expectOk(await api.post('/v1/support/tickets', { subject: 'ok' }), 201).data;
    for (const [field, value] of cases) {
      for (const res of [await api.post('/v1/support/tickets', { subject: 'x', [field]: value }), await api.patch(`/v1/support/tickets/${t.id}`, { [field]: value })]) {
        if (field === 'call_id' && res.status === 422) continue; // call_id is set at creation only
        expect(res.status, `${field}=${value}`).toBe(404);
        expect(res.body.error).toMatchObject({ code: 'not_found', details: [{ field, error: 'not_found', received: value }] });
      }
    }
    expect(expectOk(await api.get('/v1/support/tickets')).data).toHaveLength(1);
  });

  it('validates bodies', async () => {
    ctx = await setup();
    const { api } = ctx;
    const bad: [unknown, string][] = [
      [{}, 'subject'], [{ subject: '' }, 'subject'], [{ subject: 'x', status: 'done' }, 'status'], [{ subject: 'x', priority: 'p1' }, 'priority'],
      [{ subject: 'x', source: 'fax' }, 'source'], [{ subject: 'x', unknown: 1 }, 'unknown'], [{ subject: 'x', custom_fields: { k: 1 } }, 'custom_fields.k'],
    ];
    for (const [body, field] of bad) {
      const res = await api.post('/v1/support/tickets', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const t = expectOk(await api.post('/v1/support/tickets', { subject: 'x' }), 201).data;
    expect((await api.patch(`/v1/support/tickets/${t.id}`, {})).status).toBe(422);
    expect((await api.patch(`/v1/support/tickets/${t.id}`, { subject: null })).status).toBe(422);
    expect((await api.patch(`/v1/support/tickets/${t.id}`, { source: 'sms' })).status).toBe(422);
  });

  it('patches: status stamps, null clears, custom_fields merge, ticket.updated with changed fields', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const contact = await insertContact(h, scope);
    const t = expectOk(await api.post('/v1/support/tickets', { subject: 'Refund', category: 'billing', contact_id: contact, custom_fields: { a: '1', b: '2' } }), 201).data;

    const open = expectOk(await api.patch(`/v1/support/tickets/${t.id}`, { status: 'open', priority: 'urgent', assignee_id: 'u1', category: null, custom_fields: { a: null, c: '3' } })).data;
    expect(open).toMatchObject({ status: 'open', priority: 'urgent', assignee_id: 'u1', category: null, contact_id: contact, custom_fields: { b: '2', c: '3' } });
    const [updated] = await eventsOf(api, 'ticket.updated');
    expect(updated!.data.changed_fields.sort()).toEqual(['assignee_id', 'category', 'custom_fields', 'priority', 'status']);
    expect(updated!.data.previous_attributes).toEqual({ status: 'new', priority: 'normal', assignee_id: null, category: 'billing', custom_fields: { a: '1', b: '2' } });
    expect(updated!.data.id).toBe(t.id);

    const resolved = expectOk(await api.patch(`/v1/support/tickets/${t.id}`, { status: 'resolved' })).data;
    expect(resolved.resolved_at).not.toBeNull();
    expect(resolved.closed_at).toBeNull();
    const closed = expectOk(await api.patch(`/v1/support/tickets/${t.id}`, { status: 'closed' })).data;
    expect(closed).toMatchObject({ status: 'closed', resolved_at: resolved.resolved_at });
    expect(closed.closed_at).not.toBeNull();
    const reopened = expectOk(await api.patch(`/v1/support/tickets/${t.id}`, { status: 'pending', contact_id: null })).data;
    expect(reopened).toMatchObject({ status: 'pending', resolved_at: null, closed_at: null, contact_id: null });

    // A PATCH that changes nothing writes no event.
    const before = (await eventsOf(api, 'ticket.updated')).length;
    expectOk(await api.patch(`/v1/support/tickets/${t.id}`, { status: 'pending' }));
    expect(await eventsOf(api, 'ticket.updated')).toHaveLength(before);
  });

  it('DELETE closes (idempotently) and keeps the ticket', async () => {
    ctx = await setup();
    const { api } = ctx;
    const t = expectOk(await api.post('/v1/support/tickets', { subject: 'Bye' }), 201).data;
    const closed = expectOk(await api.delete(`/v1/support/tickets/${t.id}`)).data;
    expect(closed).toMatchObject({ id: t.id, status: 'closed' });
    expect(closed.closed_at).toBe(closed.updated_at);
    const again = expectOk(await api.delete(`/v1/support/tickets/${t.id}`)).data;
    expect(again.closed_at).toBe(closed.closed_at);
    expect(expectOk(await api.get(`/v1/support/tickets/${t.id}`)).data.status).toBe('closed');
    const events = await eventsOf(api, 'ticket.updated');
    expect(events).toHaveLength(1);
    expect(events[0]!.data.changed_fields.sort()).toEqual(['closed_at', 'status']);
    expect((await api.delete('/v1/support/tickets/ticket_00000000000000000000000000')).status).toBe(404);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    ctx = await setup();
    const { api } = ctx;
    const first = await api.post('/v1/support/tickets', { subject: 'Once' }, { 'idempotency-key': 't-1' });
    const again = await api.post('/v1/support/tickets', { subject: 'Once' }, { 'idempotency-key': 't-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect(expectOk(await api.get('/v1/support/tickets')).data).toHaveLength(1);
    expect(await eventsOf(api, 'ticket.created')).toHaveLength(1);
  });

  it('every list filter', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const [con1, con2] = [await insertContact(h, scope), await insertContact(h, scope)];
    const [com1, com2] = [await insertCompany(h, scope), await insertCompany(h, scope)];
    const [deal1, lead1, inv1] = [await insertDeal(h, scope), await insertLead(h, scope), await insertInvoice(h, scope)];
    const call1 = await makeCall(api);
    const q1 = expectOk(await api.post('/v1/support/queues', { key: 'q1', name: 'Q1' }), 201).data.id;
    const q2 = expectOk(await api.post('/v1/support/queues', { key: 'q2', name: 'Q2' }), 201).data.id;
    const mk = async (body: Record<string, unknown>) => expectOk(await api.post('/v1/support/tickets', { subject: 'T', ...body }), 201).data.id as string;
    const a = await mk({ status: 'open', priority: 'low', source: 'email', category: 'billing', queue_id: q1, assignee_id: 'u1', contact_id: con1, company_id: com1, deal_id: deal1, custom_fields: { plan: 'pro' } });
    const b = await mk({ status: 'pending', priority: 'urgent', source: 'phone', category: 'voice', queue_id: q2, assignee_id: 'u2', contact_id: con2, company_id: com2, lead_id: lead1, call_id: call1 });
    const c = await mk({ source: 'sms', invoice_id: inv1, custom_fields: { plan: 'free' } });
    const list = async (q: string) => ids(expectOk(await api.get(`/v1/support/tickets?${q}`)));
    expect(await list('')).toEqual([c, b, a]);
    const cases: [string, string[]][] = [
      ['status=open', [a]], ['status=new', [c]], ['status=closed', []],
      ['priority=urgent', [b]], ['priority=normal', [c]],
      ['source=email', [a]], ['source=phone', [b]], ['source=sms', [c]],
      ['category=billing', [a]], [`queue_id=${q1}`, [a]], [`queue_id=${q2}`, [b]],
      ['assignee_id=u2', [b]], [`contact_id=${con1}`, [a]], [`company_id=${com2}`, [b]],
      [`deal_id=${deal1}`, [a]], [`lead_id=${lead1}`, [b]], [`invoice_id=${inv1}`, [c]], [`call_id=${call1}`, [b]],
      ['custom_field_key=plan&custom_field_value=pro', [a]], ['custom_field_key=plan&custom_field_value=free', [c]],
      ['breached=false', [c, b, a]], ['breached=true', []],
      [`status=open&contact_id=${con2}`, []], [`source=phone&queue_id=${q2}&priority=urgent`, [b]],
    ];
    for (const [q, expected] of cases) expect(await list(q), q).toEqual(expected);
    for (const q of ['status=bogus', 'priority=p0', 'source=fax', 'breached=maybe', 'custom_field_value=x']) {
      expect((await api.get(`/v1/support/tickets?${q}`)).status, q).toBe(400);
    }
  });
});
