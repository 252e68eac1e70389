import type { Executor } from '../db/database.js';
import { ApiError } from '../errors.js';
import type { Scope } from '../scope.js';
import { DEFAULT_REGION, type ParsedPhone, type PhoneContext, parsePhone } from './phone-number.js';

// The boundary between what a client typed and the E.164 numbers we store: routes and services
// call these first, so everything past them holds E.164 only.

/** How numbers are read for this scope: the workspace's default region; test mode's fiction range. */
export async function phoneContextOf(db: Executor, scope: Scope): Promise<PhoneContext> {
  const row = await db.selectFrom('workspaces').select('default_region').where('id', '=', scope.workspaceId).executeTakeFirst();
  return { defaultRegion: row?.default_region ?? DEFAULT_REGION, allowFictional: scope.mode === 'test' };
}

export interface PhoneInput {
  e164: string;
  extension?: string;
}

export const invalidPhone = (field: string, parsed: Extract<ParsedPhone, { ok: false }>, received: string) =>
  new ApiError('invalid_phone', `${field}: ${parsed.message}`, [{ field, error: 'invalid_phone', reason: parsed.reason, received }]);

/** E.164 (and the extension, when one was given), or a 422 `invalid_phone` naming `field`. */
export function requirePhone(raw: string, field: string, ctx: PhoneContext): PhoneInput {
  const parsed = parsePhone(raw, ctx);
  if (!parsed.ok) throw invalidPhone(field, parsed, raw);
  return parsed.extension ? { e164: parsed.e164, extension: parsed.extension } : { e164: parsed.e164 };
}

/** For numbers we dial or text: an extension cannot be reached that way, so it is refused. */
export function requireDialable(raw: string, field: string, ctx: PhoneContext): string {
  const phone = requirePhone(raw, field, ctx);
  if (phone.extension !== undefined) {
    throw new ApiError('invalid_phone', `${field}: ${JSON.stringify(raw)} has an extension (${phone.extension}); calls and SMS go to the number itself, without one.`, [
      { field, error: 'invalid_phone', reason: 'has_extension', received: raw },
    ]);
  }
  return phone.e164;
}
