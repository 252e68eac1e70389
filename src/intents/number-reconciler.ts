import { ApiError, statusOf } from '../errors.js';
import type { CarrierIntentsTable } from '../db/schema.js';
import { findNumber } from '../numbers/number-repository.js';
import { buildNumberRow, markReleased, recordNumber, type CreateNumberInput } from '../numbers/number-service.js';
import { numberDto } from '../numbers/number-dto.js';
import { scopeOf } from '../scope.js';
import { idemKeyOf, intentRef, type IntentResponse } from './intent-service.js';
import { isSettleable, type ReconcileDeps, type ReconcileResult } from './reconciler.js';
import { LostRace } from './sms-reconciler.js';

// A number purchase never recorded. The carrier has no number under our friendly name: nothing
// was bought or charged. It has one and the request carried an Idempotency-Key: adopt it
// (record, charge the first month, `number.provisioned`), since the retry will collect it. It has
// one nobody can collect (no key, or the charge fails): release it. Releases are retried until
// the carrier confirms them, so no number is left bought and unrecorded.

export interface NumberBuyPayload {
  input: CreateNumberInput;
  friendly_name: string;
}

async function giveBack(deps: ReconcileDeps, intent: CarrierIntentsTable, carrierSid: string, response?: IntentResponse): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  if (intent.state !== 'release') await deps.intents.markForRelease(deps.db, ref, carrierSid, null);
  await deps.carrierFor(intent.mode).releaseNumber(carrierSid); // throws: stays `release`, retried
  await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'failed', outcome: 'released', carrierSid, response }));
  return 'settled';
}

export async function reconcileNumberBuy(deps: ReconcileDeps, intent: CarrierIntentsTable): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  const scope = scopeOf(intent);
  const recorded = await findNumber(deps.db, scope, intent.resource_id);
  if (recorded) {
    await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'done', outcome: 'bought', carrierSid: recorded.carrier_sid, response: { status: 201, data: numberDto(recorded) } }));
    return 'settled';
  }
  if (intent.state === 'release' && intent.carrier_sid) return giveBack(deps, intent, intent.carrier_sid);

  const payload = JSON.parse(intent.payload) as NumberBuyPayload;
  const carrier = deps.carrierFor(intent.mode);
  const found = carrier.findProvisioned ? await carrier.findProvisioned(payload.friendly_name) : null;
  if (!found) {
    if (carrier.findProvisioned && !isSettleable(deps, intent)) return 'later';
    const message = 'The gateway stopped before the carrier bought a number: nothing was bought or charged.';
    const response = { status: 502, error: { code: 'carrier_error' as const, message, details: [{ error: 'carrier_error', number_id: intent.resource_id, outcome: 'not_bought' }] } };
    await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'failed', outcome: 'not_bought', response }));
    return 'settled';
  }
  if (!idemKeyOf(intent)) return giveBack(deps, intent, found.carrierSid);

  const row = buildNumberRow(deps, scope, intent.resource_id, payload.input, { name: carrier.name, ...found });
  try {
    await deps.db.transaction().execute(async (trx) => {
      const dto = await recordNumber(trx, deps, scope, row);
      if (!(await deps.intents.resolve(trx, ref, { state: 'done', outcome: 'adopted', carrierSid: found.carrierSid, response: { status: 201, data: dto } }))) throw new LostRace();
    });
    return 'settled';
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // The balance cannot pay for it any more: the request's answer is that error, and the number goes back.
    return giveBack(deps, intent, found.carrierSid, { status: statusOf(err.code), error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
  }
}

export async function reconcileNumberRelease(deps: ReconcileDeps, intent: CarrierIntentsTable): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  const scope = scopeOf(intent);
  const row = await findNumber(deps.db, scope, intent.resource_id);
  if (!row || row.status === 'released') {
    await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'done', outcome: 'released' }));
    return 'settled';
  }
  // Releasing is idempotent at the carrier (404 counts as done): finish what was asked.
  if (row.carrier_sid) await deps.carrierFor(row.mode).releaseNumber(row.carrier_sid);
  const { reason } = JSON.parse(intent.payload) as { reason?: string };
  await markReleased(deps, scope, row, reason ?? 'requested', ref);
  return 'settled';
}
