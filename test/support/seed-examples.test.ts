import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, insertContact, setup } from './fixtures.js';

// Table-driven over seed 003's support and task operations: each example request body, sent
// as the seed shows it, answers with (at least) the seed's example response shape. Seed ids
// like `queue_123` stand for ids made earlier in the table.

interface SeedCase {
  operation: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  status: number;
  body?: Record<string, unknown>;
  response: { data: unknown; request_id: string; next_cursor?: null };
}

const CASES: SeedCase[] = [
  {
    operation: 'createSupportQueue', method: 'POST', path: '/support/queues', status: 201,
    body: { key: 'priority', name: 'Priority Support', first_response_target_minutes: 120 },
    response: { data: { id: 'queue_123', key: 'priority' }, request_id: 'req_300' },
  },
  {
    operation: 'listSupportQueues', method: 'GET', path: '/support/queues', status: 200,
    response: { data: [{ id: 'queue_123', name: 'Priority Support' }], request_id: 'req_301', next_cursor: null },
  },
  {
    operation: 'createSupportTicket', method: 'POST', path: '/support/tickets', status: 201,
    body: { subject: 'Customer cannot download invoice', priority: 'urgent', category: 'billing' },
    response: { data: { id: 'ticket_123', subject: 'Customer cannot download invoice', status: 'new' }, request_id: 'req_302' },
  },
  {
    operation: 'listSupportTickets', method: 'GET', path: '/support/tickets', status: 200,
    response: { data: [{ id: 'ticket_123', priority: 'urgent' }], request_id: 'req_303', next_cursor: null },
  },
  {
    operation: 'updateSupportTicket', method: 'PATCH', path: '/support/tickets/ticket_123', status: 200,
    body: { status: 'open', queue_id: 'queue_123' },
    response: { data: { id: 'ticket_123', status: 'open' }, request_id: 'req_304' },
  },
  {
    operation: 'addSupportTicketMessage', method: 'POST', path: '/support/tickets/ticket_123/messages', status: 201,
    body: { direction: 'inbound', channel: 'email', body: 'I still cannot access the invoice.' },
    response: { data: { id: 'msg_123', ticket_id: 'ticket_123' }, request_id: 'req_305' },
  },
  {
    operation: 'listSupportTicketMessages', method: 'GET', path: '/support/tickets/ticket_123/messages', status: 200,
    response: { data: [{ id: 'msg_123', body: 'I still cannot access the invoice.' }], request_id: 'req_306', next_cursor: null },
  },
  {
    operation: 'addSupportTicketComment', method: 'POST', path: '/support/tickets/ticket_123/comments', status: 201,
    body: { body: 'Finance is checking the invoice export.', pinned: true },
    response: { data: { id: 'comment_123', pinned: true }, request_id: 'req_307' },
  },
  {
    operation: 'listSupportTicketComments', method: 'GET', path: '/support/tickets/ticket_123/comments', status: 200,
    response: { data: [{ id: 'comment_123', body: 'Finance is checking the invoice export.' }], request_id: 'req_308', next_cursor: null },
  },
  {
    operation: 'createTask', method: 'POST', path: '/tasks', status: 201,
    body: { title: 'Follow up with Jane Doe', related_resource_type: 'contact', related_resource_id: 'con_123' },
    response: { data: { id: 'task_123', title: 'Follow up with Jane Doe', status: 'open' }, request_id: 'req_129' },
  },
  {
    operation: 'listTasks', method: 'GET', path: '/tasks', status: 200,
    response: { data: [{ id: 'task_123', title: 'Follow up with Jane Doe', status: 'open' }], request_id: 'req_130', next_cursor: null },
  },
  {
    operation: 'updateTask', method: 'PATCH', path: '/tasks/task_123', status: 200,
    body: { status: 'completed', completed_note: 'Jane confirmed the next call.' },
    response: { data: { id: 'task_123', status: 'completed', completed_note: 'Jane confirmed the next call.' }, request_id: 'req_131' },
  },
];

/** The seed's placeholder prefix -> our id prefix (comments are `cmt_` per the conventions). */
const PREFIX: Record<string, string> = { queue: 'queue', ticket: 'ticket', msg: 'msg', comment: 'cmt', task: 'task', con: 'con' };
const PLACEHOLDER = /\b(queue|ticket|msg|comment|task|con)_123\b/g;

let ctx: Ctx;
const made: Record<string, string> = {};
const real = (text: string) => text.replace(PLACEHOLDER, (m) => made[m] ?? m);

/** The seed response as a matcher: placeholders become the ids made so far (or any id of that prefix). */
function shape(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^(queue|ticket|msg|comment|task|con|req)_\d+$/.exec(value);
    if (!m) return value;
    if (made[value]) return made[value];
    return expect.stringMatching(new RegExp(`^${m[1] === 'req' ? 'req' : PREFIX[m[1]!]}_[0-9A-Z]{26}$`));
  }
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value;
}

beforeAll(async () => {
  ctx = await setup();
  made.con_123 = await insertContact(ctx.h, ctx.scope, 'Jane Doe');
});
afterAll(async () => ctx.h.close());

describe('seed 003 examples: support and tasks', () => {
  it.each(CASES.map((c) => [c.operation, c] as const))('%s', async (_name, c) => {
    const url = `/v1${real(c.path)}`;
    const body = c.body ? JSON.parse(real(JSON.stringify(c.body))) : undefined;
    const res = c.method === 'GET' ? await ctx.api.get(url) : c.method === 'POST' ? await ctx.api.post(url, body) : await ctx.api.patch(url, body);
    expect(res.status, res.text).toBe(c.status);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(c.response).sort());
    expect(res.body).toMatchObject(shape(c.response) as object);
    expect(res.body.request_id).toBe(res.headers['x-request-id']);
    const seedId = (Array.isArray(c.response.data) ? (c.response.data[0] as { id: string }) : (c.response.data as { id: string })).id;
    const got = Array.isArray(res.body.data) ? res.body.data[0].id : res.body.data.id;
    made[seedId] ??= got;
  });
});
