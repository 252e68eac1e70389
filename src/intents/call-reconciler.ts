import { RECONCILE_SKEW_MS } from '../carriers/carrier.js';
import { callDto } from '../calls/call-dto.js';
import { findCallByCarrierSid, findCallById, updateCall } from '../calls/call-repository.js';
import { finalizeCall, isTerminal } from '../calls/call-service.js';
import type { CarrierIntentsTable } from '../db/schema.js';
import { intentRef } from './intent-service.js';
import { isSettleable, type ReconcileDeps, type ReconcileResult } from './reconciler.js';
import { LostRace } from './sms-reconciler.js';

// An outbound call whose placement was never recorded: adopt the carrier's call (its SID on our
// record, the request's 201; one the gateway has already given up on is hung up there), or
// close ours as failed (never billed, the request's 502). A hang-up is simply asked again.

export async function reconcileCallPlace(deps: ReconcileDeps, intent: CarrierIntentsTable): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  const call = await findCallById(deps.db, intent.resource_id);
  if (!call || call.carrier_sid) {
    await deps.db.transaction().execute((trx) =>
      deps.intents.resolve(trx, ref, call ? { state: 'done', outcome: 'placed', carrierSid: call.carrier_sid, response: { status: 201, data: callDto(call) } } : { state: 'failed', outcome: 'refused' }),
    );
    return 'settled';
  }
  const dialer = deps.dialers[call.mode];
  const since = new Date(Date.parse(intent.created_at) - RECONCILE_SKEW_MS);
  const found =
    dialer.findPlaced && call.carrier === dialer.carrier
      ? await dialer.findPlaced(call, since, async (sid) => (await findCallByCarrierSid(deps.db, dialer.carrier, sid)) !== undefined)
      : null;
  if (found) {
    const adopted = { ...call, carrier_sid: found.sid };
    await deps.db.transaction().execute(async (trx) => {
      if (!(await deps.intents.resolve(trx, ref, { state: 'done', outcome: 'adopted', carrierSid: found.sid, response: { status: 201, data: callDto(adopted) } }))) throw new LostRace();
      await updateCall(trx, call.id, { carrier_sid: found.sid });
    });
    // Our side of it is over (closed by crash recovery): do not leave the carrier's leg up.
    if (isTerminal(call.status)) await dialer.hangUp(adopted).catch((err: unknown) => deps.log.warn({ err, call_id: call.id }, 'could not hang up an adopted call'));
    return 'settled';
  }
  if (dialer.findPlaced && call.carrier === dialer.carrier && !isSettleable(deps, intent)) return 'later';
  await finalizeCall(deps, call.id, { status: 'failed', durationSeconds: 0, source: 'gateway', endReason: 'not_placed' });
  const message = 'The gateway stopped before the carrier placed this call: it was not placed or charged.';
  const response = { status: 502, error: { code: 'carrier_error' as const, message, details: [{ error: 'carrier_error', call_id: call.id, outcome: 'not_placed' }] } };
  await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'failed', outcome: 'not_placed', response }));
  return 'settled';
}

export async function reconcileCallHangup(deps: ReconcileDeps, intent: CarrierIntentsTable): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  const call = await findCallById(deps.db, intent.resource_id);
  if (call?.carrier_sid && !isTerminal(call.status)) await deps.dialers[call.mode].hangUp(call); // idempotent at the carrier
  await deps.db.transaction().execute((trx) => deps.intents.resolve(trx, ref, { state: 'done', outcome: 'hung_up' }));
  return 'settled';
}
