// Phone numbers are stored in E.164 so a caller's number finds its contact however it was typed.
// Numbers without a country code are taken as North American (+1), like the numbers we sell.

/** E.164: `+`, a non-zero country digit, 7-15 digits in all. */
export const E164_PATTERN = '^\\+[1-9][0-9]{6,14}$';
const E164_RE = new RegExp(E164_PATTERN);
export const isE164 = (value: string) => E164_RE.test(value);

export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
  if (trimmed.startsWith('00')) return digits.length >= 10 && digits.length <= 17 ? `+${digits.slice(2)}` : null;
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}
