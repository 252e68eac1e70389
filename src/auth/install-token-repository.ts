import type { Executor } from '../db/database.js';
import type { InstallTokensTable } from '../db/schema-identity.js';

// Install tokens by the SHA-256 of the token. The spend is one conditional UPDATE: of two
// exchanges racing with the same token exactly one gets the row back (PostgreSQL re-checks the
// WHERE after waiting for the other's row lock; SQLite runs one writer at a time).

export async function insertToken(db: Executor, row: InstallTokensTable): Promise<void> {
  await db.insertInto('install_tokens').values(row).execute();
}

/** Marks the token used if it is unused and unexpired; the row when this call spent it. */
export async function spendToken(db: Executor, tokenHash: string, now: string): Promise<InstallTokensTable | undefined> {
  return db
    .updateTable('install_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

export async function findToken(db: Executor, tokenHash: string): Promise<InstallTokensTable | undefined> {
  return db.selectFrom('install_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function recordIssuedKey(db: Executor, tokenHash: string, keyId: string): Promise<void> {
  await db.updateTable('install_tokens').set({ issued_key_id: keyId }).where('token_hash', '=', tokenHash).execute();
}

/** Tokens expired before `before` are of no use, not even to recognise a replay. */
export async function deleteExpiredBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('install_tokens').where('expires_at', '<', before).execute();
}
