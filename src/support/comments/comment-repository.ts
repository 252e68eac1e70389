import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TicketCommentsTable } from '../../db/schema-crm.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { likePattern } from '../support-schemas.js';
import { likeOperator } from '../../db/dialect.js';

export interface CommentFilter {
  query?: string;
  pinned?: boolean;
}

export async function insertComment(db: Executor, row: TicketCommentsTable): Promise<void> {
  await db.insertInto('ticket_comments').values(row).execute();
}

export async function findComment(db: Executor, scope: Scope, ticketId: string, id: string): Promise<TicketCommentsTable | undefined> {
  return db
    .selectFrom('ticket_comments')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('ticket_id', '=', ticketId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listComments(db: Executor, scope: Scope, ticketId: string, page: PageRequest, filter: CommentFilter): Promise<TicketCommentsTable[]> {
  let q = db
    .selectFrom('ticket_comments')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('ticket_id', '=', ticketId);
  if (filter.query !== undefined && filter.query.trim() !== '') q = q.where(sql<boolean>`body ${likeOperator(db)} ${likePattern(filter.query.trim())} ESCAPE '\\'`);
  if (filter.pinned !== undefined) q = q.where('pinned', '=', filter.pinned ? 1 : 0);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateComment(db: Executor, scope: Scope, id: string, changes: Partial<Pick<TicketCommentsTable, 'body' | 'pinned' | 'updated_at'>>): Promise<void> {
  await db
    .updateTable('ticket_comments')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

export async function deleteComment(db: Executor, scope: Scope, id: string): Promise<void> {
  await db.deleteFrom('ticket_comments').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).execute();
}
