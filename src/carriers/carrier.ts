import { ApiError } from '../errors.js';

// The carrier seam. Live keys talk to Twilio; test keys talk to the simulated carrier, which
// never leaves the process. Services only see this interface.

export interface ProvisionRequest {
  /** Three-digit North American area code; the carrier picks any local number when absent. */
  areaCode?: string;
  friendlyName: string;
  /** Where the carrier sends inbound calls, SMS and call status callbacks. */
  voiceUrl: string;
  smsUrl: string;
  statusCallbackUrl: string;
}

export interface ProvisionedNumber {
  phoneNumber: string;
  carrierSid: string;
}

export interface Carrier {
  readonly name: 'sim' | 'twilio';
  provisionNumber(request: ProvisionRequest): Promise<ProvisionedNumber>;
  releaseNumber(carrierSid: string): Promise<void>;
  /**
   * Reconciliation: the number bought under this friendly name, if the carrier holds one; null
   * when it holds none. Throws CarrierError when it cannot tell. A carrier without it keeps no
   * record outside our database.
   */
  findProvisioned?(friendlyName: string): Promise<ProvisionedNumber | null>;
}

/** Anything that went wrong at the carrier; routes answer 502 carrier_error. */
export class CarrierError extends Error {
  constructor(
    message: string,
    readonly carrierCode?: number | string,
    readonly retryable = false,
    /**
     * The carrier may have acted although the call failed (a timeout, a dropped connection, a
     * 5xx): the intent stays open and the reconciler asks the carrier what happened.
     */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'CarrierError';
  }
}

/** Twilio answered with a 4xx: it refused, nothing happened. Anything else may have acted. */
export function twilioOutcomeUnknown(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status >= 500;
}

/** A record the carrier holds, as the reconcilers see it. */
export interface CarrierRecord {
  sid: string;
  status: string;
  createdAt: Date | null;
}

/** How far back a reconciler looks for a record before its intent was written (clock skew). */
export const RECONCILE_SKEW_MS = 5 * 60_000;

/**
 * The API's answer to a carrier failure: 502 carrier_error with the carrier's own message and
 * code when it gave them, plus any `extra` detail (e.g. the id of the record the failure left).
 */
export function carrierFailure(err: unknown, fallback: string, extra: Record<string, unknown> = {}): ApiError {
  const known = err instanceof CarrierError;
  const detail = { ...(known && err.carrierCode !== undefined ? { carrier_code: err.carrierCode } : {}), ...extra };
  return new ApiError('carrier_error', known ? err.message : fallback, Object.keys(detail).length ? [{ error: 'carrier_error', ...detail }] : undefined);
}

/** The carrier URLs of this gateway, under PUBLIC_URL (see ../http/app.ts for the routes). */
export function carrierUrls(publicUrl: string) {
  return {
    voiceUrl: `${publicUrl}/carrier/twilio/voice`,
    smsUrl: `${publicUrl}/carrier/twilio/sms`,
    statusCallbackUrl: `${publicUrl}/carrier/twilio/status`,
  };
}
