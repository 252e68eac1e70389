import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AccountingAccountsTable, DefaultRole } from '../../db/schema-books.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('accounting_accounts').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

export async function insertAccount(db: Executor, row: AccountingAccountsTable): Promise<void> {
  await db.insertInto('accounting_accounts').values(row).execute();
}

export async function findAccount(db: Executor, scope: Scope, id: string): Promise<AccountingAccountsTable | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function findAccountsByIds(db: Executor, scope: Scope, ids: string[]): Promise<AccountingAccountsTable[]> {
  if (ids.length === 0) return [];
  return scoped(db, scope).where('id', 'in', ids).execute();
}

export async function findAccountByCode(db: Executor, scope: Scope, code: string): Promise<AccountingAccountsTable | undefined> {
  return scoped(db, scope).where('code', '=', code).executeTakeFirst();
}

export async function listAccounts(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  filter: { type?: string; query?: string; include_archived?: boolean },
): Promise<AccountingAccountsTable[]> {
  let q = scoped(db, scope);
  if (!filter.include_archived) q = q.where('archived_at', 'is', null);
  if (filter.type) q = q.where('type', '=', filter.type as AccountingAccountsTable['type']);
  if (filter.query) {
    const like = `%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(code)`, 'like', sql`${like} ESCAPE '\\'`), eb(sql`lower(name)`, 'like', sql`${like} ESCAPE '\\'`)]));
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateAccount(db: Executor, scope: Scope, id: string, changes: Partial<AccountingAccountsTable>): Promise<AccountingAccountsTable | undefined> {
  return db
    .updateTable('accounting_accounts')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** role → account id, for this workspace and mode. */
export async function defaultsOf(db: Executor, scope: Scope): Promise<Map<DefaultRole, string>> {
  const rows = await db.selectFrom('accounting_defaults').select(['role', 'account_id']).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).execute();
  return new Map(rows.map((r) => [r.role, r.account_id]));
}

/** Points `role` at `accountId` (replacing whatever held it). */
export async function setDefault(db: Executor, scope: Scope, role: DefaultRole, accountId: string): Promise<void> {
  await db
    .insertInto('accounting_defaults')
    .values({ workspace_id: scope.workspaceId, mode: scope.mode, role, account_id: accountId })
    .onConflict((oc) => oc.columns(['workspace_id', 'mode', 'role']).doUpdateSet({ account_id: accountId }))
    .execute();
}

/** Claims `role` for `accountId` only if nothing holds it yet; false when another account does. */
export async function claimDefault(db: Executor, scope: Scope, role: DefaultRole, accountId: string): Promise<boolean> {
  const res = await db
    .insertInto('accounting_defaults')
    .values({ workspace_id: scope.workspaceId, mode: scope.mode, role, account_id: accountId })
    .onConflict((oc) => oc.columns(['workspace_id', 'mode', 'role']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function clearDefaultsOf(db: Executor, scope: Scope, accountId: string): Promise<void> {
  await db.deleteFrom('accounting_defaults').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('account_id', '=', accountId).execute();
}

/** Posted debit and credit sums per account (all accounts of the scope when `ids` is omitted). */
export async function postedSums(
  db: Executor,
  scope: Scope,
  opts: { ids?: string[]; currency?: string; asOf?: string } = {},
): Promise<Map<string, { debit: number; credit: number }>> {
  if (opts.ids && opts.ids.length === 0) return new Map();
  let q = db
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', 'journal_entries.id', 'journal_lines.entry_id')
    .select((eb) => [
      'journal_lines.account_id as account_id',
      eb.fn.sum<number | string>('journal_lines.debit_cents').as('debit'),
      eb.fn.sum<number | string>('journal_lines.credit_cents').as('credit'),
    ])
    .where('journal_lines.workspace_id', '=', scope.workspaceId)
    .where('journal_lines.mode', '=', scope.mode)
    .where('journal_entries.status', '=', 'posted');
  if (opts.ids) q = q.where('journal_lines.account_id', 'in', opts.ids);
  if (opts.currency) q = q.where('journal_entries.currency', '=', opts.currency);
  if (opts.asOf) q = q.where('journal_entries.entry_date', '<=', opts.asOf);
  const rows = await q.groupBy('journal_lines.account_id').execute();
  return new Map(rows.map((r) => [r.account_id, { debit: Number(r.debit ?? 0), credit: Number(r.credit ?? 0) }]));
}

export async function hasLines(db: Executor, accountId: string): Promise<boolean> {
  return (await db.selectFrom('journal_lines').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst()) !== undefined;
}
