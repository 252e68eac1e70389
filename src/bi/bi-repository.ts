import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { BiCollection, BiExportsTable, BiObjectsTable } from '../db/schema-data.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { likePattern } from '../support/support-schemas.js';

export interface ObjectFilter {
  query?: string;
  status?: BiObjectsTable['status'];
  kind?: string;
  dataset_id?: string;
  dashboard_id?: string;
}

const scoped = (db: Executor, scope: Scope) => db.selectFrom('bi_objects').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

export async function insertObject(db: Executor, row: BiObjectsTable): Promise<boolean> {
  const res = await db.insertInto('bi_objects').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findObject(db: Executor, scope: Scope, collection: BiCollection, id: string): Promise<BiObjectsTable | undefined> {
  return scoped(db, scope).where('collection', '=', collection).where('id', '=', id).executeTakeFirst();
}

export async function findDatasetByKey(db: Executor, scope: Scope, key: string): Promise<BiObjectsTable | undefined> {
  return scoped(db, scope).where('collection', '=', 'datasets').where('key', '=', key).executeTakeFirst();
}

export async function listObjects(db: Executor, scope: Scope, collection: BiCollection, page: PageRequest, f: ObjectFilter): Promise<BiObjectsTable[]> {
  let q = scoped(db, scope).where('collection', '=', collection);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.dataset_id !== undefined) q = q.where('dataset_id', '=', f.dataset_id);
  if (f.dashboard_id !== undefined) q = q.where('dashboard_id', '=', f.dashboard_id);
  if (f.query?.trim()) {
    const pattern = likePattern(f.query.trim().toLowerCase());
    q = q.where((eb) => eb.or((['name', 'description'] as const).map((c) => sql<boolean>`lower(${sql.ref(c)}) LIKE ${pattern} ESCAPE '\\'`)));
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateObject(db: Executor, scope: Scope, id: string, changes: Partial<BiObjectsTable>): Promise<void> {
  await db.updateTable('bi_objects').set(changes).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).execute();
}

export async function reportIdsOf(db: Executor, scope: Scope, dashboardIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dashboardIds.length === 0) return out;
  const rows = await scoped(db, scope).where('collection', '=', 'reports').where('dashboard_id', 'in', dashboardIds).orderBy('id').limit(1000).execute();
  for (const r of rows) out.set(r.dashboard_id!, [...(out.get(r.dashboard_id!) ?? []), r.id]);
  return out;
}

/** Scheduled artifacts due by `nowMs`, every workspace (the sweep). */
export async function dueArtifacts(db: Executor, nowMs: number, limit: number): Promise<BiObjectsTable[]> {
  return db.selectFrom('bi_objects').selectAll().where('collection', '=', 'scheduled-artifacts').where('status', '=', 'active')
    .where('next_run_at', 'is not', null).where('next_run_at', '<=', nowMs).orderBy('next_run_at').limit(limit).execute();
}

/** Moves an artifact's next run from `fromMs` to `toMs`; false when another node claimed this run. */
export async function claimRun(db: Executor, id: string, fromMs: number, toMs: number, atIso: string): Promise<boolean> {
  const res = await db.updateTable('bi_objects').set({ next_run_at: toMs, last_run_at: atIso, updated_at: atIso }).where('id', '=', id).where('next_run_at', '=', fromMs).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertExport(db: Executor, row: BiExportsTable): Promise<void> {
  await db.insertInto('bi_exports').values(row).execute();
}

export async function findExport(db: Executor, scope: Scope, id: string): Promise<BiExportsTable | undefined> {
  return db.selectFrom('bi_exports').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

export async function findExportById(db: Executor, id: string): Promise<BiExportsTable | undefined> {
  return db.selectFrom('bi_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listExports(db: Executor, scope: Scope, page: PageRequest, f: { status?: BiExportsTable['status'] }): Promise<BiExportsTable[]> {
  let q = db.selectFrom('bi_exports').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Exports left pending or running (by a crash), oldest first. */
export async function openExports(db: Executor, limit: number): Promise<BiExportsTable[]> {
  return db.selectFrom('bi_exports').selectAll().where('status', 'in', ['pending', 'running']).orderBy('id').limit(limit).execute();
}

export async function updateExportIf(db: Executor, id: string, from: BiExportsTable['status'][], changes: Partial<BiExportsTable>): Promise<boolean> {
  const res = await db.updateTable('bi_exports').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
