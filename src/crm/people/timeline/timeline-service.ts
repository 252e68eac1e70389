import { ApiError, notFound } from '../../../errors.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { findContact } from '../contacts/contact-repository.js';
import * as repo from './timeline-repository.js';
import type { TimelineType } from './timeline-schemas.js';

export interface TimelineEntry {
  type: TimelineType;
  id: string;
  occurred_at: string;
  summary: string;
  resource: Record<string, unknown>;
}

// The cursor is the (occurred_at, id) of the last entry of the page, wrapped so it stays opaque.
export function encodeTimelineCursor(c: repo.TimelineCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, t: 'timeline', at: c.at, id: c.id }), 'utf8').toString('base64url');
}

export function decodeTimelineCursor(cursor: string): repo.TimelineCursor {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (p.v === 1 && p.t === 'timeline' && typeof p.at === 'string' && typeof p.id === 'string' && p.id.length < 100 && p.at.length < 40) {
      return { at: p.at, id: p.id };
    }
  } catch {
    // fall through
  }
  throw new ApiError('bad_request', 'cursor is not a cursor this API returned.', [{ field: 'cursor', error: 'invalid_cursor', received: cursor }]);
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

async function fetchSource(deps: Pick<CrmDeps, 'db'>, type: TimelineType, q: repo.SourceQuery): Promise<TimelineEntry[]> {
  switch (type) {
    case 'call':
      return (await repo.timelineCalls(deps.db, q)).map((r) => ({
        type,
        id: r.id,
        occurred_at: r.created_at,
        summary: `${r.direction === 'inbound' ? `Inbound call from ${r.from_number}` : `Outbound call to ${r.to_number}`} (${r.status}${r.duration_seconds !== null ? `, ${r.duration_seconds} s` : ''})`,
        resource: { id: r.id, direction: r.direction, from: r.from_number, to: r.to_number, number_id: r.number_id, status: r.status, duration_seconds: r.duration_seconds, end_reason: r.end_reason },
      }));
    case 'sms':
      return (await repo.timelineSms(deps.db, q)).map((r) => ({
        type,
        id: r.id,
        occurred_at: r.created_at,
        summary: `${r.direction === 'inbound' ? `SMS from ${r.from_number}` : `SMS to ${r.to_number}`}: ${clip(r.body)}`,
        resource: { id: r.id, direction: r.direction, from: r.from_number, to: r.to_number, number_id: r.number_id, status: r.status, body: r.body },
      }));
    case 'ticket':
      return (await repo.timelineTickets(deps.db, q)).map((r) => ({
        type,
        id: r.id,
        occurred_at: r.created_at,
        summary: `Ticket: ${r.subject} (${r.status})`,
        resource: { id: r.id, subject: r.subject, status: r.status, priority: r.priority, source: r.source },
      }));
    case 'task':
      return (await repo.timelineTasks(deps.db, q)).map((r) => ({
        type,
        id: r.id,
        occurred_at: r.created_at,
        summary: `Task: ${r.title} (${r.status})`,
        resource: { id: r.id, title: r.title, status: r.status, due_at: r.due_at },
      }));
    case 'activity':
      return (await repo.timelineActivities(deps.db, q)).map((r) => ({
        type,
        id: r.id,
        occurred_at: r.occurred_at,
        summary: r.summary,
        resource: { id: r.id, type: r.type, body: r.body, metadata: JSON.parse(r.metadata) as Record<string, string> },
      }));
  }
}

const newestFirst = (a: TimelineEntry, b: TimelineEntry) =>
  a.occurred_at === b.occurred_at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.occurred_at < b.occurred_at ? 1 : -1;

/**
 * Calls, SMS and tickets of the contact, tasks and activities related to it, newest first.
 * Each source is read already cut at the cursor and limited to one page; the merge keeps the
 * newest `limit`. The contact may be archived; another workspace's is a 404.
 */
export async function contactTimeline(
  deps: Pick<CrmDeps, 'db'>,
  scope: Scope,
  contactId: string,
  q: { limit?: number; cursor?: string; type?: TimelineType },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeTimelineCursor(q.cursor) : undefined;
  if (!(await findContact(deps.db, scope, contactId))) throw notFound('contact');
  const types: TimelineType[] = q.type ? [q.type] : ['call', 'sms', 'ticket', 'task', 'activity'];
  const source: repo.SourceQuery = { scope, contactId, after, limit: limit + 1 };
  const all = (await Promise.all(types.map((t) => fetchSource(deps, t, source)))).flat().sort(newestFirst);
  if (all.length <= limit) return { items: all, nextCursor: null };
  const items = all.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, nextCursor: encodeTimelineCursor({ at: last.occurred_at, id: last.id }) };
}
