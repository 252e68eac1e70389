import type { Executor } from '../../db/database.js';
import type { CmsCollectionsTable } from '../../db/schema-cms.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';

export async function insertCollection(db: Executor, row: CmsCollectionsTable): Promise<void> {
  await db.insertInto('cms_collections').values(row).execute();
}

/** Inserts unless the workspace already has a collection with this key (two racing first uses make one). */
export async function insertCollectionIfMissing(db: Executor, row: CmsCollectionsTable): Promise<void> {
  await db.insertInto('cms_collections').values(row).onConflict((oc) => oc.columns(['workspace_id', 'mode', 'key']).doNothing()).execute();
}

export async function findCollection(db: Executor, scope: Scope, id: string): Promise<CmsCollectionsTable | undefined> {
  return db.selectFrom('cms_collections').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

export async function updateCollection(db: Executor, scope: Scope, id: string, changes: Partial<Pick<CmsCollectionsTable, 'name' | 'description' | 'site_id' | 'schema' | 'updated_at'>>): Promise<void> {
  await db.updateTable('cms_collections').set(changes).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).execute();
}

export async function findCollectionByKey(db: Executor, scope: Scope, key: string): Promise<CmsCollectionsTable | undefined> {
  return db.selectFrom('cms_collections').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('key', '=', key).executeTakeFirst();
}

export async function listCollections(db: Executor, scope: Scope, page: PageRequest, filter: { siteId?: string }): Promise<CmsCollectionsTable[]> {
  let q = db.selectFrom('cms_collections').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.siteId !== undefined) q = q.where('site_id', '=', filter.siteId);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
