import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { Scope } from '../../../scope.js';

// One query per source, each already ordered and cut by the (occurred_at, id) cursor; the
// service merges them. Every query filters workspace_id and mode.

export interface TimelineCursor {
  at: string;
  id: string;
}

export interface SourceQuery {
  scope: Scope;
  contactId: string;
  after?: TimelineCursor;
  limit: number;
}

/** `(ts, id) < (cursor.at, cursor.id)`, newest first. */
const before = (column: 'created_at' | 'occurred_at', after?: TimelineCursor) =>
  after
    ? sql<boolean>`(${sql.ref(column)} < ${after.at} OR (${sql.ref(column)} = ${after.at} AND id < ${after.id}))`
    : sql<boolean>`1 = 1`;

export async function timelineCalls(db: Executor, q: SourceQuery) {
  return db
    .selectFrom('calls')
    .select(['id', 'created_at', 'direction', 'from_number', 'to_number', 'number_id', 'status', 'duration_seconds', 'end_reason'])
    .where('workspace_id', '=', q.scope.workspaceId)
    .where('mode', '=', q.scope.mode)
    .where('contact_id', '=', q.contactId)
    .where(before('created_at', q.after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
}

export async function timelineSms(db: Executor, q: SourceQuery) {
  return db
    .selectFrom('sms_messages')
    .select(['id', 'created_at', 'direction', 'from_number', 'to_number', 'number_id', 'status', 'body'])
    .where('workspace_id', '=', q.scope.workspaceId)
    .where('mode', '=', q.scope.mode)
    .where('contact_id', '=', q.contactId)
    .where(before('created_at', q.after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
}

export async function timelineTickets(db: Executor, q: SourceQuery) {
  return db
    .selectFrom('tickets')
    .select(['id', 'created_at', 'subject', 'status', 'priority', 'source'])
    .where('workspace_id', '=', q.scope.workspaceId)
    .where('mode', '=', q.scope.mode)
    .where('contact_id', '=', q.contactId)
    .where(before('created_at', q.after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
}

export async function timelineTasks(db: Executor, q: SourceQuery) {
  return db
    .selectFrom('tasks')
    .select(['id', 'created_at', 'title', 'status', 'due_at'])
    .where('workspace_id', '=', q.scope.workspaceId)
    .where('mode', '=', q.scope.mode)
    .where('related_resource_type', '=', 'contact')
    .where('related_resource_id', '=', q.contactId)
    .where(before('created_at', q.after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
}

export async function timelineActivities(db: Executor, q: SourceQuery) {
  return db
    .selectFrom('activities')
    .select(['id', 'occurred_at', 'type', 'summary', 'body', 'metadata'])
    .where('workspace_id', '=', q.scope.workspaceId)
    .where('mode', '=', q.scope.mode)
    .where('related_resource_type', '=', 'contact')
    .where('related_resource_id', '=', q.contactId)
    .where(before('occurred_at', q.after))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
}
