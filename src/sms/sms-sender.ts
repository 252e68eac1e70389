import type { SmsMessagesTable } from '../db/schema.js';
import { CarrierError } from '../carriers/carrier.js';
import type { TwilioClient } from '../carriers/twilio/twilio-client.js';

// Where outbound SMS go: Twilio for live keys; for test keys nothing leaves the process (the
// simulator reports `sent` then `delivered`, and hands the message to a listening softphone).

export interface SmsSender {
  readonly carrier: 'twilio' | 'sim';
  /** Hands the message to the carrier; resolves with its id. Throws CarrierError. */
  send(message: SmsMessagesTable): Promise<string>;
}

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
      throw new CarrierError(`Twilio could not send the message: ${e.message ?? String(err)}`, e.code);
    }
  }
}
