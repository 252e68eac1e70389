import type { Executor } from '../db/database.js';
import type { RecordingsTable } from '../db/schema.js';
import type { Scope } from '../scope.js';

export async function insertRecording(db: Executor, row: RecordingsTable): Promise<void> {
  await db.insertInto('recordings').values(row).execute();
}

export async function updateRecording(db: Executor, id: string, changes: Partial<Omit<RecordingsTable, 'id' | 'call_id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db.updateTable('recordings').set(changes).where('id', '=', id).execute();
}

/** The call's current recording (newest not deleted), in the tenant's scope. */
export async function findCallRecording(db: Executor, scope: Scope, callId: string): Promise<RecordingsTable | undefined> {
  return db
    .selectFrom('recordings')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('call_id', '=', callId)
    .where('status', '!=', 'deleted')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** A signed link names the recording itself; the signature is the authorization. */
export async function findRecordingById(db: Executor, id: string): Promise<RecordingsTable | undefined> {
  return db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRecordingByCarrierSid(db: Executor, sid: string): Promise<RecordingsTable | undefined> {
  return db.selectFrom('recordings').selectAll().where('carrier_sid', '=', sid).executeTakeFirst();
}

/** Gateway recordings still being written: after a crash, the ones no live call owns. */
export async function listOpenGatewayRecordings(db: Executor): Promise<RecordingsTable[]> {
  return db.selectFrom('recordings').selectAll().where('status', '=', 'recording').where('source', '=', 'gateway').orderBy('created_at').execute();
}

export async function readServerSecret(db: Executor, name: string): Promise<string | undefined> {
  return (await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst())?.value;
}

/** Stores `value` unless a secret of that name exists; answers the one that is kept. */
export async function keepServerSecret(db: Executor, name: string, value: string, at: string): Promise<string> {
  await db.insertInto('server_secrets').values({ name, value, created_at: at }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await readServerSecret(db, name))!;
}
