import { type Carrier, CarrierError, type ProvisionRequest, type ProvisionedNumber, twilioOutcomeUnknown } from '../carrier.js';
import type { TwilioClient } from './twilio-client.js';

// Live numbers: search a local number (by area code when given), buy it with its voice, SMS and
// status URLs pointed at this gateway, release it on DELETE. Every number is bought under the
// friendly name `agentline <num_ id>`, which is how reconciliation finds one after a crash.

interface TwilioRestError {
  status?: number;
  code?: number;
  message?: string;
}

/** `sideEffect`: the request could have changed something at Twilio (a buy, a release). */
function wrap(action: string, err: unknown, sideEffect = false): CarrierError {
  const e = err as TwilioRestError;
  const detail = e?.message ?? String(err);
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const retryable = e?.status === undefined || e.status >= 500 || e.status === 429;
  return new CarrierError(`Twilio could not ${action}: ${detail}`, code, retryable, sideEffect && twilioOutcomeUnknown(err));
}

/** Reconciliation lists are bounded: a friendly name matches at most a handful of numbers. */
const LIST_PAGE_SIZE = 20;
const LIST_LIMIT = 100;

export class TwilioCarrier implements Carrier {
  readonly name = 'twilio' as const;

  constructor(private readonly client: TwilioClient | null) {}

  private get api(): TwilioClient {
    if (!this.client) {
      throw new CarrierError('Live keys need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN configured on the gateway.', 'not_configured');
    }
    return this.client;
  }

  async provisionNumber(request: ProvisionRequest): Promise<ProvisionedNumber> {
    const api = this.api;
    let candidates: { phoneNumber: string }[];
    try {
      candidates = await api.availablePhoneNumbers('US').local.list({
        ...(request.areaCode ? { areaCode: Number(request.areaCode) } : {}),
        voiceEnabled: true,
        smsEnabled: true,
        limit: 5,
      });
    } catch (err) {
      throw wrap('search for available numbers', err);
    }
    if (candidates.length === 0) {
      throw new CarrierError(
        request.areaCode ? `No numbers are available in area code ${request.areaCode}.` : 'No numbers are available.',
        'no_numbers_available',
      );
    }
    let lastError: unknown;
    // Someone else may buy a listed number first (21422/21452); try the next one.
    for (const candidate of candidates.slice(0, 3)) {
      try {
        const bought = await api.incomingPhoneNumbers.create({
          phoneNumber: candidate.phoneNumber,
          friendlyName: request.friendlyName,
          voiceUrl: request.voiceUrl,
          voiceMethod: 'POST',
          smsUrl: request.smsUrl,
          smsMethod: 'POST',
          statusCallback: request.statusCallbackUrl,
          statusCallbackMethod: 'POST',
        });
        return { phoneNumber: bought.phoneNumber, carrierSid: bought.sid };
      } catch (err) {
        lastError = err;
        const code = (err as TwilioRestError).code;
        if (code !== 21422 && code !== 21452) break;
      }
    }
    throw wrap('buy a number', lastError, true);
  }

  async findProvisioned(friendlyName: string): Promise<ProvisionedNumber | null> {
    let found;
    try {
      // The SDK follows next_page_uri until `limit`; the client's timeout bounds each page.
      found = await this.api.incomingPhoneNumbers.list({ friendlyName, pageSize: LIST_PAGE_SIZE, limit: LIST_LIMIT });
    } catch (err) {
      throw wrap('list numbers', err);
    }
    const match = found.find((n) => n.friendlyName === friendlyName);
    return match ? { phoneNumber: match.phoneNumber, carrierSid: match.sid } : null;
  }

  async releaseNumber(carrierSid: string): Promise<void> {
    try {
      await this.api.incomingPhoneNumbers(carrierSid).remove();
    } catch (err) {
      if ((err as TwilioRestError).status === 404) return; // already gone at the carrier
      throw wrap('release the number', err, true);
    }
  }
}
