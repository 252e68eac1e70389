import { afterEach, describe, expect, it } from 'vitest';
import { addTicketMessageInternal } from '../../src/support/messages/message-service.js';
import { createTicketInternal, listOpenTicketsForContact } from '../../src/support/tickets/ticket-service.js';
import { expectOk } from '../helpers/harness.js';
import { allPages, type Ctx, eventsOf, ids, insertContact, makeCall, setup } from './fixtures.js';

let ctx: Ctx;
afterEach(async () => ctx?.h.close());

const newTicket = async () => expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Invoice' }), 201).data.id as string;

describe('ticket messages', () => {
  it('adds messages and lists them newest first with filters and a cursor', async () => {
    ctx = await setup();
    const { api } = ctx;
    const t = await newTicket();
    const m1 = expectOk(await api.post(`/v1/support/tickets/${t}/messages`, { direction: 'inbound', channel: 'email', body: 'I still cannot access the invoice.' }), 201).data;
    expect(m1).toMatchObject({ ticket_id: t, direction: 'inbound', channel: 'email', body: 'I still cannot access the invoice.', author_id: null, livemode: false });
    expect(m1.id).toMatch(/^msg_[0-9A-Z]{26}$/);
    const m2 = expectOk(await api.post(`/v1/support/tickets/${t}/messages`, { direction: 'outbound', body: 'Try the new link', author_id: 'agent_1' }), 201).data;
    expect(m2).toMatchObject({ channel: 'api', author_id: 'agent_1' });
    const m3 = expectOk(await api.post(`/v1/support/tickets/${t}/messages`, { direction: 'inbound', channel: 'sms', body: 'It WORKS, thanks' }), 201).data;
    const other = await newTicket();
    expectOk(await api.post(`/v1/support/tickets/${other}/messages`, { direction: 'inbound', body: 'elsewhere' }), 201);

    const base = `/v1/support/tickets/${t}/messages`;
    expect(ids(expectOk(await api.get(base)))).toEqual([m3.id, m2.id, m1.id]);
    expect(ids(expectOk(await api.get(`${base}?direction=inbound`)))).toEqual([m3.id, m1.id]);
    expect(ids(expectOk(await api.get(`${base}?channel=sms`)))).toEqual([m3.id]);
    expect(ids(expectOk(await api.get(`${base}?query=works`)))).toEqual([m3.id]);
    expect((await allPages(api, base, 1)).map((m) => m.id)).toEqual([m3.id, m2.id, m1.id]);
    expect((await api.get(`${base}?direction=sideways`)).status).toBe(400);
  });

  it('validates, and 404s for unknown and foreign tickets', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const t = await newTicket();
    for (const body of [{ body: 'no direction' }, { direction: 'inbound' }, { direction: 'inbound', body: '' }, { direction: 'inbound', body: 'x', channel: 'fax' }, { direction: 'inbound', body: 'x', extra: true }]) {
      expect((await api.post(`/v1/support/tickets/${t}/messages`, body)).status, JSON.stringify(body)).toBe(422);
    }
    expect((await api.post('/v1/support/tickets/ticket_00000000000000000000000000/messages', { direction: 'inbound', body: 'x' })).status).toBe(404);
    expect((await api.get('/v1/support/tickets/ticket_00000000000000000000000000/messages')).status).toBe(404);
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect((await stranger.post(`/v1/support/tickets/${t}/messages`, { direction: 'inbound', body: 'x' })).status).toBe(404);
    expect((await stranger.get(`/v1/support/tickets/${t}/messages`)).status).toBe(404);
    expect(expectOk(await api.get(`/v1/support/tickets/${t}/messages`)).data).toEqual([]);
  });

  it('replays a message with the same Idempotency-Key', async () => {
    ctx = await setup();
    const { api } = ctx;
    const t = await newTicket();
    const body = { direction: 'outbound', body: 'Once only' };
    const first = await api.post(`/v1/support/tickets/${t}/messages`, body, { 'idempotency-key': 'm1' });
    const again = await api.post(`/v1/support/tickets/${t}/messages`, body, { 'idempotency-key': 'm1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect(expectOk(await api.get(`/v1/support/tickets/${t}/messages`)).data).toHaveLength(1);
  });

  it('the telephony side opens a ticket from a call and attaches the transcript in one transaction', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const contact = await insertContact(h, scope, 'Jane Doe');
    const call = await makeCall(api);
    const at = h.clock.now();
    const { ticket, message } = await h.opened.db.transaction().execute(async (trx) => {
      const ticket = await createTicketInternal(trx, scope, { subject: 'Caller reports a broken router', source: 'phone', priority: 'high', contact_id: contact, call_id: call }, at);
      const message = await addTicketMessageInternal(trx, scope, ticket.id, { direction: 'inbound', channel: 'phone', body: 'caller: my router keeps rebooting\nagent: I opened a ticket.' }, at);
      return { ticket, message };
    });
    expect(expectOk(await api.get(`/v1/support/tickets/${ticket.id}`)).data).toMatchObject({ source: 'phone', contact_id: contact, call_id: call, status: 'new' });
    expect(ids(expectOk(await api.get(`/v1/support/tickets/${ticket.id}/messages`)))).toEqual([message.id]);
    expect(ids(expectOk(await api.get(`/v1/support/tickets?contact_id=${contact}&query=rebooting`)))).toEqual([ticket.id]);
    expect((await eventsOf(api, 'ticket.created')).map((e) => e.data.id)).toEqual([ticket.id]);
    expect((await listOpenTicketsForContact(h.opened.db, scope, contact, 5, at)).map((t) => t.id)).toEqual([ticket.id]);
    expectOk(await api.patch(`/v1/support/tickets/${ticket.id}`, { status: 'resolved' }));
    expect(await listOpenTicketsForContact(h.opened.db, scope, contact, 5, at)).toEqual([]);
    // A failed step rolls the whole thing back.
    await expect(h.opened.db.transaction().execute(async (trx) => {
      await createTicketInternal(trx, scope, { subject: 'Half made', source: 'sms' }, at);
      await addTicketMessageInternal(trx, scope, 'ticket_00000000000000000000000000', { direction: 'inbound', body: 'x' }, at);
    })).rejects.toMatchObject({ code: 'not_found' });
    expect(expectOk(await api.get('/v1/support/tickets?source=sms')).data).toEqual([]);
  });
});

