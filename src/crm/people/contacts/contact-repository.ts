import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { ContactsTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';
import { customFieldFilter } from '../../custom-fields.js';
import { indexDocument, matchesSearch } from '../../search-index.js';
import { dialectOf } from '../../../db/dialect.js';

export interface ContactFilter {
  query?: string;
  companyId?: string;
  /** Already normalized to E.164. */
  phone?: string;
  email?: string;
  includeArchived?: boolean;
  custom_field_key?: string;
  custom_field_value?: string;
}

export async function insertContact(db: Executor, row: ContactsTable): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function findContact(db: Executor, scope: Scope, id: string): Promise<ContactsTable | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateContact(db: Executor, scope: Scope, id: string, changes: Partial<Omit<ContactsTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db
    .updateTable('contacts')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** Replaces the contact's rows in contact_phones (the caller-matching index) with `phones`. */
export async function syncContactPhones(db: Executor, scope: Scope, contactId: string, phones: string[]): Promise<void> {
  await db.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
  if (phones.length === 0) return;
  await db
    .insertInto('contact_phones')
    .values(phones.map((phone) => ({ contact_id: contactId, workspace_id: scope.workspaceId, mode: scope.mode, phone })))
    .execute();
}

/** The text `query` searches: name, emails, company name, notes. */
export async function indexContact(db: Executor, scope: Scope, row: ContactsTable): Promise<void> {
  const emails = JSON.parse(row.emails) as string[];
  await indexDocument(db, scope, 'contact', row.id, [row.name, ...emails, row.company_name, row.notes]);
}

export async function listContacts(db: Executor, scope: Scope, page: PageRequest, filter: ContactFilter): Promise<ContactsTable[]> {
  let q = db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (!filter.includeArchived) q = q.where('archived_at', 'is', null);
  if (filter.companyId !== undefined) q = q.where('company_id', '=', filter.companyId);
  if (filter.query !== undefined) q = q.where(matchesSearch(db, scope, 'contact', filter.query));
  if (filter.phone !== undefined) {
    const phone = filter.phone;
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_phones')
        .select('contact_phones.contact_id')
        .where('contact_phones.workspace_id', '=', scope.workspaceId)
        .where('contact_phones.mode', '=', scope.mode)
        .where('contact_phones.phone', '=', phone),
    );
  }
  if (filter.email !== undefined) {
    q = q.where(
      dialectOf(db) === 'postgres'
        ? sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(contacts.emails::jsonb) AS e(value) WHERE lower(e.value) = lower(${filter.email}))`
        : sql<boolean>`EXISTS (SELECT 1 FROM json_each(contacts.emails) WHERE lower(json_each.value) = lower(${filter.email}))`,
    );
  }
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Active (not archived) contacts with this E.164 number, most recently updated first. */
export async function findContactsByPhone(db: Executor, scope: Scope, phone: string, limit = 1): Promise<ContactsTable[]> {
  return db
    .selectFrom('contacts')
    .innerJoin('contact_phones', 'contact_phones.contact_id', 'contacts.id')
    .selectAll('contacts')
    .where('contact_phones.workspace_id', '=', scope.workspaceId)
    .where('contact_phones.mode', '=', scope.mode)
    .where('contact_phones.phone', '=', phone)
    .where('contacts.workspace_id', '=', scope.workspaceId)
    .where('contacts.mode', '=', scope.mode)
    .where('contacts.archived_at', 'is', null)
    .orderBy('contacts.updated_at', 'desc')
    .orderBy('contacts.id', 'desc')
    .limit(limit)
    .execute();
}

/** Contacts linked to a company (to follow a company rename). */
export async function listContactsOfCompany(db: Executor, scope: Scope, companyId: string): Promise<ContactsTable[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('company_id', '=', companyId)
    .execute();
}
