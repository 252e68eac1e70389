import { RECONCILE_SKEW_MS } from '../carriers/carrier.js';
import { post } from '../credits/ledger.js';
import type { CarrierIntentsTable, SmsMessagesTable, SmsStatus } from '../db/schema.js';
import { emitEvent } from '../events/event-writer.js';
import { scopeOf } from '../scope.js';
import { smsDto } from '../sms/sms-dto.js';
import { findSmsByCarrierSid, findSmsById, updateSms } from '../sms/sms-repository.js';
import { intentRef } from './intent-service.js';
import { isSettleable, type ReconcileDeps, type ReconcileResult } from './reconciler.js';

// An SMS whose send was never recorded: the carrier sent it (adopt its SID, `sms.sent`, the
// request's 201) or it did not (failed, refunded, `sms.failed`, the request's 502). Each outcome
// commits in one transaction with the intent's resolution, so it happens once.

/** Carrier statuses that move a freshly adopted message forward; later reports come by callback. */
const ADOPTABLE: SmsStatus[] = ['sending', 'sent', 'delivered'];

export class LostRace extends Error {
  constructor() {
    super('the intent was resolved by someone else');
  }
}

export async function reconcileSmsSend(deps: ReconcileDeps, intent: CarrierIntentsTable): Promise<ReconcileResult> {
  const ref = intentRef(intent.kind, intent.resource_id);
  const m = await findSmsById(deps.db, intent.resource_id);
  if (!m || m.carrier_sid || m.status === 'failed') {
    // Already settled by the request itself (recorded, or refused and refunded).
    await deps.db.transaction().execute((trx) =>
      deps.intents.resolve(trx, ref, m?.carrier_sid ? { state: 'done', outcome: 'sent', carrierSid: m.carrier_sid, response: { status: 201, data: smsDto(m) } } : { state: 'failed', outcome: 'refused' }),
    );
    return 'settled';
  }
  const sender = deps.senders[m.mode];
  const since = new Date(Date.parse(intent.created_at) - RECONCILE_SKEW_MS);
  const found = sender.findSent ? await sender.findSent(m, since, async (sid) => (await findSmsByCarrierSid(deps.db, sender.carrier, sid)) !== undefined) : null;
  const at = deps.clock.now();
  if (found) {
    await deps.db.transaction().execute(async (trx) => {
      const status = ADOPTABLE.includes(found.status as SmsStatus) ? (found.status as SmsStatus) : m.status;
      const next: SmsMessagesTable = { ...m, carrier_sid: found.sid, status, updated_at: at.toISOString() };
      if (!(await deps.intents.resolve(trx, ref, { state: 'done', outcome: 'adopted', carrierSid: found.sid, response: { status: 201, data: smsDto(next) } }))) throw new LostRace();
      await updateSms(trx, m.id, { carrier_sid: found.sid, status, updated_at: next.updated_at });
      await emitEvent(trx, scopeOf(m), 'sms.sent', { ...smsDto(next) }, at);
    });
    return 'settled';
  }
  if (sender.findSent && !isSettleable(deps, intent)) return 'later';
  const message = 'The gateway stopped before the carrier accepted this message: it was not sent, and its charge was refunded.';
  await deps.db.transaction().execute(async (trx) => {
    const next: SmsMessagesTable = { ...m, status: 'failed', error_code: 'not_sent', error_message: message, refunded: 1, updated_at: at.toISOString() };
    const response = { status: 502, error: { code: 'carrier_error' as const, message, details: [{ error: 'carrier_error', sms_id: m.id, outcome: 'refunded' }] } };
    if (!(await deps.intents.resolve(trx, ref, { state: 'failed', outcome: 'refunded', response }))) throw new LostRace();
    if (!m.refunded && m.cost_cents > 0) {
      await post(trx, scopeOf(m), { kind: 'refund', amountCents: m.cost_cents, description: `SMS ${m.id} not sent: refunded`, related: { type: 'sms', id: m.id } }, at);
    }
    await updateSms(trx, m.id, { status: 'failed', error_code: next.error_code, error_message: message, refunded: 1, updated_at: next.updated_at });
    await emitEvent(trx, scopeOf(m), 'sms.failed', { ...smsDto(next) }, at);
  });
  return 'settled';
}
