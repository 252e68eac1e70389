import type { SmsMessagesTable } from '../db/schema.js';
import { CarrierError, type CarrierRecord, twilioOutcomeUnknown } from '../carriers/carrier.js';
import type { TwilioClient } from '../carriers/twilio/twilio-client.js';

// Where outbound SMS go: Twilio for live keys; for test keys nothing leaves the process (the
// simulator reports `sent` then `delivered`, and hands the message to a listening softphone).

export interface SmsSender {
  readonly carrier: 'twilio' | 'sim';
  /** Hands the message to the carrier; resolves with its id. Throws CarrierError. */
  send(message: SmsMessagesTable): Promise<string>;
  /**
   * Reconciliation: the carrier's record of this message if it accepted it, created no earlier
   * than `since` and not yet claimed by another of our rows; null when it has none. Throws
   * CarrierError when it cannot tell. A sender without it keeps no record outside the process
   * (the simulator): an unfinished send was never sent.
   */
  findSent?(message: SmsMessagesTable, since: Date, isClaimed: (sid: string) => Promise<boolean>): Promise<CarrierRecord | null>;
}

const LIST_PAGE_SIZE = 50;
const LIST_LIMIT = 500;

export class TwilioSmsSender implements SmsSender {
  readonly carrier = 'twilio' as const;
  constructor(
    private readonly client: TwilioClient | null,
    private readonly publicUrl: string,
  ) {}

  async send(m: SmsMessagesTable): Promise<string> {
    if (!this.client) throw new CarrierError('Live SMS need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN configured on the gateway.', 'not_configured');
    try {
      const sent = await this.client.messages.create({ to: m.to_number, from: m.from_number, body: m.body, statusCallback: `${this.publicUrl}/carrier/twilio/sms-status?sms_id=${encodeURIComponent(m.id)}` });
      return sent.sid;
    } catch (err) {
      const e = err as { message?: string; code?: number };
      throw new CarrierError(`Twilio could not send the message: ${e.message ?? String(err)}`, e.code, false, twilioOutcomeUnknown(err));
    }
  }

  // Twilio's Message resource does not return its status callback, so our `sms_id` cannot be
  // read back: a message is matched by sender, recipient and body, created after the intent
  // (less clock skew), oldest first and never one already recorded on another row. Identical
  // messages are interchangeable, so the count of adopted ones is right even if the pairing is not.
  async findSent(m: SmsMessagesTable, since: Date, isClaimed: (sid: string) => Promise<boolean>): Promise<CarrierRecord | null> {
    if (!this.client) throw new CarrierError('Live SMS need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN configured on the gateway.', 'not_configured');
    let listed;
    try {
      listed = await this.client.messages.list({ to: m.to_number, from: m.from_number, pageSize: LIST_PAGE_SIZE, limit: LIST_LIMIT });
    } catch (err) {
      const e = err as { message?: string; code?: number };
      throw new CarrierError(`Twilio could not list messages: ${e.message ?? String(err)}`, e.code, true);
    }
    const candidates = listed
      .filter((x) => x.body === m.body && (!x.dateCreated || x.dateCreated.getTime() >= since.getTime()))
      .sort((a, b) => (a.dateCreated?.getTime() ?? 0) - (b.dateCreated?.getTime() ?? 0));
    for (const c of candidates) {
      if (!(await isClaimed(c.sid))) return { sid: c.sid, status: c.status, createdAt: c.dateCreated ?? null };
    }
    return null;
  }
}
