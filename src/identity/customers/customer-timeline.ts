import { Type } from '@sinclair/typebox';
import { notFound } from '../../errors.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { type TimelineEntry, decodeTimelineCursor, encodeTimelineCursor } from '../../crm/people/timeline/timeline-service.js';
import type { Scope } from '../../scope.js';
import * as repo from './customer-repository.js';

// GET /v1/identity/customers/{id}/timeline: the customer's calls and SMS, newest first: those of
// any of its contacts (matched by the CRM) and those with its phone (from before it was a customer
// too). Entries and cursors are the contact timeline's (src/crm/people/timeline/).

export const CustomerTimelineQuery = {
  type: Type.Optional(Type.Union([Type.Literal('call'), Type.Literal('sms')], { description: 'call | sms' })),
};
type Query = { limit?: number; cursor?: string; type?: 'call' | 'sms' };

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const newestFirst = (a: TimelineEntry, b: TimelineEntry) =>
  a.occurred_at === b.occurred_at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.occurred_at < b.occurred_at ? 1 : -1;

export async function customerTimeline(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string, q: Query): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeTimelineCursor(q.cursor) : undefined;
  const row = await repo.findCustomer(deps.db, scope, id);
  if (!row) throw notFound('customer');
  const contacts = await repo.linkedContacts(deps.db, scope, [id]);
  const key = { contactIds: contacts.map((c) => c.id), phone: row.phone_e164 };
  const [calls, sms] = await Promise.all([
    q.type === 'sms' ? [] : repo.recentCalls(deps.db, scope, key, limit + 1, after),
    q.type === 'call' ? [] : repo.recentSms(deps.db, scope, key, limit + 1, after),
  ]);
  const all: TimelineEntry[] = [
    ...calls.map((r) => ({
      type: 'call' as const,
      id: r.id,
      occurred_at: r.created_at,
      summary: `${r.direction === 'inbound' ? `Inbound call from ${r.from_number}` : `Outbound call to ${r.to_number}`} (${r.status}${r.duration_seconds !== null ? `, ${r.duration_seconds} s` : ''})`,
      resource: { id: r.id, direction: r.direction, from: r.from_number, to: r.to_number, number_id: r.number_id, status: r.status, duration_seconds: r.duration_seconds, end_reason: r.end_reason },
    })),
    ...sms.map((r) => ({
      type: 'sms' as const,
      id: r.id,
      occurred_at: r.created_at,
      summary: `${r.direction === 'inbound' ? `SMS from ${r.from_number}` : `SMS to ${r.to_number}`}: ${clip(r.body)}`,
      resource: { id: r.id, direction: r.direction, from: r.from_number, to: r.to_number, number_id: r.number_id, status: r.status, body: r.body },
    })),
  ].sort(newestFirst);
  if (all.length <= limit) return { items: all, nextCursor: null };
  const items = all.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, nextCursor: encodeTimelineCursor({ at: last.occurred_at, id: last.id }) };
}
