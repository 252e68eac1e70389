import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { ApiError } from '../errors.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { type LedgerEntryDto, formatUsd, ledgerDto, post } from './ledger.js';
import { listLedger, readBalance } from './ledger-repository.js';

export interface CreditsDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export interface BalanceDto {
  balance_cents: number;
  currency: 'USD';
  livemode: boolean;
  prices: {
    number_monthly_cents: number;
    inbound_minute_cents: number;
    outbound_minute_cents: number;
    sms_segment_cents: number;
  };
}

export async function getBalance(deps: CreditsDeps, scope: Scope): Promise<BalanceDto> {
  const p = deps.config.prices;
  return {
    balance_cents: await readBalance(deps.db, scope),
    currency: 'USD',
    livemode: scope.mode === 'live',
    prices: {
      number_monthly_cents: p.numberCents,
      inbound_minute_cents: p.inboundMinuteCents,
      outbound_minute_cents: p.outboundMinuteCents,
      sms_segment_cents: p.smsSegmentCents,
    },
  };
}

/** Credits come in packs of $10.00 (seed 002). Test-mode credits are free play money. */
export async function purchase(
  deps: CreditsDeps,
  scope: Scope,
  amountCents: number,
  idempotency: IdempotencyHandle | null,
): Promise<LedgerEntryDto> {
  if (amountCents > deps.config.maxPurchaseCents) {
    throw new ApiError('validation_error', `amount_cents may be at most ${deps.config.maxPurchaseCents} per purchase`, [
      { field: 'amount_cents', error: 'too_large', received: amountCents },
    ]);
  }
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const entry = await post(trx, scope, { kind: 'purchase', amountCents, description: `Credit purchase of ${formatUsd(amountCents)}` }, at);
    await emitEvent(trx, scope, 'credits.purchased', { ...entry }, at);
    await idempotency?.saveInTx(trx, 201, entry);
    return entry;
  });
}

export async function ledger(deps: CreditsDeps, scope: Scope, page: PageRequest, filter: { kind?: string; relatedId?: string }) {
  const rows = await listLedger(deps.db, scope, page, filter);
  return rows.map(ledgerDto);
}
