import type { Executor } from '../db/database.js';
import type { SmsMessagesTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

export async function insertSms(db: Executor, row: SmsMessagesTable): Promise<void> {
  await db.insertInto('sms_messages').values(row).execute();
}

export async function updateSms(db: Executor, id: string, changes: Partial<Omit<SmsMessagesTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db.updateTable('sms_messages').set(changes).where('id', '=', id).execute();
}

export async function findSms(db: Executor, scope: Scope, id: string): Promise<SmsMessagesTable | undefined> {
  return db.selectFrom('sms_messages').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

export async function findSmsById(db: Executor, id: string): Promise<SmsMessagesTable | undefined> {
  return db.selectFrom('sms_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSmsByCarrierSid(db: Executor, carrier: string, sid: string): Promise<SmsMessagesTable | undefined> {
  return db.selectFrom('sms_messages').selectAll().where('carrier', '=', carrier).where('carrier_sid', '=', sid).executeTakeFirst();
}

export interface SmsFilter {
  numberId?: string;
  direction?: string;
  status?: string;
  counterpart?: string;
}

export async function listSms(db: Executor, scope: Scope, page: PageRequest, f: SmsFilter): Promise<SmsMessagesTable[]> {
  let q = db.selectFrom('sms_messages').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (f.numberId) q = q.where('number_id', '=', f.numberId);
  if (f.direction) q = q.where('direction', '=', f.direction as SmsMessagesTable['direction']);
  if (f.status) q = q.where('status', '=', f.status as SmsMessagesTable['status']);
  if (f.counterpart) q = q.where('counterpart', '=', f.counterpart);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** The newest messages of one thread, oldest first: the agent's conversation history. */
export async function threadOf(db: Executor, numberId: string, counterpart: string, limit: number): Promise<SmsMessagesTable[]> {
  const rows = await db
    .selectFrom('sms_messages')
    .selectAll()
    .where('number_id', '=', numberId)
    .where('counterpart', '=', counterpart)
    .where('status', '!=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function isOptedOut(db: Executor, numberId: string, counterpart: string): Promise<boolean> {
  return (await db.selectFrom('sms_opt_outs').select('number_id').where('number_id', '=', numberId).where('counterpart', '=', counterpart).executeTakeFirst()) !== undefined;
}

export async function optOut(db: Executor, row: { number_id: string; counterpart: string; workspace_id: string; mode: SmsMessagesTable['mode']; opted_out_at: string }): Promise<void> {
  await db.insertInto('sms_opt_outs').values(row).onConflict((oc) => oc.columns(['number_id', 'counterpart']).doNothing()).execute();
}

export async function optIn(db: Executor, numberId: string, counterpart: string): Promise<void> {
  await db.deleteFrom('sms_opt_outs').where('number_id', '=', numberId).where('counterpart', '=', counterpart).execute();
}

/** Records a status callback once; false when this (MessageSid, status) was seen before. */
export async function recordSmsCallback(db: Executor, sid: string, status: string, at: string): Promise<boolean> {
  const res = await db
    .insertInto('sms_status_callbacks')
    .values({ carrier_sid: sid, status, received_at: at })
    .onConflict((oc) => oc.columns(['carrier_sid', 'status']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}
