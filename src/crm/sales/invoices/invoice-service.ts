import type { Executor, Trx } from '../../../db/database.js';
import type { InvoiceLineItemsTable, InvoicesTable } from '../../../db/schema-crm.js';
import { notFound, validationError } from '../../../errors.js';
import { emitEvent } from '../../../events/event-writer.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { requireExists } from '../../related.js';
import { blankToNull, conflict, type DeletedDto, isUniqueViolation } from '../sales-shared.js';
import { postInvoiceIssued, postInvoiceVoided } from '../../../accounting/auto-posting.js';
import { type InvoiceDto, invoiceDto } from './invoice-dto.js';
import * as repo from './invoice-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

export interface LineItemInput {
  kind: string;
  name: string;
  quantity?: number;
  unit_amount_cents: number;
}

interface InvoiceFields {
  invoice_number?: string;
  company_id?: string | null;
  contact_id?: string | null;
  deal_id?: string | null;
  currency?: string;
  due_date?: string | null;
  notes?: string | null;
  line_items?: LineItemInput[];
}
export interface CreateInvoiceInput extends InvoiceFields {
  status?: 'draft' | 'sent';
}
export interface UpdateInvoiceInput extends InvoiceFields {
  status?: 'sent' | 'void';
}

const DRAFT_ONLY = ['invoice_number', 'company_id', 'contact_id', 'deal_id', 'currency', 'due_date', 'notes', 'line_items'] as const;

/** Line item rows and the subtotal: amount = quantity × unit amount; subtotal = their sum. */
function buildLineItems(invoiceId: string, input: LineItemInput[]): { items: InvoiceLineItemsTable[]; subtotal: number } {
  let subtotal = 0;
  const items = input.map((li, i) => {
    const quantity = li.quantity ?? 1;
    const amount = quantity * li.unit_amount_cents;
    subtotal += amount;
    return { id: `li_${newId('inv').slice(4)}`, invoice_id: invoiceId, position: i + 1, kind: li.kind, name: li.name, quantity, unit_amount_cents: li.unit_amount_cents, amount_cents: amount };
  });
  if (!Number.isSafeInteger(subtotal)) throw validationError('line_items', 'total_too_large', 'The invoice total is too large.');
  return { items, subtotal };
}

const duplicateNumber = (n: string) => conflict(`Invoice number "${n}" is already used in this workspace.`, 'invoice_number', 'already_exists', { received: n });

async function nextInvoiceNumber(db: Executor, scope: Scope): Promise<string> {
  for (let n = (await repo.countInvoices(db, scope)) + 1; ; n++) {
    const candidate = `INV-${String(n).padStart(4, '0')}`;
    if (!(await repo.invoiceNumberTaken(db, scope, candidate))) return candidate;
  }
}

async function checkRefs(db: Executor, scope: Scope, input: InvoiceFields): Promise<void> {
  await requireExists(db, scope, 'company', input.company_id, 'company_id');
  await requireExists(db, scope, 'contact', input.contact_id, 'contact_id');
  await requireExists(db, scope, 'deal', input.deal_id, 'deal_id');
}

async function toDto(db: Executor, row: InvoicesTable): Promise<InvoiceDto> {
  return invoiceDto(row, await repo.lineItemsOf(db, [row.id]));
}

/** Sending an invoice with nothing to pay settles it at once (Stripe does the same). */
function sentChanges(total: number, at: string): repo.InvoiceChanges {
  return total === 0 ? { status: 'paid', sent_at: at, paid_at: at } : { status: 'sent', sent_at: at };
}

/** `invoice.paid`: the invoice, and the payment that settled it (null when nothing was due). */
export async function emitPaid(trx: Trx, scope: Scope, dto: InvoiceDto, at: Date, paymentId: string | null): Promise<void> {
  await emitEvent(trx, scope, 'invoice.paid', { ...dto, payment_id: paymentId }, at);
}

export async function createInvoice(deps: Deps, scope: Scope, input: CreateInvoiceInput, idempotency: IdempotencyHandle | null): Promise<InvoiceDto> {
  const at = deps.clock.now();
  const now = at.toISOString();
  const id = newId('inv');
  const { items, subtotal } = buildLineItems(id, input.line_items ?? []);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await checkRefs(trx, scope, input);
      if (input.invoice_number !== undefined && (await repo.invoiceNumberTaken(trx, scope, input.invoice_number))) throw duplicateNumber(input.invoice_number);
      const row: InvoicesTable = {
        id,
        workspace_id: scope.workspaceId,
        mode: scope.mode,
        invoice_number: input.invoice_number ?? (await nextInvoiceNumber(trx, scope)),
        status: 'draft',
        company_id: input.company_id ?? null,
        contact_id: input.contact_id ?? null,
        deal_id: input.deal_id ?? null,
        currency: input.currency ?? 'USD',
        subtotal_cents: subtotal,
        total_cents: subtotal,
        amount_paid_cents: 0,
        due_date: input.due_date ?? null,
        notes: blankToNull(input.notes) ?? null,
        sent_at: null,
        paid_at: null,
        voided_at: null,
        created_at: now,
        updated_at: now,
        ...(input.status === 'sent' ? sentChanges(subtotal, now) : {}),
      };
      await repo.insertInvoice(trx, row, items);
      if (row.status !== 'draft') await postInvoiceIssued(trx, scope, row, at); // the books, when accounting is on
      const dto = invoiceDto(row, items);
      if (row.status === 'paid') await emitPaid(trx, scope, dto, at, null);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateNumber(input.invoice_number ?? '');
    throw err;
  }
}

