import { Type } from '@sinclair/typebox';
import type { Executor } from '../db/database.js';
import type { Scope } from '../scope.js';
import * as accounts from './accounts/account-repository.js';

// The trial balance: every account's posted debits and credits in one currency. Every posted
// entry balances (checked when it is written), so the totals are equal and `balance_cents`, the
// sum of all account balances (debits − credits), is always zero.

export const TrialBalanceSchema = Type.Object(
  {
    currency: Type.String(),
    as_of: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Entries dated up to and including this day; null for all.' }),
    accounts: Type.Array(
      Type.Object({
        account_id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        type: Type.String(),
        debit_cents: Type.Integer({ description: 'Sum of posted debits.' }),
        credit_cents: Type.Integer({ description: 'Sum of posted credits.' }),
        balance_cents: Type.Integer({ description: 'debit_cents − credit_cents (positive: a debit balance).' }),
      }),
    ),
    total_debit_cents: Type.Integer(),
    total_credit_cents: Type.Integer(),
    balance_cents: Type.Integer({ description: 'total_debit_cents − total_credit_cents: always 0.' }),
    livemode: Type.Boolean(),
  },
  { $id: 'TrialBalance', title: 'TrialBalance' },
);

export const TrialBalanceQuery = Type.Object({
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' })),
  as_of: Type.Optional(Type.String({ format: 'date' })),
});

export async function trialBalance(db: Executor, scope: Scope, q: { currency?: string; as_of?: string }) {
  const currency = q.currency ?? 'USD';
  const sums = await accounts.postedSums(db, scope, { currency, asOf: q.as_of });
  const rows = await db
    .selectFrom('accounting_accounts')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .orderBy('code')
    .execute();
  const lines = rows
    .filter((a) => sums.has(a.id) || !a.archived_at)
    .map((a) => {
      const s = sums.get(a.id) ?? { debit: 0, credit: 0 };
      return { account_id: a.id, code: a.code, name: a.name, type: a.type, debit_cents: s.debit, credit_cents: s.credit, balance_cents: s.debit - s.credit };
    });
  const totalDebit = lines.reduce((n, l) => n + l.debit_cents, 0);
  const totalCredit = lines.reduce((n, l) => n + l.credit_cents, 0);
  return { currency, as_of: q.as_of ?? null, accounts: lines, total_debit_cents: totalDebit, total_credit_cents: totalCredit, balance_cents: totalDebit - totalCredit, livemode: scope.mode === 'live' };
}
