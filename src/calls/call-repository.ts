import { insertBatch } from '../db/batch-insert.js';
import type { Executor } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import type { CallStatus, CallTurnsTable, CallsTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

export const ACTIVE_STATUSES: CallStatus[] = ['queued', 'ringing', 'in-progress'];

export async function insertCall(db: Executor, row: CallsTable): Promise<void> {
  await db.insertInto('calls').values(row).execute();
}

export async function deleteCall(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('calls').where('id', '=', id).execute();
}

export async function findCall(db: Executor, scope: Scope, id: string): Promise<CallsTable | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The call's row for a read-then-write in `trx`: on PostgreSQL locked (FOR UPDATE) until the
 * transaction ends, so two transactions changing one call (a minute charge and a finalize, two
 * finalizes from two nodes) run one after the other and the second sees the first's result.
 * SQLite has one writer, whose transactions are already serialized.
 */
export async function lockCall(trx: Executor, id: string): Promise<CallsTable | undefined> {
  const q = trx.selectFrom('calls').selectAll().where('id', '=', id);
  return (isPostgres(trx) ? q.forUpdate() : q).executeTakeFirst();
}

/** Carrier-side lookups (webhooks, sessions) are not tenant-scoped: the carrier names the call. */
export async function findCallById(db: Executor, id: string): Promise<CallsTable | undefined> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCallByCarrierSid(db: Executor, carrier: string, sid: string): Promise<CallsTable | undefined> {
  return db.selectFrom('calls').selectAll().where('carrier', '=', carrier).where('carrier_sid', '=', sid).executeTakeFirst();
}

export async function updateCall(db: Executor, id: string, changes: Partial<Omit<CallsTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db.updateTable('calls').set(changes).where('id', '=', id).execute();
}

export interface CallFilter {
  numberId?: string;
  status?: string;
  direction?: string;
  from?: string;
  to?: string;
  createdAfter?: string;
  createdBefore?: string;
}

export async function listCalls(db: Executor, scope: Scope, page: PageRequest, f: CallFilter): Promise<CallsTable[]> {
  let q = db.selectFrom('calls').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (f.numberId) q = q.where('number_id', '=', f.numberId);
  if (f.status) q = q.where('status', '=', f.status as CallStatus);
  if (f.direction) q = q.where('direction', '=', f.direction as CallsTable['direction']);
  if (f.from) q = q.where('from_number', '=', f.from);
  if (f.to) q = q.where('to_number', '=', f.to);
  if (f.createdAfter) q = q.where('created_at', '>=', f.createdAfter);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Calls that were live when the process stopped (crash recovery). */
export async function listUnfinishedCalls(db: Executor): Promise<CallsTable[]> {
  return db.selectFrom('calls').selectAll().where('status', 'in', ACTIVE_STATUSES).execute();
}

const TURN_COLUMNS = [
  'id', 'call_id', 'workspace_id', 'mode', 'seq', 'speaker', 'text', 'started_at', 'interrupted', 'first_token_ms',
  'gateway_added_ms', 'agent_total_ms', 'endpointing_ms', 'stt_ms', 'tts_first_byte_ms', 'first_audio_ms', 'error', 'tool_calls',
] as const satisfies readonly (keyof CallTurnsTable)[];

/** Written on every turn of every call: SQL compiled once per batch size (db/batch-insert.ts). */
export async function insertTurns(db: Executor, rows: CallTurnsTable[]): Promise<void> {
  await insertBatch(db, 'call_turns', TURN_COLUMNS, rows);
}

export async function listTurns(db: Executor, callId: string): Promise<CallTurnsTable[]> {
  return db.selectFrom('call_turns').selectAll().where('call_id', '=', callId).orderBy('seq', 'asc').execute();
}

/** Records a status callback once; false when (CallSid, SequenceNumber) was seen before. */
export async function recordCallback(db: Executor, sid: string, sequence: string, status: string, at: string): Promise<boolean> {
  const res = await db
    .insertInto('carrier_callbacks')
    .values({ carrier_sid: sid, sequence_number: sequence, status, received_at: at })
    .onConflict((oc) => oc.columns(['carrier_sid', 'sequence_number']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}
