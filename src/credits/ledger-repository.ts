import type { Executor } from '../db/database.js';
import type { LedgerEntriesTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

// The ledger is append-only; `balances` caches its sum per workspace and mode and is only
// changed by `applyToBalance`, inside the transaction that appends the entry.

export async function readBalance(db: Executor, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('balances')
    .select('balance_cents')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .executeTakeFirst();
  return row?.balance_cents ?? 0;
}

/**
 * Adds `delta` (negative for a charge) to the balance unless that would take it below zero.
 * One conditional UPDATE, so two racing charges cannot both pass the check on any database.
 * Returns the new balance, or null when the balance cannot cover the charge.
 */
export async function applyToBalance(db: Executor, scope: Scope, delta: number, at: string): Promise<number | null> {
  await db
    .insertInto('balances')
    .values({ workspace_id: scope.workspaceId, mode: scope.mode, balance_cents: 0, updated_at: at })
    .onConflict((oc) => oc.columns(['workspace_id', 'mode']).doNothing())
    .execute();
  const row = await db
    .updateTable('balances')
    .set((eb) => ({ balance_cents: eb('balance_cents', '+', delta), updated_at: at }))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where((eb) => eb(eb('balance_cents', '+', delta), '>=', 0))
    .returning('balance_cents')
    .executeTakeFirst();
  return row ? row.balance_cents : null;
}

export async function insertLedgerEntry(db: Executor, row: LedgerEntriesTable): Promise<void> {
  await db.insertInto('ledger_entries').values(row).execute();
}

export async function listLedger(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  filter: { kind?: string; relatedId?: string },
): Promise<LedgerEntriesTable[]> {
  let q = db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.relatedId) q = q.where('related_id', '=', filter.relatedId);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function sumLedger(db: Executor, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
