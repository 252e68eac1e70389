import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AnalyticsEventsTable, AnalyticsPropertiesTable } from '../db/schema-data.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { likePattern } from '../support/support-schemas.js';

const lowerLike = (columns: string[], text: string) => {
  const pattern = likePattern(text.trim().toLowerCase());
  return columns.map((c) => sql<boolean>`lower(${sql.ref(c)}) LIKE ${pattern} ESCAPE '\\'`);
};

export async function insertEvent(db: Executor, row: AnalyticsEventsTable): Promise<boolean> {
  const res = await db.insertInto('analytics_events').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function insertProperty(db: Executor, row: AnalyticsPropertiesTable): Promise<boolean> {
  const res = await db.insertInto('analytics_properties').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findEventByName(db: Executor, scope: Scope, name: string): Promise<AnalyticsEventsTable | undefined> {
  return db.selectFrom('analytics_events').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('name', '=', name).executeTakeFirst();
}

export async function findProperties(db: Executor, scope: Scope, keys: string[]): Promise<AnalyticsPropertiesTable[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('analytics_properties').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('key', 'in', keys).execute();
}

export async function listEvents(db: Executor, scope: Scope, page: PageRequest, f: { query?: string; owner?: string }): Promise<AnalyticsEventsTable[]> {
  let q = db.selectFrom('analytics_events').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (f.owner !== undefined) q = q.where('owner', '=', f.owner);
  if (f.query?.trim()) q = q.where((eb) => eb.or(lowerLike(['name', 'description'], f.query!)));
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function listProperties(db: Executor, scope: Scope, page: PageRequest, f: { query?: string }): Promise<AnalyticsPropertiesTable[]> {
  let q = db.selectFrom('analytics_properties').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (f.query?.trim()) q = q.where((eb) => eb.or(lowerLike(['key', 'description'], f.query!)));
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
