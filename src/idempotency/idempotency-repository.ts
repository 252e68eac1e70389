import type { Executor } from '../db/database.js';
import type { IdempotencyKeysTable } from '../db/schema.js';

export type IdemKey = Pick<IdempotencyKeysTable, 'workspace_id' | 'mode' | 'method' | 'path' | 'idem_key'>;

const whereKey = (k: IdemKey) => (qb: any) =>
  qb
    .where('workspace_id', '=', k.workspace_id)
    .where('mode', '=', k.mode)
    .where('method', '=', k.method)
    .where('path', '=', k.path)
    .where('idem_key', '=', k.idem_key);

export async function findIdem(db: Executor, k: IdemKey): Promise<IdempotencyKeysTable | undefined> {
  return whereKey(k)(db.selectFrom('idempotency_keys').selectAll()).executeTakeFirst();
}

/** Reserves the key; false when a row already holds it. */
export async function reserveIdem(db: Executor, row: IdempotencyKeysTable): Promise<boolean> {
  const res = await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'mode', 'method', 'path', 'idem_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function completeIdem(db: Executor, k: IdemKey, status: number, body: string): Promise<void> {
  await whereKey(k)(
    db.updateTable('idempotency_keys').set({ state: 'done', response_status: status, response_body: body }),
  ).execute();
}

export async function deleteIdem(db: Executor, k: IdemKey): Promise<void> {
  await whereKey(k)(db.deleteFrom('idempotency_keys')).execute();
}

export async function deleteExpiredIdem(db: Executor, nowIso: string): Promise<number> {
  const res = await db.deleteFrom('idempotency_keys').where('expires_at', '<', nowIso).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Stores the outcome on a key still waiting for it; a key already answered keeps its answer. */
export async function completeOpenIdem(db: Executor, k: IdemKey, status: number, body: string): Promise<void> {
  await whereKey(k)(
    db.updateTable('idempotency_keys').set({ state: 'done', response_status: status, response_body: body }),
  )
    .where('state', '=', 'in_progress')
    .execute();
}
