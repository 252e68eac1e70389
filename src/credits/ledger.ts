import type { Trx } from '../db/database.js';
import type { LedgerEntriesTable } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { applyToBalance, insertLedgerEntry } from './ledger-repository.js';
import { emitEvent } from '../events/event-writer.js';

// Every movement of credits goes through `post`: it appends one ledger entry and moves the
// cached balance in the caller's transaction, refusing (402) anything that would go below zero.

export const LEDGER_KINDS = ['purchase', 'number_fee', 'call_minutes', 'sms', 'refund', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface RelatedResource {
  type: string;
  id: string;
}

export interface LedgerEntryDto {
  id: string;
  kind: string;
  amount_cents: number;
  balance_after_cents: number;
  currency: 'USD';
  description: string;
  related_resource: RelatedResource | null;
  livemode: boolean;
  created_at: string;
}

export const ledgerDto = (row: LedgerEntriesTable): LedgerEntryDto => ({
  id: row.id,
  kind: row.kind,
  amount_cents: row.amount_cents,
  balance_after_cents: row.balance_after_cents,
  currency: 'USD',
  description: row.description,
  related_resource: row.related_type && row.related_id ? { type: row.related_type, id: row.related_id } : null,
  livemode: row.mode === 'live',
  created_at: row.created_at,
});

export async function post(
  trx: Trx,
  scope: Scope,
  entry: { kind: LedgerKind; amountCents: number; description: string; related?: RelatedResource },
  at: Date,
  /** Debits that take the balance from at-or-above this to below it emit `credits.low`. */
  lowBalanceCents?: number,
): Promise<LedgerEntryDto> {
  if (!Number.isSafeInteger(entry.amountCents)) throw new Error(`ledger amount must be an integer: ${entry.amountCents}`);
  const atIso = at.toISOString();
  const balanceAfter = await applyToBalance(trx, scope, entry.amountCents, atIso);
  if (balanceAfter === null) {
    throw new ApiError(
      'insufficient_credits',
      `This costs ${formatUsd(-entry.amountCents)} and your balance cannot cover it. Buy credits with POST /v1/credits/purchase.`,
      [{ error: 'insufficient_credits', required_cents: -entry.amountCents }],
    );
  }
  const row: LedgerEntriesTable = {
    id: newId('led'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    kind: entry.kind,
    amount_cents: entry.amountCents,
    balance_after_cents: balanceAfter,
    description: entry.description,
    related_type: entry.related?.type ?? null,
    related_id: entry.related?.id ?? null,
    created_at: atIso,
  };
  await insertLedgerEntry(trx, row);
  const before = balanceAfter - entry.amountCents;
  // Once per crossing: only the debit that crosses the line reports it, not every one below it.
  if (lowBalanceCents !== undefined && entry.amountCents < 0 && before >= lowBalanceCents && balanceAfter < lowBalanceCents) {
    await emitEvent(trx, scope, 'credits.low', { balance_cents: balanceAfter, threshold_cents: lowBalanceCents, currency: 'USD', ledger_entry_id: row.id }, at);
  }
  return ledgerDto(row);
}

export const formatUsd = (cents: number) => `$${(cents / 100).toFixed(2)}`;
