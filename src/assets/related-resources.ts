import type { Db, Executor } from '../db/database.js';
import { ApiError } from '../errors.js';
import type { Scope } from '../scope.js';
import type { ASSET_RELATED_TYPES } from './asset-schemas.js';

// An asset's `related_resource_type/id` must name a resource of the workspace (404 otherwise,
// like any missing resource). CMS entries and marketing campaigns and posts live in tables of
// their own feature; a gateway without that feature has no such resource to link to.

type RelatedType = (typeof ASSET_RELATED_TYPES)[number];

const TABLES: Record<RelatedType, string> = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  task: 'tasks',
  invoice: 'invoices',
  cms_entry: 'cms_entries',
  marketing_campaign: 'marketing_campaigns',
  marketing_post: 'marketing_posts',
};

const known = new WeakMap<Db, Promise<Set<string>>>();

/** The database's tables (cached). Ask before opening a transaction: SQLite has one connection. */
export async function tablesOf(db: Db): Promise<Set<string>> {
  let p = known.get(db);
  if (!p) {
    p = db.introspection.getTables().then((ts) => new Set(ts.map((t) => t.name)));
    p.catch(() => known.delete(db));
    known.set(db, p);
  }
  return p;
}

/** Both or neither; when given, the resource must exist in this workspace and mode. */
export async function requireAssetRelated(tables: Set<string>, trx: Executor, scope: Scope, type: RelatedType | undefined, id: string | undefined): Promise<void> {
  if (type === undefined && id === undefined) return;
  if (type === undefined || id === undefined) {
    throw new ApiError('validation_error', 'related_resource_type and related_resource_id go together.', [{ field: type ? 'related_resource_id' : 'related_resource_type', error: 'required' }]);
  }
  const table = TABLES[type];
  const missing = new ApiError('not_found', `No such ${type}.`, [{ field: 'related_resource_id', error: 'not_found', received: id }]);
  if (!tables.has(table)) throw missing;
  const row = await (trx as Executor)
    .selectFrom(table as 'contacts')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw missing;
}
