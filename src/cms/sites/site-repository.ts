import type { Executor } from '../../db/database.js';
import type { CmsSitesTable } from '../../db/schema-cms.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { likeContains } from '../cms-shared.js';
import { sql } from 'kysely';

export async function insertSite(db: Executor, row: CmsSitesTable): Promise<void> {
  await db.insertInto('cms_sites').values(row).execute();
}

export async function findSite(db: Executor, scope: Scope, id: string): Promise<CmsSitesTable | undefined> {
  return db.selectFrom('cms_sites').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

export async function listSites(db: Executor, scope: Scope, page: PageRequest, filter: { query?: string }): Promise<CmsSitesTable[]> {
  let q = db.selectFrom('cms_sites').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.query !== undefined && filter.query.trim() !== '') {
    const pattern = likeContains(filter.query.trim());
    q = q.where(sql<boolean>`(lower(name) LIKE ${pattern} ESCAPE '\\' OR lower(key) LIKE ${pattern} ESCAPE '\\' OR lower(coalesce(primary_domain, '')) LIKE ${pattern} ESCAPE '\\')`);
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
