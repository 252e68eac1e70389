import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/phones/phone-number.js';

// The corpus: what people, agents and old clients type. Each row is checked against
// libphonenumber-js itself (same input, same default region) and against the E.164 we expect,
// written by hand. `differs` marks the few rows where we deliberately go further than
// libphonenumber, with the reason.

type Row = {
  raw: string;
  region?: string;
  /** The E.164 we store, or the reason we refuse. */
  want: string;
  ext?: string;
  /** Why we accept what libphonenumber alone (with this default region) would not. */
  differs?: string;
  fictional?: true;
};

const INVALID = (reason: string) => `!${reason}`;

const ROWS: Row[] = [
  // US, every common way of writing it
  { raw: '+14155552671', want: '+14155552671' },
  { raw: '+1 415 555 2671', want: '+14155552671' },
  { raw: '+1 (415) 555-2671', want: '+14155552671' },
  { raw: '(415) 555-2671', want: '+14155552671' },
  { raw: '415-555-2671', want: '+14155552671' },
  { raw: '415.555.2671', want: '+14155552671' },
  { raw: '415 555 2671', want: '+14155552671' },
  { raw: '4155552671', want: '+14155552671' },
  { raw: '14155552671', want: '+14155552671' },
  { raw: '1-415-555-2671', want: '+14155552671' },
  { raw: '1 (415) 555-2671', want: '+14155552671' },
  { raw: '  +1 415 555 2671  ', want: '+14155552671' },
  { raw: '+1-212-555-0199', want: '+12125550199' },
  { raw: '(212) 555-0100', want: '+12125550100' },
  { raw: '+1 800 555 1212', want: '+18005551212' },
  { raw: '+1 647 555 0100', want: '+16475550100' },
  { raw: '+1 604 555 0100', region: 'CA', want: '+16045550100' },
  // invalid NANP numbers that used to be accepted
  { raw: '+1 555 555 5555', want: INVALID('invalid_for_region') },
  { raw: '+1 123 456 7890', want: INVALID('invalid_for_region') },
  { raw: '123-456-7890', want: INVALID('invalid_for_region') },
  { raw: '+1 415 123 4567', want: INVALID('invalid_for_region') },
  { raw: '+1 415 055 2671', want: INVALID('invalid_for_region') },
  { raw: '+1 023 555 2671', want: INVALID('invalid_for_region') },
  { raw: '+15551234567', want: INVALID('invalid_for_region') },
  { raw: '1 415 555 26711', want: INVALID('too_long') },
  { raw: '+1 415 555 267', want: INVALID('too_short') },
  { raw: '415 555 267', want: INVALID('too_short') },
  { raw: '55512345678', want: INVALID('too_long') },
  // the national trunk prefix written inside an international number
  { raw: '+44 (0)20 7946 0958', want: '+442079460958' },
  { raw: '+44 (0) 20 7946 0958', want: '+442079460958' },
  { raw: '+4402079460958', want: '+442079460958' },
  { raw: '+49 (0)30 901820', want: '+4930901820' },
  // national numbers in a workspace of that region
  { raw: '020 7946 0958', region: 'GB', want: '+442079460958' },
  { raw: '07911 123456', region: 'GB', want: '+447911123456' },
  { raw: '07700 900123', region: 'GB', want: INVALID('invalid_for_region') }, // Ofcom's drama range: never assigned
  { raw: '030 901820', region: 'DE', want: '+4930901820' },
  { raw: '01 42 68 53 00', region: 'FR', want: '+33142685300' },
  { raw: '098765 43210', region: 'IN', want: '+919876543210' },
  { raw: '03-1234-5678', region: 'JP', want: '+81312345678' },
  { raw: '020 7946 0958', want: INVALID('too_long') }, // a GB number read as a US one
  // international numbers
  { raw: '+44 20 7946 0958', want: '+442079460958' },
  { raw: '+44 7911 123456', want: '+447911123456' },
  { raw: '+49 30 901820', want: '+4930901820' },
  { raw: '+33 1 42 68 53 00', want: '+33142685300' },
  { raw: '+91 98765 43210', want: '+919876543210' },
  { raw: '+81 3-1234-5678', want: '+81312345678' },
  { raw: '+61 2 9374 4000', want: '+61293744000' },
  { raw: '+999 123 4567', want: INVALID('invalid_country_code') },
  { raw: '+44 20 7946', want: INVALID('too_short') },
  // international prefixes
  { raw: '011 44 20 7946 0958', want: '+442079460958' },
  { raw: '011 49 30 901820', want: '+4930901820' },
  { raw: '0044 20 7946 0958', region: 'GB', want: '+442079460958' },
  { raw: '00 49 30 901820', region: 'FR', want: '+4930901820' },
  { raw: '0044 20 7946 0958', want: '+442079460958', differs: '00 is the international prefix almost everywhere; no NANP number starts with 0' },
  { raw: '001 415 555 2671', want: '+14155552671', differs: '00 then the +1 country code' },
  // extensions
  { raw: '(415) 555-2671 ext. 12', want: '+14155552671', ext: '12' },
  { raw: '415-555-2671 x12', want: '+14155552671', ext: '12' },
  { raw: '+14155552671;ext=12', want: '+14155552671', ext: '12' },
  { raw: '+1 415 555 2671 extension 345', want: '+14155552671', ext: '345' },
  { raw: '415 555 2671 #12', want: '+14155552671', ext: '12' },
  { raw: '+44 20 7946 0958 ext 7', want: '+442079460958', ext: '7' },
  // other digit scripts
  { raw: '＋１ ４１５ ５５５ ２６７１', want: '+14155552671' },
  { raw: '（４１５）５５５－２６７１', want: '+14155552671' },
  { raw: '٤١٥٥٥٥٢٦٧١', want: '+14155552671' },
  { raw: '+١ ٤١٥ ٥٥٥ ٢٦٧١', want: '+14155552671' },
  { raw: '۴۱۵۵۵۵۲۶۷۱', want: '+14155552671' },
  { raw: '+44 ٢٠ ٧٩٤٦ ٠٩٥٨', want: '+442079460958' },
  // not numbers at all
  { raw: 'call me maybe', want: INVALID('not_a_number') },
  { raw: 'anonymous', want: INVALID('not_a_number') },
  { raw: '', want: INVALID('not_a_number') },
  { raw: '   ', want: INVALID('not_a_number') },
  { raw: '+', want: INVALID('not_a_number') },
  { raw: '12', want: INVALID('too_short') },
  { raw: '123', want: INVALID('too_short') },
  { raw: '555-1234', want: INVALID('too_short') },
  { raw: '+1 415 555 abcd', want: INVALID('too_short') },
  { raw: '+1234567890123456789', want: INVALID('too_long') },
  { raw: '9'.repeat(30), want: INVALID('too_long') },
  { raw: '+1 415 555 2671'.repeat(10), want: INVALID('too_long') },
];

