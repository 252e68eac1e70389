import type { FastifyBaseLogger } from 'fastify';

// Numbers and codes in Twilio's callbacks are input like any other: the signature proves the
// request came from Twilio, not that every field is sane (a proxy, a replayed or hand-built
// request signed with a leaked token, or a carrier bug). Each value is read here, by one rule
// per field; a value that breaks its rule is logged (with the call or SMS it belongs to and the
// raw text) and treated as unknown, never trusted. Callers decide what "unknown" means: for a
// call's duration, the gateway's own measurement stands.

export type CarrierRead<T> =
  | { state: 'absent' }
  | { state: 'ok'; value: T }
  | { state: 'refused'; raw: string };

interface IntRule {
  field: string;
  min: number;
  max: number;
}

/** Twilio caps a call at 24 hours (the `timeLimit` maximum). */
export const CALL_DURATION: IntRule = { field: 'CallDuration', min: 0, max: 86_400 };
/** Per-call callback counter: 0, 1, 2, ... A call has a handful of status changes. */
export const SEQUENCE_NUMBER: IntRule = { field: 'SequenceNumber', min: 0, max: 10_000 };
/** Twilio takes at most 1,600 characters per message: 24 segments of 67 UCS-2 units. */
export const NUM_SEGMENTS: IntRule = { field: 'NumSegments', min: 1, max: 24 };
/** Twilio's error codes are 5-digit numbers (30003 unreachable, 21610 opted out, ...). */
const ERROR_CODE_SHAPE = /^[1-9][0-9]{4}$/;
const MAX_ERROR_MESSAGE = 500;

export interface CarrierValueContext {
  log: FastifyBaseLogger;
  /** Whose callback it is, for the log line: `{ call_sid }`, `{ sms_id }`, ... */
  ids: Record<string, string | undefined>;
}

function refuse<T>(ctx: CarrierValueContext, field: string, raw: string, rule: string): CarrierRead<T> {
  ctx.log.warn({ ...ctx.ids, field, raw: raw.slice(0, 100), rule }, `refused a carrier value: ${field} must be ${rule}; treated as unknown`);
  return { state: 'refused', raw };
}

/** A whole number within the rule's bounds, written as plain digits ("0", "42"). */
export function readCarrierInt(params: Record<string, string | undefined>, rule: IntRule, ctx: CarrierValueContext): CarrierRead<number> {
  const raw = params[rule.field];
  if (raw === undefined || raw === '') return { state: 'absent' };
  const bounds = `a whole number from ${rule.min} to ${rule.max}`;
  if (!/^[0-9]{1,9}$/.test(raw)) return refuse(ctx, rule.field, raw, bounds);
  const value = Number(raw);
  if (value < rule.min || value > rule.max) return refuse(ctx, rule.field, raw, bounds);
  return { state: 'ok', value };
}

/** Twilio's numeric error code, kept as text; anything else is dropped. */
export function readErrorCode(params: Record<string, string | undefined>, ctx: CarrierValueContext): string | null {
  const raw = params.ErrorCode;
  if (raw === undefined || raw === '') return null;
  if (!ERROR_CODE_SHAPE.test(raw)) {
    refuse(ctx, 'ErrorCode', raw, 'a 5-digit Twilio error code');
    return null;
  }
  return raw;
}

/** A carrier's error text, bounded and stripped of control characters before it is stored. */
export function readErrorMessage(params: Record<string, string | undefined>): string | null {
  const raw = params.ErrorMessage;
  if (raw === undefined || raw === '') return null;
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_ERROR_MESSAGE);
}

/** The value when it was read cleanly, else null (absent or refused). */
export const valueOf = <T>(read: CarrierRead<T>): T | null => (read.state === 'ok' ? read.value : null);
