import { afterEach, describe, expect, it } from 'vitest';
import type { Mode } from '../../../src/db/schema.js';
import { newId } from '../../../src/ids.js';
import { expectOk, fund } from '../../helpers/harness.js';
import { type People, peopleHarness } from './people-helpers.js';

// Calls, SMS, tickets and tasks are inserted straight into their tables, as the telephony and
// support features would write them; activities go through the API.

let p: People;
afterEach(async () => p?.h.close());

const T = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

async function seed(contactId: string, numberId: string, opts: { workspaceId?: string; mode?: Mode } = {}) {
  const db = p.h.opened.db;
  const owner = { workspace_id: opts.workspaceId ?? p.scope.workspaceId, mode: opts.mode ?? p.scope.mode };
  const call = (at: string, direction: 'inbound' | 'outbound', status: 'completed' | 'no-answer', duration: number | null) =>
    db.insertInto('calls').values({
      id: newId('call'), ...owner, number_id: numberId, direction, from_number: '+14155550100', to_number: '+12125550199', status, carrier: 'sim',
      carrier_sid: null, agent_mode: 'managed', system_prompt_override: null, first_message_override: null, metadata: '{}', billable: 1,
      answered_at: at, ended_at: at, duration_seconds: duration, duration_source: 'gateway', minutes_charged: 1, cost_cents: 3, unbilled_cents: 0,
      turn_count: 2, end_reason: 'caller_hangup', transfer_to: null, last_activity_at: at, contact_id: contactId, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
  const sms = (at: string, body: string) =>
    db.insertInto('sms_messages').values({
      id: newId('sms'), ...owner, number_id: numberId, direction: 'inbound', from_number: '+14155550100', to_number: '+12125550199',
      counterpart: '+14155550100', body, encoding: 'GSM-7', segments: 1, status: 'received', carrier: 'sim', carrier_sid: null, error_code: null,
      error_message: null, cost_cents: 1, refunded: 0, agent_reply: 0, metadata: '{}', contact_id: contactId, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
  const ticket = (at: string, subject: string) =>
    db.insertInto('tickets').values({
      id: newId('ticket'), ...owner, subject, description: null, status: 'open', priority: 'high', source: 'phone', category: null, queue_id: null,
      assignee_id: null, contact_id: contactId, company_id: null, deal_id: null, lead_id: null, invoice_id: null, call_id: null, custom_fields: '{}',
      first_response_due_at: null, first_responded_at: null, resolved_at: null, closed_at: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
  const task = (at: string, title: string) =>
    db.insertInto('tasks').values({
      id: newId('task'), ...owner, title, description: null, status: 'open', assignee_id: null, due_at: T(59), related_resource_type: 'contact',
      related_resource_id: contactId, completed_note: null, completed_at: null, canceled_at: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
  return { call, sms, ticket, task };
}

describe('GET /v1/contacts/{id}/timeline', () => {
  it('merges calls, SMS, tickets, tasks and activities newest first, with a stable cursor', async () => {
    p = await peopleHarness();
    await fund(p.api, 1000);
    const numberId = expectOk(await p.api.post('/v1/numbers', { system_prompt: 'x' }), 201).data.id;
    const jane = expectOk(await p.api.post('/v1/contacts', { name: 'Jane', phones: ['+14155550100'] }), 201).data;
    const john = expectOk(await p.api.post('/v1/contacts', { name: 'John' }), 201).data;
    const s = await seed(jane.id, numberId);

    const c1 = await s.call(T(1), 'inbound', 'completed', 95);
    const m1 = await s.sms(T(2), 'Can you call me back about the invoice?');
    const t1 = await s.ticket(T(3), 'Invoice is wrong');
    const k1 = await s.task(T(4), 'Call Jane back');
    const a1 = expectOk(await p.api.post('/v1/activities', { type: 'call', summary: 'Call summary: invoice question', related_resource_type: 'contact', related_resource_id: jane.id, occurred_at: T(5) }), 201).data;
    const c2 = await s.call(T(6), 'outbound', 'no-answer', null);
    // Same instant for two entries: ordered by id, descending (deterministic across pages).
    const m2 = await s.sms(T(7), 'Thanks!');
    const a2 = expectOk(await p.api.post('/v1/activities', { type: 'note', summary: 'Happy customer', related_resource_type: 'contact', related_resource_id: jane.id, occurred_at: T(7) }), 201).data;
    // Not Jane's: another contact's rows, an activity on a company, another mode.
    const other = await seed(john.id, numberId);
    await other.call(T(8), 'inbound', 'completed', 10);
    await other.task(T(8), 'Not Jane');
    const acme = expectOk(await p.api.post('/v1/companies', { name: 'Acme' }), 201).data;
    expectOk(await p.api.post('/v1/activities', { type: 'note', summary: 'Company note', related_resource_type: 'company', related_resource_id: acme.id }), 201);
    const live = await seed(jane.id, numberId, { mode: 'live' });
    await live.ticket(T(9), 'Live ticket');

    const expected = [
      ['sms', m2.id], ['activity', a2.id], ['call', c2.id], ['activity', a1.id], ['task', k1.id], ['ticket', t1.id], ['sms', m1.id], ['call', c1.id],
    ];
    const all = expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline`));
    expect(all.data.map((e: { type: string; id: string }) => [e.type, e.id])).toEqual(expected);
    expect(all.next_cursor).toBeNull();

    const byId = Object.fromEntries(all.data.map((e: { id: string }) => [e.id, e]));
    expect(byId[c1.id]).toEqual({
      type: 'call', id: c1.id, occurred_at: T(1), summary: 'Inbound call from +14155550100 (completed, 95 s)',
      resource: { id: c1.id, direction: 'inbound', from: '+14155550100', to: '+12125550199', number_id: numberId, status: 'completed', duration_seconds: 95, end_reason: 'caller_hangup' },
    });
    expect(byId[c2.id].summary).toBe('Outbound call to +12125550199 (no-answer)');
    expect(byId[m1.id]).toMatchObject({ type: 'sms', summary: 'SMS from +14155550100: Can you call me back about the invoice?', resource: { direction: 'inbound', status: 'received', body: 'Can you call me back about the invoice?' } });
    expect(byId[t1.id]).toMatchObject({ type: 'ticket', occurred_at: T(3), summary: 'Ticket: Invoice is wrong (open)', resource: { subject: 'Invoice is wrong', status: 'open', priority: 'high', source: 'phone' } });
    expect(byId[k1.id]).toMatchObject({ type: 'task', summary: 'Task: Call Jane back (open)', resource: { title: 'Call Jane back', status: 'open', due_at: T(59) } });
    expect(byId[a1.id]).toMatchObject({ type: 'activity', occurred_at: T(5), summary: 'Call summary: invoice question', resource: { id: a1.id, type: 'call', body: null, metadata: {} } });

    // Pages of 3, with a new (newer) entry inserted between pages: nothing shifts.
    const seen: string[][] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.data.map((e: { type: string; id: string }) => [e.type, e.id]));
      cursor = page.next_cursor;
      if (pages++ === 0) await s.call(T(30), 'inbound', 'completed', 5);
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);

    // Type filter.
    expect(expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline?type=call`)).data.map((e: { id: string }) => e.id)).toHaveLength(3);
    expect(expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline?type=ticket`)).data.map((e: { id: string }) => e.id)).toEqual([t1.id]);
    // John's own timeline holds only his rows.
    expect(expectOk(await p.api.get(`/v1/contacts/${john.id}/timeline`)).data.map((e: { type: string }) => e.type)).toEqual(['task', 'call']) // same instant: id descending;
  });

  it('404 for an unknown or foreign contact, 400 for a foreign cursor, and an archived contact keeps its timeline', async () => {
    p = await peopleHarness();
    expect((await p.api.get('/v1/contacts/con_00000000000000000000000000/timeline')).status).toBe(404);
    const jane = expectOk(await p.api.post('/v1/contacts', { name: 'Jane' }), 201).data;
    for (let i = 0; i < 3; i++) expectOk(await p.api.post('/v1/activities', { type: 'note', summary: `n${i}`, related_resource_type: 'contact', related_resource_id: jane.id }), 201);
    const page = expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline?limit=2`));
    expect(page.data).toHaveLength(2);
    const bad = await p.api.get(`/v1/contacts/${jane.id}/timeline?cursor=${expectOk(await p.api.get('/v1/contacts?limit=1')).next_cursor ?? 'eyJ2IjoxLCJpZCI6ImEifQ'}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'cursor', error: 'invalid_cursor' });
    expectOk(await p.api.delete(`/v1/contacts/${jane.id}`));
    expect(expectOk(await p.api.get(`/v1/contacts/${jane.id}/timeline`)).data).toHaveLength(3);
    const other = p.h.api(await p.h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/contacts/${jane.id}/timeline`)).status).toBe(404);
  });
});
