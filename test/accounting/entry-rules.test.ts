import { describe, expect, it } from 'vitest';
import { checkLines } from '../../src/accounting/journal/entry-rules.js';
import type { AccountingAccountsTable } from '../../src/db/schema-books.js';

const acct = (id: string, archived = false): AccountingAccountsTable => ({
  id, workspace_id: 'ws', mode: 'test', code: id, name: id, type: 'asset', description: null, custom_fields: '{}', archived_at: archived ? 'x' : null, created_at: '', updated_at: '',
});
const accounts = new Map([['a', acct('a')], ['b', acct('b')], ['old', acct('old', true)]]);
const details = (lines: Parameters<typeof checkLines>[0]) => {
  try {
    checkLines(lines, accounts);
    return null;
  } catch (e) {
    return (e as { details: unknown[] }).details;
  }
};

describe('the double-entry rules', () => {
  it('accepts balanced lines, one side each, and totals the debits', () => {
    const ok = checkLines([{ account_id: 'a', debit_cents: 700 }, { account_id: 'b', credit_cents: 300 }, { account_id: 'b', credit_cents: 400 }], accounts);
    expect(ok.total).toBe(700);
    expect(ok.lines).toEqual([
      { account_id: 'a', debit_cents: 700, credit_cents: 0, description: null },
      { account_id: 'b', debit_cents: 0, credit_cents: 300, description: null },
      { account_id: 'b', debit_cents: 0, credit_cents: 400, description: null },
    ]);
  });

  it('names every problem at once; balance is judged only on otherwise valid lines', () => {
    expect(details([{ account_id: 'a', debit_cents: 5 }, { account_id: 'b', credit_cents: 4 }])).toEqual([
      { field: 'lines', error: 'unbalanced', debit_cents: 5, credit_cents: 4, difference_cents: 1 },
    ]);
    expect(details([{ account_id: 'a', debit_cents: 5, credit_cents: 5 }, { account_id: 'zz', credit_cents: 5 }, { account_id: 'old', debit_cents: 1 }, { account_id: 'b' }])).toEqual([
      expect.objectContaining({ field: 'lines.0', error: 'one_side_only' }),
      { field: 'lines.1.account_id', error: 'account_not_found', received: 'zz' },
      { field: 'lines.2.account_id', error: 'account_archived', received: 'old' },
      expect.objectContaining({ field: 'lines.3', error: 'amount_required' }),
    ]);
  });
});
