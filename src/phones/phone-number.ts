import {
  type CountryCode,
  ParseError,
  type PhoneNumber,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';

// Every phone number a client, an agent or a carrier hands us is read here, with Google's
// libphonenumber metadata (the `max` set, which checks number ranges, not only lengths), so a
// number we store, dial or match is always the E.164 form libphonenumber agrees with.

/** E.164: `+`, a non-zero country digit, 7-15 digits in all. For values that are already ours. */
export const E164_PATTERN = '^\\+[1-9][0-9]{6,14}$';
const E164_RE = new RegExp(E164_PATTERN);
export const isE164 = (value: string) => E164_RE.test(value);

export const DEFAULT_REGION = 'US';

export type PhoneFailure = 'not_a_number' | 'invalid_country_code' | 'too_short' | 'too_long' | 'invalid_length' | 'invalid_for_region';

export type ParsedPhone =
  | { ok: true; e164: string; extension?: string; country?: string }
  | { ok: false; reason: PhoneFailure; message: string };

export interface PhoneContext {
  /** ISO 3166 alpha-2 region for numbers written without a country code (the workspace's). */
  defaultRegion: string;
  /**
   * Test mode: also accept NANP numbers in the 555-0100..0199 range set aside for fiction, under
   * any area code (the softphone's +1 555 555 0100, the example agent's transfer target). They
   * are possible but not valid numbers; no real carrier ever sees them.
   */
  allowFictional?: boolean;
  /**
   * For matching, not storing: also accept numbers that are possible but not valid (a caller ID
   * from a range newer than the metadata, a number stored before numbers were validated).
   */
  lenient?: boolean;
}

/** Whether `region` is an ISO 3166 alpha-2 code libphonenumber has metadata for. */
export const isSupportedRegion = (region: string): boolean => isSupportedCountry(region);

const MAX_INPUT = 100;
const FICTIONAL_NANP = /^[2-9]\d{2}55501\d{2}$/;

/** Reads `raw` as a phone number; never throws. */
export function parsePhone(raw: string, ctx: PhoneContext): ParsedPhone {
  const text = raw.trim();
  const region = (isSupportedCountry(ctx.defaultRegion) ? ctx.defaultRegion : DEFAULT_REGION) as CountryCode;
  if (text === '' || text.length > MAX_INPUT) return failure(text === '' ? 'not_a_number' : 'too_long', raw, region);
  let phone = tryParse(text, region);
  // 00 is the international prefix in most of the world (ITU-T E.164 recommends it), but not in
  // NANP (011) or Japan (010). No national number starts with 00 there, so a number written
  // `00 44 …` can only mean `+44 …`.
  if ((typeof phone === 'string' || !phone.isValid()) && /^(00|００|٠٠|۰۰)/.test(text)) {
    const international = tryParse(`+${text.slice(2)}`, region);
    if (typeof international !== 'string' && international.isValid()) phone = international;
  }
  if (typeof phone === 'string') return failure(phone, raw, region);
  const extension = phone.ext ? { extension: String(phone.ext) } : {};
  if (phone.isValid()) return { ok: true, e164: phone.number, ...extension, ...(phone.country ? { country: phone.country } : {}) };
  if ((ctx.lenient && phone.isPossible()) || (ctx.allowFictional && phone.countryCallingCode === '1' && FICTIONAL_NANP.test(phone.nationalNumber))) {
    return { ok: true, e164: phone.number, ...extension };
  }
  return invalid(phone, raw, region);
}

function tryParse(text: string, region: CountryCode): PhoneNumber | PhoneFailure {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: region });
  } catch (err) {
    if (err instanceof ParseError) return reasonOf(err.message);
    return 'not_a_number';
  }
}

function reasonOf(code: string | undefined): PhoneFailure {
  switch (code) {
    case 'INVALID_COUNTRY':
      return 'invalid_country_code';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    case 'INVALID_LENGTH':
      return 'invalid_length';
    default:
      return 'not_a_number';
  }
}

function failure(reason: PhoneFailure, raw: string, region: CountryCode): ParsedPhone {
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  const why: Record<PhoneFailure, string> = {
    not_a_number: 'it is not a phone number (expected digits, optionally with +, spaces, dashes, dots, parentheses and an extension)',
    invalid_country_code: `it has no valid country code (write it with +, e.g. +44 20 7946 0958, or as a ${region} number)`,
    too_short: 'it has too few digits',
    too_long: 'it has too many digits',
    invalid_length: 'it has the wrong number of digits',
    invalid_for_region: 'it is not a valid number',
  };
  return { ok: false, reason, message: `${shown} is not a valid phone number: ${why[reason]}.` };
}

/** Parsed but outside every range the country uses: say what is wrong, as precisely as we can. */
function invalid(phone: PhoneNumber, raw: string, region: CountryCode): ParsedPhone {
  const length = validatePhoneNumberLength(phone.number);
  if (length && length !== 'INVALID_COUNTRY' && length !== 'NOT_A_NUMBER') return failure(reasonOf(length), raw, region);
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (phone.countryCallingCode === '1') {
    const n = phone.nationalNumber;
    const area = n.slice(0, 3);
    const exchange = n.slice(3, 6);
    const why = /^[01]/.test(area)
      ? `area codes never start with ${area[0]}`
      : /^[01]/.test(exchange)
        ? `exchange codes never start with ${exchange[0]} (${exchange})`
        : n.length !== 10
          ? 'North American numbers have 10 digits after +1'
          : `${area} is not an area code in use, or ${area} ${exchange} is not a range in use`;
    return { ok: false, reason: 'invalid_for_region', message: `${shown} is not a valid North American (+1) number: ${why}.` };
  }
  const country = phone.country ?? phone.getPossibleCountries()[0];
  return {
    ok: false,
    reason: 'invalid_for_region',
    message: `${shown} is not a valid ${country ? `${country} ` : ''}number (+${phone.countryCallingCode}): no number range in use matches it.`,
  };
}
