import type { Executor } from '../db/database.js';
import type { ApiKeysTable, Mode, WorkspacesTable } from '../db/schema.js';

// Workspaces and API keys. Keys are found by the SHA-256 of the full key; the key itself is
// never stored.

export async function findWorkspaceByName(db: Executor, name: string): Promise<WorkspacesTable | undefined> {
  return db.selectFrom('workspaces').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findWorkspace(db: Executor, id: string): Promise<WorkspacesTable | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWorkspace(db: Executor, row: WorkspacesTable): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function listWorkspaceNames(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('workspaces').select('name').orderBy('created_at').orderBy('name').execute();
  return rows.map((r) => r.name);
}

export async function countWorkspaces(db: Executor): Promise<number> {
  const row = await db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertKey(db: Executor, row: ApiKeysTable): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findKeyByHash(
  db: Executor,
  keyHash: string,
): Promise<(ApiKeysTable & { workspace_name: string }) | undefined> {
  return db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .selectAll('api_keys')
    .select('workspaces.name as workspace_name')
    .where('api_keys.key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function listKeys(db: Executor): Promise<(ApiKeysTable & { workspace_name: string })[]> {
  return db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .selectAll('api_keys')
    .select('workspaces.name as workspace_name')
    .orderBy('api_keys.id', 'asc')
    .execute();
}

export async function revokeKey(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function touchKey(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export type { Mode };
