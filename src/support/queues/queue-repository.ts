import { sql } from 'kysely';
import { customFieldFilter } from '../../crm/custom-fields.js';
import type { Executor } from '../../db/database.js';
import type { SupportQueuesTable } from '../../db/schema-crm.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { likePattern } from '../support-schemas.js';
import { likeOperator } from '../../db/dialect.js';

export interface QueueFilter {
  query?: string;
  status?: SupportQueuesTable['status'];
  custom_field_key?: string;
  custom_field_value?: string;
}

export async function insertQueue(db: Executor, row: SupportQueuesTable): Promise<void> {
  await db.insertInto('support_queues').values(row).execute();
}

export async function findQueue(db: Executor, scope: Scope, id: string): Promise<SupportQueuesTable | undefined> {
  return db
    .selectFrom('support_queues')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findQueueByKey(db: Executor, scope: Scope, key: string): Promise<SupportQueuesTable | undefined> {
  return db
    .selectFrom('support_queues')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function listQueues(db: Executor, scope: Scope, page: PageRequest, filter: QueueFilter): Promise<SupportQueuesTable[]> {
  let q = db
    .selectFrom('support_queues')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.query !== undefined && filter.query.trim() !== '') {
    const pattern = likePattern(filter.query.trim());
    // Case-insensitive on both engines (SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE).
    const like = likeOperator(db);
    q = q.where(sql<boolean>`(name ${like} ${pattern} ESCAPE '\\' OR key ${like} ${pattern} ESCAPE '\\')`);
  }
  if (filter.status) q = q.where('status', '=', filter.status);
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateQueue(
  db: Executor,
  scope: Scope,
  id: string,
  changes: Partial<Omit<SupportQueuesTable, 'id' | 'workspace_id' | 'mode'>>,
): Promise<void> {
  await db
    .updateTable('support_queues')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}