describe('ticket comments', () => {
  it('adds, lists, pins, edits and deletes', async () => {
    ctx = await setup();
    const { api } = ctx;
    const t = await newTicket();
    const base = `/v1/support/tickets/${t}/comments`;
    const c1 = expectOk(await api.post(base, { body: 'Finance is checking the invoice export.', pinned: true }), 201).data;
    expect(c1).toMatchObject({ ticket_id: t, body: 'Finance is checking the invoice export.', pinned: true, author_id: null });
    expect(c1.id).toMatch(/^cmt_[0-9A-Z]{26}$/);
    const c2 = expectOk(await api.post(base, { body: 'Customer called again', author_id: 'u9' }), 201).data;
    expect(c2.pinned).toBe(false);
    expect(ids(expectOk(await api.get(base)))).toEqual([c2.id, c1.id]);
    expect(ids(expectOk(await api.get(`${base}?pinned=true`)))).toEqual([c1.id]);
    expect(ids(expectOk(await api.get(`${base}?query=FINANCE`)))).toEqual([c1.id]);
    const p1 = expectOk(await api.get(`${base}?limit=1`));
    expect(ids(p1)).toEqual([c2.id]);
    expect(ids(expectOk(await api.get(`${base}?limit=1&cursor=${p1.next_cursor}`)))).toEqual([c1.id]);

    const unpinned = expectOk(await api.patch(`${base}/${c1.id}`, { pinned: false })).data;
    expect(unpinned).toMatchObject({ pinned: false, body: c1.body });
    const edited = expectOk(await api.patch(`${base}/${c2.id}`, { body: 'Customer called twice', pinned: true })).data;
    expect(edited).toMatchObject({ body: 'Customer called twice', pinned: true, author_id: 'u9' });
    expect((await api.patch(`${base}/${c2.id}`, {})).status).toBe(422);
    expect((await api.patch(`${base}/${c2.id}`, { ticket_id: 'x' })).status).toBe(422);

    expect(expectOk(await api.delete(`${base}/${c1.id}`)).data).toEqual({ id: c1.id, deleted: true });
    expect((await api.delete(`${base}/${c1.id}`)).status).toBe(404);
    expect(ids(expectOk(await api.get(base)))).toEqual([c2.id]);
  });

  it('a comment is only found under its own ticket and workspace', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const t = await newTicket();
    const other = await newTicket();
    const c = expectOk(await api.post(`/v1/support/tickets/${t}/comments`, { body: 'note' }), 201).data;
    expect((await api.patch(`/v1/support/tickets/${other}/comments/${c.id}`, { pinned: true })).status).toBe(404);
    expect((await api.delete(`/v1/support/tickets/${other}/comments/${c.id}`)).status).toBe(404);
    expect((await api.post('/v1/support/tickets/ticket_00000000000000000000000000/comments', { body: 'x' })).status).toBe(404);
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect((await stranger.get(`/v1/support/tickets/${t}/comments`)).status).toBe(404);
    expect((await stranger.patch(`/v1/support/tickets/${t}/comments/${c.id}`, { pinned: true })).status).toBe(404);
    expect((await stranger.delete(`/v1/support/tickets/${t}/comments/${c.id}`)).status).toBe(404);
    expect(expectOk(await api.get(`/v1/support/tickets/${t}/comments`)).data).toEqual([c]);
  });
});
