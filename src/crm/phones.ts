// Phone numbers are read in one place, src/phones/; the CRM imports them from here.
export { E164_PATTERN, isE164, parsePhone, type ParsedPhone, type PhoneContext } from '../phones/phone-number.js';
export { invalidPhone, phoneContextOf, requirePhone } from '../phones/phone-input.js';
