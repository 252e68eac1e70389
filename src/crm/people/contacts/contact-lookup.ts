import type { Executor } from '../../../db/database.js';
import type { ContactsTable } from '../../../db/schema-crm.js';
import type { Scope } from '../../../scope.js';
import { parsePhone, phoneContextOf } from '../../phones.js';
import { findContactsByPhone } from './contact-repository.js';

// Caller matching for the telephony side: a call's or SMS's counterpart number -> its contact.

export { contactDto, type ContactDto } from './contact-dto.js';

/**
 * The contact with this phone number in this workspace and mode, however the number is written
 * (read as the workspace reads numbers, leniently: a possible number matches). Archived contacts are not matched; when several contacts share the
 * number, the most recently updated wins. Undefined for an unknown or unreadable number.
 */
export async function findContactByPhone(db: Executor, scope: Scope, phone: string): Promise<ContactsTable | undefined> {
  const parsed = parsePhone(phone, { ...(await phoneContextOf(db, scope)), lenient: true });
  if (!parsed.ok) return undefined;
  const [row] = await findContactsByPhone(db, scope, parsed.e164, 1);
  return row;
}
