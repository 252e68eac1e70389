import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { TicketMessagesTable } from '../../db/schema-crm.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { likePattern } from '../support-schemas.js';
import { likeOperator } from '../../db/dialect.js';

export interface MessageFilter {
  query?: string;
  direction?: TicketMessagesTable['direction'];
  channel?: string;
}

export async function insertMessage(db: Executor, row: TicketMessagesTable): Promise<void> {
  await db.insertInto('ticket_messages').values(row).execute();
}

export async function listMessages(db: Executor, scope: Scope, ticketId: string, page: PageRequest, filter: MessageFilter): Promise<TicketMessagesTable[]> {
  let q = db
    .selectFrom('ticket_messages')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('ticket_id', '=', ticketId);
  if (filter.query !== undefined && filter.query.trim() !== '') q = q.where(sql<boolean>`body ${likeOperator(db)} ${likePattern(filter.query.trim())} ESCAPE '\\'`);
  if (filter.direction) q = q.where('direction', '=', filter.direction);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
