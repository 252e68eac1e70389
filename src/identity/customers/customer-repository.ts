import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { CustomerContactsTable, CustomersTable } from '../../db/schema-identity.js';
import type { ContactsTable } from '../../db/schema-crm.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';

// Customers, their tags and their links to CRM contacts. Every query filters workspace_id and
// mode; nothing here is engine-specific SQL.

export interface CustomerFilter {
  tag?: string;
  /** Customers linked to any of these contacts (the `email` filter, resolved by the CRM). */
  contactIds?: string[];
  query?: string;
  offset?: number;
}

const inScope = (scope: Scope) => ({ workspace_id: scope.workspaceId, mode: scope.mode });

export async function insertCustomer(db: Executor, row: CustomersTable): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

export async function findCustomer(db: Executor, scope: Scope, id: string): Promise<CustomersTable | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Writes the changes and returns whether the customer exists. Called first in every transaction
 * that changes a customer's contacts: the row lock it takes (PostgreSQL) or the write lock
 * (SQLite) serialises two requests on the same customer, so "never remove the last contact"
 * holds under concurrency.
 */
export async function updateCustomer(db: Executor, scope: Scope, id: string, changes: Partial<Omit<CustomersTable, 'id' | 'workspace_id' | 'mode'>>): Promise<boolean> {
  const res = await db
    .updateTable('customers')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteCustomer(db: Executor, scope: Scope, id: string): Promise<boolean> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', id).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).execute();
  await db.deleteFrom('customer_contacts').where('customer_id', '=', id).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).execute();
  const res = await db.deleteFrom('customers').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function replaceTags(db: Executor, scope: Scope, customerId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('customer_tags')
    .values(tags.map((tag) => ({ customer_id: customerId, ...inScope(scope), tag })))
    .execute();
}

export async function insertLink(db: Executor, row: CustomerContactsTable): Promise<void> {
  await db.insertInto('customer_contacts').values(row).execute();
}

export async function deleteLink(db: Executor, scope: Scope, customerId: string, contactId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('customer_contacts')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('customer_id', '=', customerId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function setPrimary(db: Executor, scope: Scope, customerId: string, contactId: string): Promise<void> {
  await db
    .updateTable('customer_contacts')
    .set({ is_primary: 1 })
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('customer_id', '=', customerId)
    .where('contact_id', '=', contactId)
    .execute();
}

/** The customer a contact is linked to, if any. */
export async function findLinkByContact(db: Executor, scope: Scope, contactId: string): Promise<CustomerContactsTable | undefined> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

export type LinkedContact = ContactsTable & { customer_id: string; is_primary: number; position: number };

/** The linked CRM contacts of these customers, primary first, then in the order they were added. */
export async function linkedContacts(db: Executor, scope: Scope, customerIds: string[]): Promise<LinkedContact[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('customer_contacts')
    .innerJoin('contacts', 'contacts.id', 'customer_contacts.contact_id')
    .selectAll('contacts')
    .select(['customer_contacts.customer_id', 'customer_contacts.is_primary', 'customer_contacts.position'])
    .where('customer_contacts.workspace_id', '=', scope.workspaceId)
    .where('customer_contacts.mode', '=', scope.mode)
    .where('contacts.workspace_id', '=', scope.workspaceId)
    .where('contacts.mode', '=', scope.mode)
    .where('customer_contacts.customer_id', 'in', customerIds)
    .orderBy('customer_contacts.is_primary', 'desc')
    .orderBy('customer_contacts.position', 'asc')
    .execute();
}

/** `%`, `_` and the escape character itself match literally. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCustomers(db: Executor, scope: Scope, page: PageRequest, filter: CustomerFilter): Promise<CustomersTable[]> {
  let q = db.selectFrom('customers').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('customer_tags').select('customer_tags.customer_id').where('customer_tags.workspace_id', '=', scope.workspaceId).where('customer_tags.mode', '=', scope.mode).where('customer_tags.tag', '=', tag),
    );
  }
  if (filter.contactIds !== undefined) {
    if (filter.contactIds.length === 0) return [];
    const ids = filter.contactIds;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('customer_contacts').select('customer_contacts.customer_id').where('customer_contacts.workspace_id', '=', scope.workspaceId).where('customer_contacts.mode', '=', scope.mode).where('customer_contacts.contact_id', 'in', ids),
    );
  }
  if (filter.query !== undefined && filter.query.trim() !== '') {
    const pattern = likePattern(filter.query.trim());
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(${sql.ref('company')}) LIKE ${pattern} ESCAPE '\\'`,
        sql<boolean>`lower(${sql.ref('notes')}) LIKE ${pattern} ESCAPE '\\'`,
      ]),
    );
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  q = q.orderBy('id', 'desc').limit(page.limit + 1);
  if (filter.offset) q = q.offset(filter.offset);
  return q.execute();
}

/** Counterparts and contacts a customer's calls and SMS are found by. */
export interface ActivityKey {
  contactIds: string[];
  phone: string | null;
}

/** Rows strictly older than this (created_at, id): the timeline cursor. */
export interface Before {
  at: string;
  id: string;
}

const olderThan = (after?: Before) =>
  after ? sql<boolean>`(${sql.ref('created_at')} < ${after.at} OR (${sql.ref('created_at')} = ${after.at} AND ${sql.ref('id')} < ${after.id}))` : sql<boolean>`1 = 1`;

export async function recentCalls(db: Executor, scope: Scope, key: ActivityKey, limit: number, after?: Before) {
  if (key.contactIds.length === 0 && key.phone === null) return [];
  return db
    .selectFrom('calls')
    .select(['id', 'direction', 'from_number', 'to_number', 'number_id', 'status', 'duration_seconds', 'end_reason', 'contact_id', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where((eb) => {
      const any = [];
      if (key.contactIds.length > 0) any.push(eb('contact_id', 'in', key.contactIds));
      if (key.phone !== null) {
        any.push(eb.and([eb('direction', '=', 'inbound'), eb('from_number', '=', key.phone)]));
        any.push(eb.and([eb('direction', '=', 'outbound'), eb('to_number', '=', key.phone)]));
      }
      return eb.or(any);
    })
    .where(olderThan(after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function recentSms(db: Executor, scope: Scope, key: ActivityKey, limit: number, after?: Before) {
  if (key.contactIds.length === 0 && key.phone === null) return [];
  return db
    .selectFrom('sms_messages')
    .select(['id', 'direction', 'from_number', 'to_number', 'number_id', 'status', 'body', 'contact_id', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where((eb) => {
      const any = [];
      if (key.contactIds.length > 0) any.push(eb('contact_id', 'in', key.contactIds));
      if (key.phone !== null) any.push(eb('counterpart', '=', key.phone));
      return eb.or(any);
    })
    .where(olderThan(after))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
