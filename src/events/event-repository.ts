import type { Executor } from '../db/database.js';
import type { EventsTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

export async function insertEvent(db: Executor, row: EventsTable): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function findEvent(db: Executor, scope: Scope, id: string): Promise<EventsTable | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listEvents(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  filter: { type?: string; typePrefix?: string },
): Promise<EventsTable[]> {
  let q = db
    .selectFrom('events')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.typePrefix) q = q.where('type', 'like', `${filter.typePrefix.replace(/[%_]/g, '')}%`);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
