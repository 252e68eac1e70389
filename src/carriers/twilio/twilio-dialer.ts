import type { CallStatus, CallsTable, NumbersTable } from '../../db/schema.js';
import type { CarrierCallState, Dialer } from '../../calls/dialer.js';
import { CarrierError, type CarrierRecord, twilioOutcomeUnknown } from '../carrier.js';
import type { TwilioClient } from './twilio-client.js';

// Outbound calls through the `twilio` SDK. The answer URL carries our call id, so the voice
// webhook finds the record even if Twilio answers before calls.create has returned.

const STATUSES: CallStatus[] = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'];

export class TwilioDialer implements Dialer {
  readonly carrier = 'twilio' as const;

  constructor(
    private readonly client: TwilioClient | null,
    private readonly publicUrl: string,
  ) {}

  private get api(): TwilioClient {
    if (!this.client) throw new CarrierError('Live calls need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN configured on the gateway.', 'not_configured');
    return this.client;
  }

  async dial(call: CallsTable, number: NumbersTable, opts: { timeLimitSeconds: number }): Promise<string> {
    try {
      const created = await this.api.calls.create({
        to: call.to_number,
        from: number.phone_number,
        url: `${this.publicUrl}/carrier/twilio/voice?call_id=${encodeURIComponent(call.id)}`,
        method: 'POST',
        statusCallback: `${this.publicUrl}/carrier/twilio/status`,
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        statusCallbackMethod: 'POST',
        // A safety net under the minute meter: the carrier itself stops what credits cannot pay.
        timeLimit: Math.max(60, opts.timeLimitSeconds),
      });
      return created.sid;
    } catch (err) {
      const e = err as { message?: string; code?: number };
      throw new CarrierError(`Twilio could not place the call: ${e.message ?? String(err)}`, e.code, false, twilioOutcomeUnknown(err));
    }
  }

  async hangUp(call: CallsTable): Promise<void> {
    if (!call.carrier_sid) return;
    try {
      await this.api.calls(call.carrier_sid).update({ status: 'completed' });
    } catch (err) {
      const e = err as { status?: number; code?: number; message?: string };
      if (e.status === 404 || e.code === 21220) return; // already over
      throw new CarrierError(`Twilio could not hang up: ${e.message ?? String(err)}`, e.code, false, twilioOutcomeUnknown(err));
    }
  }

  // The Call resource does not return its answer URL, so our `call_id` cannot be read back: a
  // call is matched by its two numbers, created after the intent (less clock skew), oldest
  // first and never one already recorded on another call.
  async findPlaced(call: CallsTable, since: Date, isClaimed: (sid: string) => Promise<boolean>): Promise<CarrierRecord | null> {
    let listed;
    try {
      listed = await this.api.calls.list({ to: call.to_number, from: call.from_number, pageSize: 50, limit: 500 });
    } catch (err) {
      const e = err as { message?: string; code?: number };
      throw new CarrierError(`Twilio could not list calls: ${e.message ?? String(err)}`, e.code, true);
    }
    const candidates = listed
      .filter((c) => !c.dateCreated || c.dateCreated.getTime() >= since.getTime())
      .sort((a, b) => (a.dateCreated?.getTime() ?? 0) - (b.dateCreated?.getTime() ?? 0));
    for (const c of candidates) {
      if (!(await isClaimed(c.sid))) return { sid: c.sid, status: c.status, createdAt: c.dateCreated ?? null };
    }
    return null;
  }

  async fetch(call: CallsTable): Promise<CarrierCallState | null> {
    if (!call.carrier_sid) return null;
    try {
      const c = await this.api.calls(call.carrier_sid).fetch();
      const status = STATUSES.includes(c.status as CallStatus) ? (c.status as CallStatus) : 'in-progress';
      return { status, durationSeconds: c.duration === null || c.duration === undefined ? null : Number(c.duration) };
    } catch {
      return null;
    }
  }
}
