import type { Executor } from '../../../db/database.js';
import type { ActivitiesTable, ActivityType } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import { scopeOf, type Scope } from '../../../scope.js';
import { indexDocument, matchesSearch } from '../../search-index.js';

export interface ActivityFilter {
  query?: string;
  type?: ActivityType;
  relatedType?: string;
  relatedId?: string;
}

export async function insertActivity(db: Executor, row: ActivitiesTable): Promise<void> {
  await db.insertInto('activities').values(row).execute();
  await indexDocument(db, scopeOf(row), 'activity', row.id, [row.summary, row.body]);
}

export async function findActivity(db: Executor, scope: Scope, id: string): Promise<ActivitiesTable | undefined> {
  return db
    .selectFrom('activities')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listActivities(db: Executor, scope: Scope, page: PageRequest, filter: ActivityFilter): Promise<ActivitiesTable[]> {
  let q = db
    .selectFrom('activities')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.type !== undefined) q = q.where('type', '=', filter.type);
  if (filter.relatedType !== undefined) q = q.where('related_resource_type', '=', filter.relatedType);
  if (filter.relatedId !== undefined) q = q.where('related_resource_id', '=', filter.relatedId);
  if (filter.query !== undefined) q = q.where(matchesSearch(db, scope, 'activity', filter.query));
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
