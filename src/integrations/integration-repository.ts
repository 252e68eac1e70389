import type { Executor } from '../db/database.js';
import type { IntegrationEventTypesTable } from '../db/schema-data.js';
import type { Scope } from '../scope.js';

/** A workspace may register this many types of its own. */
export const MAX_TYPES_PER_WORKSPACE = 500;

export async function insertEventType(db: Executor, row: IntegrationEventTypesTable): Promise<boolean> {
  const res = await db.insertInto('integration_event_types').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findEventType(db: Executor, scope: Scope, key: string): Promise<IntegrationEventTypesTable | undefined> {
  return db.selectFrom('integration_event_types').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('key', '=', key).executeTakeFirst();
}

export async function listEventTypes(db: Executor, scope: Scope): Promise<IntegrationEventTypesTable[]> {
  return db.selectFrom('integration_event_types').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).orderBy('key').limit(MAX_TYPES_PER_WORKSPACE).execute();
}

export async function countEventTypes(db: Executor, scope: Scope): Promise<number> {
  const row = await db.selectFrom('integration_event_types').select((eb) => eb.fn.countAll<string | number>().as('n')).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).executeTakeFirstOrThrow();
  return Number(row.n);
}
