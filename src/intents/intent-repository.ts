import type { Executor } from '../db/database.js';
import type { CarrierIntentsTable, IntentState } from '../db/schema.js';
import type { IdemKey } from '../idempotency/idempotency-repository.js';

export type IntentRef = Pick<CarrierIntentsTable, 'kind' | 'resource_id'>;

/**
 * Writes a new intent. Effects on an existing resource (a release, a hang-up) may be asked again
 * after a failed try: the same row is then reopened.
 */
export async function insertIntent(db: Executor, row: CarrierIntentsTable): Promise<void> {
  const { kind: _k, resource_id: _r, workspace_id: _w, mode: _m, created_at: _c, ...reopen } = row;
  await db
    .insertInto('carrier_intents')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'resource_id']).doUpdateSet(reopen))
    .execute();
}

export async function findIntent(db: Executor, ref: IntentRef): Promise<CarrierIntentsTable | undefined> {
  return db.selectFrom('carrier_intents').selectAll().where('kind', '=', ref.kind).where('resource_id', '=', ref.resource_id).executeTakeFirst();
}

export async function updateIntent(
  db: Executor,
  ref: IntentRef,
  changes: Partial<Omit<CarrierIntentsTable, 'kind' | 'resource_id' | 'workspace_id' | 'mode'>>,
  /** Only rows still in one of these states change (a resolved intent is never reopened). */
  fromStates: IntentState[] = ['pending', 'release'],
): Promise<boolean> {
  const res = await db
    .updateTable('carrier_intents')
    .set(changes)
    .where('kind', '=', ref.kind)
    .where('resource_id', '=', ref.resource_id)
    .where('state', 'in', fromStates)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Unresolved intents, oldest first: what the reconciler works through. */
export async function listOpenIntents(db: Executor, limit: number): Promise<CarrierIntentsTable[]> {
  return db.selectFrom('carrier_intents').selectAll().where('state', 'in', ['pending', 'release']).orderBy('created_at', 'asc').limit(limit).execute();
}

/** The unresolved intents a request with this Idempotency-Key started. */
export async function listOpenIntentsForKey(db: Executor, k: IdemKey): Promise<CarrierIntentsTable[]> {
  return db
    .selectFrom('carrier_intents')
    .selectAll()
    .where('workspace_id', '=', k.workspace_id)
    .where('mode', '=', k.mode)
    .where('idem_method', '=', k.method)
    .where('idem_path', '=', k.path)
    .where('idem_key', '=', k.idem_key)
    .where('state', 'in', ['pending', 'release'])
    .execute();
}
