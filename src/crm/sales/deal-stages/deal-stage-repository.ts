import type { Executor } from '../../../db/database.js';
import type { DealStagesTable } from '../../../db/schema-crm.js';
import type { Scope } from '../../../scope.js';
import { matchesSearch } from '../../search-index.js';

export type StageChanges = Partial<Pick<DealStagesTable, 'name' | 'position' | 'probability' | 'archived_at' | 'updated_at'>>;

/** Stages are listed by position then key; the cursor is the last (position, key) seen. */
export interface StagePage {
  limit: number;
  after?: { position: number; key: string };
}

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('deal_stages').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

export async function insertStage(db: Executor, row: DealStagesTable): Promise<void> {
  await db.insertInto('deal_stages').values(row).execute();
}

/** Inserts rows whose key is still free (the unique index decides); used for the default set. */
export async function insertStagesIfAbsent(db: Executor, rows: DealStagesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('deal_stages')
    .values(rows)
    .onConflict((oc) => oc.columns(['workspace_id', 'mode', 'key']).doNothing())
    .execute();
}

export async function findStage(db: Executor, scope: Scope, id: string): Promise<DealStagesTable | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

/** By key, archived or not. */
export async function findStageByKey(db: Executor, scope: Scope, key: string): Promise<DealStagesTable | undefined> {
  return scoped(db, scope).where('key', '=', key).executeTakeFirst();
}

export async function firstActiveStage(db: Executor, scope: Scope): Promise<DealStagesTable | undefined> {
  return scoped(db, scope).where('archived_at', 'is', null).orderBy('position', 'asc').orderBy('key', 'asc').limit(1).executeTakeFirst();
}

export async function hasAnyStage(db: Executor, scope: Scope): Promise<boolean> {
  return (await scoped(db, scope).limit(1).executeTakeFirst()) !== undefined;
}

export async function maxPosition(db: Executor, scope: Scope): Promise<number | null> {
  const row = await db
    .selectFrom('deal_stages')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .executeTakeFirst();
  return row?.max ?? null;
}

export async function listStages(
  db: Executor,
  scope: Scope,
  page: StagePage,
  filter: { query?: string; includeArchived?: boolean },
): Promise<DealStagesTable[]> {
  let q = scoped(db, scope);
  if (!filter.includeArchived) q = q.where('archived_at', 'is', null);
  if (filter.query?.trim()) q = q.where(matchesSearch(db, scope, 'deal_stage', filter.query));
  const after = page.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('position', '>', after.position), eb.and([eb('position', '=', after.position), eb('key', '>', after.key)])]),
    );
  }
  return q.orderBy('position', 'asc').orderBy('key', 'asc').limit(page.limit + 1).execute();
}

export async function updateStage(db: Executor, scope: Scope, id: string, changes: StageChanges): Promise<void> {
  await db
    .updateTable('deal_stages')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** Deals (not archived) that sit in the stage with this key. */
export async function countDealsInStage(db: Executor, scope: Scope, key: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('stage', '=', key)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
