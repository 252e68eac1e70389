import { ApiError, notFound } from '../../../errors.js';
import type { InvoicesTable, PaymentsTable } from '../../../db/schema-crm.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { invoiceDto } from '../invoices/invoice-dto.js';
import { findInvoice, lineItemsOf } from '../invoices/invoice-repository.js';
import { emitPaid } from '../invoices/invoice-service.js';
import { conflict } from '../sales-shared.js';
import { postPayment } from '../../../accounting/auto-posting.js';
import { type PaymentDto, paymentDto } from './payment-dto.js';
import * as repo from './payment-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

export interface RecordPaymentInput {
  invoice_id: string;
  amount_cents: number;
  method?: string;
  reference?: string;
  paid_at?: string;
}

const notPayable = (status: string) =>
  conflict(`A ${status} invoice takes no payments${status === 'draft' ? '; send it first (PATCH status: "sent")' : ''}.`, 'invoice_id', 'invoice_not_payable', { status });

const isOverpayAbort = (err: unknown) => err instanceof Error && /invoice overpaid/.test(err.message);

function exceedsBalance(invoice: InvoicesTable, amount: number): ApiError {
  const due = invoice.total_cents - invoice.amount_paid_cents;
  return new ApiError('validation_error', `amount_cents exceeds the ${due} cents still due on this invoice.`, [
    { field: 'amount_cents', error: 'exceeds_balance_due', received: amount, amount_due_cents: due },
  ]);
}

/**
 * Records a payment and applies it to its invoice in one transaction: amount_paid_cents grows,
 * status becomes `partially_paid` or `paid` (with paid_at). The invoice update is conditional on
 * the amount still due, so concurrent payments can never overpay: one that does not fit answers
 * 422 `exceeds_balance_due` and changes nothing. Draft and void invoices answer 409. Emits
 * `invoice.paid` when the invoice becomes fully paid.
 */
export async function recordPayment(deps: Deps, scope: Scope, input: RecordPaymentInput, idempotency: IdempotencyHandle | null): Promise<PaymentDto> {
  const at = deps.clock.now();
  const now = at.toISOString();
  const paidAt = input.paid_at ? new Date(input.paid_at).toISOString() : now;
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await findInvoice(trx, scope, input.invoice_id);
    if (!invoice) throw new ApiError('not_found', 'No such invoice.', [{ field: 'invoice_id', error: 'not_found', received: input.invoice_id }]);
    if (invoice.status === 'draft' || invoice.status === 'void') throw notPayable(invoice.status);

    let updated: InvoicesTable | undefined;
    try {
      updated = await repo.applyPaymentToInvoice(trx, scope, invoice.id, input.amount_cents, paidAt, now);
    } catch (err) {
      if (!isOverpayAbort(err)) throw err;
    }
    if (!updated) {
      const current = (await findInvoice(trx, scope, invoice.id)) ?? invoice;
      if (current.status === 'draft' || current.status === 'void') throw notPayable(current.status);
      throw exceedsBalance(current, input.amount_cents);
    }

    const row: PaymentsTable = {
      id: newId('pay'),
      workspace_id: scope.workspaceId,
      mode: scope.mode,
      invoice_id: invoice.id,
      amount_cents: input.amount_cents,
      currency: invoice.currency,
      method: input.method ?? null,
      reference: input.reference ?? null,
      paid_at: paidAt,
      created_at: now,
    };
    await repo.insertPayment(trx, row);
    await postPayment(trx, scope, row, updated, at); // the books, when accounting is on
    if (updated.status === 'paid') {
      await emitPaid(trx, scope, invoiceDto(updated, await lineItemsOf(trx, [updated.id])), at, row.id);
    }
    const dto = paymentDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getPayment(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<PaymentDto> {
  const row = await repo.findPayment(deps.db, scope, id);
  if (!row) throw notFound('payment');
  return paymentDto(row);
}

export async function listPayments(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: { invoice_id?: string }): Promise<PaymentDto[]> {
  return (await repo.listPayments(deps.db, scope, page, filter)).map(paymentDto);
}
