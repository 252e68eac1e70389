import { customFieldFilter } from '../crm/custom-fields.js';
import type { Executor } from '../db/database.js';
import type { AssetsTable } from '../db/schema-data.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { likePattern } from '../support/support-schemas.js';
import { sql } from 'kysely';

export interface AssetFilter {
  query?: string;
  asset_type?: AssetsTable['asset_type'];
  status?: AssetsTable['status'];
  related_resource_type?: string;
  related_resource_id?: string;
  call_id?: string;
  custom_field_key?: string;
  custom_field_value?: string;
}

export async function insertAsset(db: Executor, row: AssetsTable): Promise<void> {
  await db.insertInto('assets').values(row).execute();
}

export async function findAsset(db: Executor, scope: Scope, id: string): Promise<AssetsTable | undefined> {
  return db.selectFrom('assets').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

/** For signed links, which carry no key: the signature already named this id. */
export async function findAssetById(db: Executor, id: string): Promise<AssetsTable | undefined> {
  return db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A conditional write: applies `changes` only while the asset is still in `fromStatus`; false
 * when another request got there first (a second `complete`, an archive in between).
 */
export async function updateAssetIf(db: Executor, id: string, fromStatus: AssetsTable['status'], changes: Partial<AssetsTable>): Promise<boolean> {
  const res = await db.updateTable('assets').set(changes).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listAssets(db: Executor, scope: Scope, page: PageRequest, filter: AssetFilter): Promise<AssetsTable[]> {
  let q = db.selectFrom('assets').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  for (const field of ['asset_type', 'status', 'related_resource_type', 'related_resource_id', 'call_id'] as const) {
    const value = filter[field];
    if (value !== undefined) q = q.where(field, '=', value);
  }
  if (filter.query !== undefined && filter.query.trim() !== '') {
    // lower() + LIKE with an escape: the same on SQLite and PostgreSQL.
    const pattern = likePattern(filter.query.trim().toLowerCase());
    q = q.where((eb) =>
      eb.or(
        (['name', 'file_name', 'description', 'mime_type'] as const).map((c) => sql<boolean>`lower(${sql.ref(c)}) LIKE ${pattern} ESCAPE '\\'`),
      ),
    );
  }
  const custom = customFieldFilter(filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
