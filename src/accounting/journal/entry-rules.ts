import type { AccountingAccountsTable } from '../../db/schema-books.js';
import { ApiError, type ErrorDetail } from '../../errors.js';
import type { LineInput } from './entry-schemas.js';

// The double-entry rules, checked before anything is written: every line on one side only, with
// positive integer cents, on an open account of this workspace; the debits equal the credits.
// All problems are reported at once (422), each naming its line.

export interface CheckedLine {
  account_id: string;
  debit_cents: number;
  credit_cents: number;
  description: string | null;
}

export function checkLines(lines: LineInput[], accounts: Map<string, AccountingAccountsTable>): { lines: CheckedLine[]; total: number } {
  const details: ErrorDetail[] = [];
  let debits = 0;
  let credits = 0;
  const checked = lines.map((l, i) => {
    const field = `lines.${i}`;
    const debit = l.debit_cents ?? 0;
    const credit = l.credit_cents ?? 0;
    if (debit > 0 && credit > 0) details.push({ field, error: 'one_side_only', message: 'A line is a debit or a credit, not both.' });
    if (debit === 0 && credit === 0) details.push({ field, error: 'amount_required', message: 'Give debit_cents or credit_cents.' });
    const account = accounts.get(l.account_id);
    if (!account) details.push({ field: `${field}.account_id`, error: 'account_not_found', received: l.account_id });
    else if (account.archived_at) details.push({ field: `${field}.account_id`, error: 'account_archived', received: l.account_id });
    debits += debit;
    credits += credit;
    return { account_id: l.account_id, debit_cents: debit, credit_cents: credit, description: l.description ?? null };
  });
  if (details.length === 0 && debits !== credits) {
    details.push({ field: 'lines', error: 'unbalanced', debit_cents: debits, credit_cents: credits, difference_cents: debits - credits });
  }
  if (details.length === 0 && !Number.isSafeInteger(debits)) details.push({ field: 'lines', error: 'total_too_large' });
  if (details.length > 0) {
    const first = details[0]!;
    const message =
      first.error === 'unbalanced'
        ? `The entry does not balance: debits ${debits} cents, credits ${credits} cents.`
        : first.error === 'account_not_found'
          ? `${first.field}: no such account in this workspace.`
          : first.error === 'account_archived'
            ? `${first.field}: the account is archived.`
            : `${first.field}: ${String(first.message ?? first.error)}`;
    throw new ApiError('validation_error', message, details);
  }
  return { lines: checked, total: debits };
}