export async function getInvoice(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<InvoiceDto> {
  const row = await repo.findInvoice(deps.db, scope, id);
  if (!row) throw notFound('invoice');
  return toDto(deps.db, row);
}

export async function listInvoices(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.InvoiceFilter): Promise<InvoiceDto[]> {
  const rows = await repo.listInvoices(deps.db, scope, page, filter);
  const items = await repo.lineItemsOf(deps.db, rows.map((r) => r.id));
  return rows.map((r) => invoiceDto(r, items.filter((i) => i.invoice_id === r.id)));
}

/**
 * Edits a draft (number, parties, currency, due date, notes, line items: totals are recomputed)
 * and moves it along: `sent` issues a draft (a no-op once sent), `void` cancels an invoice
 * without payments (409 once anything was paid). Editing a non-draft answers 409.
 */
export async function updateInvoice(deps: Deps, scope: Scope, id: string, input: UpdateInvoiceInput, idempotency: IdempotencyHandle | null): Promise<InvoiceDto> {
  const at = deps.clock.now();
  const now = at.toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await repo.findInvoice(trx, scope, id);
      if (!existing) throw notFound('invoice');
      const edits = DRAFT_ONLY.filter((f) => input[f] !== undefined);
      if (edits.length > 0 && existing.status !== 'draft') {
        throw conflict(`Only draft invoices can be edited; this one is ${existing.status}.`, edits[0], 'invoice_not_draft');
      }
      await checkRefs(trx, scope, input);
      if (input.invoice_number !== undefined && input.invoice_number !== existing.invoice_number && (await repo.invoiceNumberTaken(trx, scope, input.invoice_number))) {
        throw duplicateNumber(input.invoice_number);
      }

      const changes: repo.InvoiceChanges = { updated_at: now };
      for (const f of ['invoice_number', 'company_id', 'contact_id', 'deal_id', 'currency', 'due_date'] as const) {
        if (input[f] !== undefined) (changes as Record<string, unknown>)[f] = input[f];
      }
      if (input.notes !== undefined) changes.notes = blankToNull(input.notes) ?? null;
      const built = input.line_items !== undefined ? buildLineItems(id, input.line_items) : null;
      if (built) changes.subtotal_cents = changes.total_cents = built.subtotal;
      const total = built ? built.subtotal : existing.total_cents;

      let unpaid = false;
      if (input.status === 'sent') {
        if (existing.status === 'void') throw conflict('A void invoice cannot be sent.', 'status', 'invoice_void');
        if (existing.status === 'draft') Object.assign(changes, sentChanges(total, now));
      } else if (input.status === 'void' && existing.status !== 'void') {
        if (existing.amount_paid_cents > 0) {
          throw conflict(`This invoice has payments (${existing.amount_paid_cents} cents); it cannot be voided.`, 'status', 'invoice_has_payments');
        }
        changes.status = 'void';
        changes.voided_at = now;
        unpaid = true;
      }

      const updated = await repo.updateInvoiceIf(trx, scope, id, [existing.status], changes, { unpaid });
      if (!updated) throw conflict('The invoice changed while this request ran; fetch it and retry.', 'id', 'concurrent_change');
      if (built) await repo.replaceLineItems(trx, id, built.items);
      // The books, when accounting is on: issuing posts receivables/revenue, voiding reverses it.
      if (existing.status === 'draft' && updated.status !== 'draft') await postInvoiceIssued(trx, scope, updated, at);
      if (existing.status !== 'void' && updated.status === 'void') await postInvoiceVoided(trx, scope, updated, at);
      const dto = await toDto(trx, updated);
      if (updated.status === 'paid' && existing.status !== 'paid') await emitPaid(trx, scope, dto, at, null);
      await idempotency?.saveInTx(trx, 200, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateNumber(input.invoice_number ?? '');
    throw err;
  }
}

/** Only a draft may be deleted (for good); anything issued stays on record (409). */
export async function deleteInvoice(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DeletedDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findInvoice(trx, scope, id);
    if (!existing) throw notFound('invoice');
    if (!(await repo.deleteDraft(trx, scope, id))) {
      throw conflict(`Only draft invoices can be deleted; this one is ${existing.status} (void it instead).`, 'id', 'invoice_not_draft');
    }
    return { id, deleted: true as const };
  });
}
