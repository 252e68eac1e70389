import type { Trx } from '../db/database.js';
import type { AccountingAccountsTable, DefaultRole } from '../db/schema-books.js';
import type { InvoicesTable, PaymentsTable } from '../db/schema-crm.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { accountingEnabled } from './accounting-settings.js';
import * as accounts from './accounts/account-repository.js';
import { ROLE_TYPES } from './accounts/account-service.js';
import { findEntryBySource } from './journal/entry-repository.js';
import { reverseInTx, writeEntry } from './journal/entry-service.js';

// Invoices and payments post their own journal entries when the workspace has accounting on,
// inside the invoice's or payment's transaction: the entry exists exactly when the change does.
// Each posting has a unique source key, so a retried or replayed change can never post twice.
//   invoice issued:  Dr receivables / Cr revenue   (the invoice total)
//   invoice voided:  the reversal of the issue entry
//   payment:         Dr cash / Cr receivables      (the amount paid)

const PREFERRED: Record<DefaultRole, { code: string; name: string }> = {
  cash: { code: '1000', name: 'Cash' },
  receivables: { code: '1100', name: 'Accounts receivable' },
  revenue: { code: '4000', name: 'Revenue' },
};

/**
 * The account a role posts to. None yet: an open account with the role's usual code and type is
 * adopted (a chart that already has `4000 Services revenue`); otherwise one is opened under the
 * first free code from the usual one up.
 */
async function defaultAccount(trx: Trx, scope: Scope, role: DefaultRole, at: string): Promise<string> {
  const current = (await accounts.defaultsOf(trx, scope)).get(role);
  if (current) return current;
  const preferred = PREFERRED[role];
  const existing = await accounts.findAccountByCode(trx, scope, preferred.code);
  let id: string;
  if (existing && existing.type === ROLE_TYPES[role] && !existing.archived_at) {
    id = existing.id;
  } else {
    let code = preferred.code;
    for (let n = Number(preferred.code) + 1; await accounts.findAccountByCode(trx, scope, code); n++) code = String(n);
    const row: AccountingAccountsTable = {
      id: newId('acct'), workspace_id: scope.workspaceId, mode: scope.mode, code, name: preferred.name, type: ROLE_TYPES[role],
      description: `Opened automatically for ${role} postings.`, custom_fields: '{}', archived_at: null, created_at: at, updated_at: at,
    };
    await accounts.insertAccount(trx, row);
    id = row.id;
  }
  await accounts.setDefault(trx, scope, role, id);
  return id;
}

async function post(trx: Trx, scope: Scope, at: Date, p: { debit: DefaultRole; credit: DefaultRole; amount: number; currency: string; date: string; memo: string; source: { type: string; id: string; key: string } }) {
  if (p.amount <= 0) return;
  if (await findEntryBySource(trx, scope, p.source.key)) return;
  const now = at.toISOString();
  const debit = await defaultAccount(trx, scope, p.debit, now);
  const credit = await defaultAccount(trx, scope, p.credit, now);
  await writeEntry(
    trx,
    scope,
    {
      status: 'posted', entry_date: p.date, memo: p.memo, reference: null, currency: p.currency, total: p.amount, source: p.source,
      lines: [{ account_id: debit, debit_cents: p.amount, credit_cents: 0, description: null }, { account_id: credit, debit_cents: 0, credit_cents: p.amount, description: null }],
    },
    at,
  );
}

/** An invoice was issued (draft → sent, or created sent). */
export async function postInvoiceIssued(trx: Trx, scope: Scope, invoice: InvoicesTable, at: Date): Promise<void> {
  if (!(await accountingEnabled(trx, scope.workspaceId))) return;
  await post(trx, scope, at, {
    debit: 'receivables', credit: 'revenue', amount: invoice.total_cents, currency: invoice.currency, date: (invoice.sent_at ?? at.toISOString()).slice(0, 10),
    memo: `Invoice ${invoice.invoice_number} issued`, source: { type: 'invoice', id: invoice.id, key: `invoice:${invoice.id}:issued` },
  });
}

/** An issued invoice was voided: its issue entry (if it was posted) is reversed. */
export async function postInvoiceVoided(trx: Trx, scope: Scope, invoice: InvoicesTable, at: Date): Promise<void> {
  const issued = await findEntryBySource(trx, scope, `invoice:${invoice.id}:issued`);
  if (!issued || issued.reversed_by_id) return;
  await reverseInTx(trx, scope, issued, at, { memo: `Invoice ${invoice.invoice_number} voided`, source: { type: 'invoice', id: invoice.id, key: `invoice:${invoice.id}:void` } });
}

/** A payment was recorded against an invoice. */
export async function postPayment(trx: Trx, scope: Scope, payment: PaymentsTable, invoice: InvoicesTable, at: Date): Promise<void> {
  if (!(await accountingEnabled(trx, scope.workspaceId))) return;
  await post(trx, scope, at, {
    debit: 'cash', credit: 'receivables', amount: payment.amount_cents, currency: payment.currency, date: payment.paid_at.slice(0, 10),
    memo: `Payment for invoice ${invoice.invoice_number}${payment.reference ? ` (${payment.reference})` : ''}`, source: { type: 'payment', id: payment.id, key: `payment:${payment.id}` },
  });
}
