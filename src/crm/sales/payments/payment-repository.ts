import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { InvoicesTable, PaymentsTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';

export async function insertPayment(db: Executor, row: PaymentsTable): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export async function findPayment(db: Executor, scope: Scope, id: string): Promise<PaymentsTable | undefined> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listPayments(db: Executor, scope: Scope, page: PageRequest, filter: { invoice_id?: string }): Promise<PaymentsTable[]> {
  let q = db.selectFrom('payments').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.invoice_id) q = q.where('invoice_id', '=', filter.invoice_id);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/**
 * Adds `amount` to the invoice's paid amount, only if the invoice takes payments (`sent` or
 * `partially_paid`) and the amount fits in what is still due. One conditional UPDATE (the SET
 * expressions read the row as it was), so racing payments can never overpay on any database;
 * the `invoices_no_overpay` trigger is a second line. Returns the updated invoice, or undefined
 * when the condition did not hold.
 */
export async function applyPaymentToInvoice(
  db: Executor,
  scope: Scope,
  invoiceId: string,
  amount: number,
  paidAt: string,
  at: string,
): Promise<InvoicesTable | undefined> {
  const settles = sql<boolean>`amount_paid_cents + ${amount} >= total_cents`;
  return db
    .updateTable('invoices')
    .set((eb) => ({
      amount_paid_cents: eb('amount_paid_cents', '+', amount),
      status: sql<InvoicesTable['status']>`CASE WHEN ${settles} THEN 'paid' ELSE 'partially_paid' END`,
      paid_at: sql<string | null>`CASE WHEN ${settles} THEN ${paidAt} ELSE paid_at END`,
      updated_at: at,
    }))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', invoiceId)
    .where('status', 'in', ['sent', 'partially_paid'])
    .where((eb) => eb(eb('amount_paid_cents', '+', amount), '<=', eb.ref('total_cents')))
    .returningAll()
    .executeTakeFirst();
}
