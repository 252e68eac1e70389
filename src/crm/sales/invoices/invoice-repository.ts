import type { Executor } from '../../../db/database.js';
import type { InvoiceLineItemsTable, InvoiceStatus, InvoicesTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';

export interface InvoiceFilter {
  status?: InvoiceStatus;
  company_id?: string;
  contact_id?: string;
  deal_id?: string;
}

export type InvoiceChanges = Partial<Omit<InvoicesTable, 'id' | 'workspace_id' | 'mode' | 'created_at'>>;

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('invoices').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

export async function insertInvoice(db: Executor, row: InvoicesTable, items: InvoiceLineItemsTable[]): Promise<void> {
  await db.insertInto('invoices').values(row).execute();
  if (items.length > 0) await db.insertInto('invoice_line_items').values(items).execute();
}

export async function findInvoice(db: Executor, scope: Scope, id: string): Promise<InvoicesTable | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function invoiceNumberTaken(db: Executor, scope: Scope, invoiceNumber: string): Promise<boolean> {
  return (await scoped(db, scope).where('invoice_number', '=', invoiceNumber).executeTakeFirst()) !== undefined;
}

export async function countInvoices(db: Executor, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Line items of these invoices (callers have already scoped the invoices). */
export async function lineItemsOf(db: Executor, invoiceIds: string[]): Promise<InvoiceLineItemsTable[]> {
  if (invoiceIds.length === 0) return [];
  return db.selectFrom('invoice_line_items').selectAll().where('invoice_id', 'in', invoiceIds).orderBy('invoice_id').orderBy('position').execute();
}

export async function listInvoices(db: Executor, scope: Scope, page: PageRequest, filter: InvoiceFilter): Promise<InvoicesTable[]> {
  let q = scoped(db, scope);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.company_id) q = q.where('company_id', '=', filter.company_id);
  if (filter.contact_id) q = q.where('contact_id', '=', filter.contact_id);
  if (filter.deal_id) q = q.where('deal_id', '=', filter.deal_id);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/**
 * Applies `changes` only while the invoice is in one of `from` (and, with `unpaid`, has no
 * payment): one conditional UPDATE, so a state change cannot race a payment. Returns the updated
 * row, or undefined when the condition no longer held.
 */
export async function updateInvoiceIf(
  db: Executor,
  scope: Scope,
  id: string,
  from: InvoiceStatus[],
  changes: InvoiceChanges,
  opts: { unpaid?: boolean } = {},
): Promise<InvoicesTable | undefined> {
  let q = db
    .updateTable('invoices')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', 'in', from);
  if (opts.unpaid) q = q.where('amount_paid_cents', '=', 0);
  return q.returningAll().executeTakeFirst();
}

export async function replaceLineItems(db: Executor, invoiceId: string, items: InvoiceLineItemsTable[]): Promise<void> {
  await db.deleteFrom('invoice_line_items').where('invoice_id', '=', invoiceId).execute();
  if (items.length > 0) await db.insertInto('invoice_line_items').values(items).execute();
}

/** Deletes the invoice while it is a draft (its line items go with it); false otherwise. */
export async function deleteDraft(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('invoices')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('amount_paid_cents', '=', 0)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
