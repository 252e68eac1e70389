import type { Trx } from '../../db/database.js';
import type { ContactsTable } from '../../db/schema-crm.js';
import { ApiError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import * as contacts from '../../crm/people/contacts/contact-repository.js';
import { createContactInTx } from '../../crm/people/contacts/contact-service.js';
import type { ContactInputDto } from './customer-schemas.js';

// A customer's contacts are CRM contacts: `{ guid }` names one, `{ email }` links the contact
// that already has that email (any of its emails) or creates it. So the CRM's caller matching,
// timeline and agent context work for customers without a second copy of anyone.

/**
 * The CRM contact an input names, created when an email matches none. `field` is where the
 * input sits in the body (`contacts[1]`, or `body` for the add-contact route), for errors.
 */
export async function resolveContact(trx: Trx, scope: Scope, input: ContactInputDto, field: string, at: Date): Promise<ContactsTable> {
  const displayName = input.display_name ?? input.displayName;
  if (input.guid !== undefined && input.email !== undefined) {
    throw new ApiError('validation_error', `${field}: give either email or guid, not both.`, [{ field, error: 'email_or_guid' }]);
  }
  if (input.guid !== undefined) {
    if (displayName !== undefined) {
      throw new ApiError('validation_error', `${field}: display_name goes with email; a contact named by guid keeps its CRM name.`, [{ field: `${field}.display_name`, error: 'not_with_guid' }]);
    }
    const row = await contacts.findContact(trx, scope, input.guid);
    if (!row) throw new ApiError('not_found', `No such contact ${input.guid}.`, [{ field: `${field}.guid`, error: 'not_found', received: input.guid }]);
    return row;
  }
  if (input.email === undefined) {
    throw new ApiError('validation_error', `${field}: each contact needs an email or a guid.`, [{ field, error: 'email_or_guid' }]);
  }
  const email = input.email.trim();
  const [existing] = await contacts.listContacts(trx, scope, { limit: 1 }, { email });
  if (existing) return existing;
  const created = await createContactInTx(trx, scope, { name: displayName ?? email, email }, at);
  return (await contacts.findContact(trx, scope, created.id))!;
}

/** Adds an E.164 number to a contact's phones (so caller matching finds it); no-op when it has it. */
export async function addPhoneToContact(trx: Trx, scope: Scope, contact: ContactsTable, e164: string, at: Date): Promise<void> {
  const phones = JSON.parse(contact.phones) as string[];
  if (phones.includes(e164)) return;
  phones.push(e164);
  await contacts.updateContact(trx, scope, contact.id, { phones: JSON.stringify(phones), updated_at: at.toISOString() });
  await contacts.syncContactPhones(trx, scope, contact.id, phones);
}