// Test mode's fiction range: possible, not valid, accepted only with allowFictional.
const FICTIONAL: Row[] = [
  { raw: '+1 555 555 0100', want: '+15555550100', fictional: true, differs: 'the 555-01XX fiction range, test mode only' },
  { raw: '+15555550199', want: '+15555550199', fictional: true, differs: 'the 555-01XX fiction range, test mode only' },
  { raw: '+1 555 555 5555', want: INVALID('invalid_for_region'), fictional: true },
  { raw: '+1 555 555 0200', want: INVALID('invalid_for_region'), fictional: true },
];

function libphonenumber(raw: string, region: string): { e164: string; ext?: string } | null {
  try {
    const p = parsePhoneNumberWithError(raw, { defaultCountry: region as CountryCode });
    return p.isValid() ? { e164: p.number, ...(p.ext ? { ext: p.ext } : {}) } : null;
  } catch {
    return null;
  }
}

describe('parsePhone', () => {
  it('has a corpus of more than 61 inputs', () => {
    expect(ROWS.length + FICTIONAL.length).toBeGreaterThanOrEqual(61);
  });

  for (const row of [...ROWS, ...FICTIONAL]) {
    const region = row.region ?? 'US';
    it(`${JSON.stringify(row.raw)} in ${region}${row.fictional ? ' (test mode)' : ''}`, () => {
      const ours = parsePhone(row.raw, { defaultRegion: region, allowFictional: row.fictional });
      if (row.want.startsWith('!')) {
        expect(ours).toMatchObject({ ok: false, reason: row.want.slice(1) });
        if (!ours.ok) expect(ours.message).toMatch(/is not a valid/);
      } else {
        expect(ours).toMatchObject({ ok: true, e164: row.want });
        expect(ours.ok && ours.extension).toBe(row.ext ?? undefined);
      }
      // Against libphonenumber-js itself: the same answer, except where we say why not.
      const theirs = libphonenumber(row.raw, region);
      const accepted = ours.ok ? { e164: ours.e164, ...(ours.extension ? { ext: ours.extension } : {}) } : null;
      if (row.differs) expect(theirs).not.toEqual(accepted);
      else expect(accepted).toEqual(theirs);
    });
  }

  it('refuses the fiction range outside test mode', () => {
    expect(parsePhone('+1 555 555 0100', { defaultRegion: 'US' })).toMatchObject({ ok: false, reason: 'invalid_for_region' });
  });

  it('says why a NANP number is refused', () => {
    expect(parsePhone('+1 555 555 5555', { defaultRegion: 'US' })).toMatchObject({ message: expect.stringContaining('555 is not an area code in use') });
    expect(parsePhone('+1 123 456 7890', { defaultRegion: 'US' })).toMatchObject({ message: expect.stringContaining('area codes never start with 1') });
    expect(parsePhone('+1 415 123 4567', { defaultRegion: 'US' })).toMatchObject({ message: expect.stringContaining('exchange codes never start with 1') });
  });

  it('reads leniently for matching: a possible number that is not valid', () => {
    expect(parsePhone('+15551234567', { defaultRegion: 'US', lenient: true })).toMatchObject({ ok: true, e164: '+15551234567' });
    expect(parsePhone('12', { defaultRegion: 'US', lenient: true })).toMatchObject({ ok: false, reason: 'too_short' });
  });

  it('falls back to US for a region it does not know', () => {
    expect(parsePhone('(415) 555-2671', { defaultRegion: 'ZZ' })).toMatchObject({ ok: true, e164: '+14155552671' });
  });
});
