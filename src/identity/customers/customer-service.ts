import type { Trx } from '../../db/database.js';
import type { CustomersTable } from '../../db/schema-identity.js';
import { ApiError, notFound } from '../../errors.js';
import { emitEvent } from '../../events/event-writer.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { type PhoneContext, parsePhone, phoneContextOf } from '../../crm/phones.js';
import { listContacts as findContactsByEmail } from '../../crm/people/contacts/contact-repository.js';
import { isUniqueViolation } from '../../crm/sales/sales-shared.js';
import { type CustomerRecord, customerDto } from './customer-dto.js';
import { addPhoneToContact, resolveContact } from './customer-contacts.js';
import type { ContactInputDto, CreateCustomerInput, CustomerDto, UpdateCustomerInput } from './customer-schemas.js';
import * as repo from './customer-repository.js';

const RECENT = 10;
const METADATA_MAX_BYTES = 16_384;

export interface ListCustomersInput {
  tag?: string;
  email?: string;
  query?: string;
  q?: string;
  offset?: number;
}

const blankToNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** Trimmed, without duplicates, in the order given. */
const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

function metadataText(value: Record<string, unknown>): string {
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > METADATA_MAX_BYTES) {
    throw new ApiError('validation_error', `metadata is larger than ${METADATA_MAX_BYTES / 1024} KB.`, [{ field: 'metadata', error: 'too_large' }]);
  }
  return text;
}

/** A phone that reads as a number is stored in E.164 and matched; other text is kept as given. */
function readPhone(raw: string | null | undefined, ctx: PhoneContext): { phone: string | null; phone_e164: string | null } {
  const text = blankToNull(raw);
  if (text === null) return { phone: null, phone_e164: null };
  const parsed = parsePhone(text, { ...ctx, lenient: true });
  if (!parsed.ok) return { phone: text, phone_e164: null };
  return { phone: parsed.extension ? text : parsed.e164, phone_e164: parsed.e164 };
}

const contactTaken = (field: string, contactId: string, customerId: string | null) =>
  new ApiError('conflict', `Contact ${contactId} already belongs to ${customerId ? `customer ${customerId}` : 'another customer'}; remove it there first.`, [
    { field, error: 'contact_taken', received: contactId, customer_id: customerId },
  ]);

async function recordOf(trx: Trx | CrmDeps['db'], scope: Scope, row: CustomersTable): Promise<CustomerRecord> {
  return customerDto(row, await repo.linkedContacts(trx, scope, [row.id]));
}

/** Links `contactId` to the customer; 409 when another customer has it. False when it was already linked here. */
async function link(trx: Trx, scope: Scope, customerId: string, contactId: string, position: number, primary: boolean, field: string, at: Date): Promise<boolean> {
  const existing = await repo.findLinkByContact(trx, scope, contactId);
  if (existing) {
    if (existing.customer_id === customerId) return false;
    throw contactTaken(field, contactId, existing.customer_id);
  }
  try {
    await repo.insertLink(trx, { customer_id: customerId, contact_id: contactId, workspace_id: scope.workspaceId, mode: scope.mode, is_primary: primary ? 1 : 0, position, created_at: at.toISOString() });
  } catch (err) {
    // Another request linked it between our read and our insert (the unique index decides). No
    // more queries here: on PostgreSQL the failed statement has aborted the transaction.
    if (isUniqueViolation(err)) throw contactTaken(field, contactId, null);
    throw err;
  }
  return true;
}

async function primaryContact(trx: Trx, scope: Scope, customerId: string) {
  const [first] = await repo.linkedContacts(trx, scope, [customerId]);
  return first?.is_primary === 1 ? first : undefined;
}

export async function createCustomer(deps: CrmDeps, scope: Scope, input: CreateCustomerInput, idempotency: IdempotencyHandle | null): Promise<CustomerRecord> {
  const ctx = await phoneContextOf(deps.db, scope);
  const phone = readPhone(input.phone, ctx);
  const tags = cleanTags(input.tags ?? []);
  const metadata = metadataText(input.metadata ?? {});
  const at = deps.clock.now();
  const now = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row: CustomersTable = {
      id: newId('cus'),
      workspace_id: scope.workspaceId,
      mode: scope.mode,
      company: blankToNull(input.company),
      ...phone,
      tags: JSON.stringify(tags),
      notes: blankToNull(input.notes),
      metadata,
      created_at: now,
      updated_at: now,
    };
    await repo.insertCustomer(trx, row);
    await repo.replaceTags(trx, scope, row.id, tags);
    let position = 0;
    for (const [i, contactInput] of input.contacts.entries()) {
      const contact = await resolveContact(trx, scope, contactInput, `contacts[${i}]`, at);
      const primary = position === 0;
      if (await link(trx, scope, row.id, contact.id, position, primary, `contacts[${i}]`, at)) {
        if (primary && phone.phone_e164) await addPhoneToContact(trx, scope, contact, phone.phone_e164, at);
        position++;
      }
    }
    const dto = await recordOf(trx, scope, row);
    await emitEvent(trx, scope, 'customer.created', { ...dto }, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

/** One customer with its latest calls and SMS (by its contacts, or by its phone). */
async function withActivity(deps: Pick<CrmDeps, 'db'>, scope: Scope, record: CustomerRecord): Promise<CustomerDto> {
  const key = { contactIds: record.contacts.map((c) => c.guid), phone: record.phone_e164 };
  const [calls, sms] = await Promise.all([repo.recentCalls(deps.db, scope, key, RECENT), repo.recentSms(deps.db, scope, key, RECENT)]);
  return {
    ...record,
    recent_calls: calls.map((c) => ({ id: c.id, direction: c.direction, from: c.from_number, to: c.to_number, status: c.status, duration_seconds: c.duration_seconds, contact_id: c.contact_id, created_at: c.created_at })),
    recent_sms: sms.map((m) => ({ id: m.id, direction: m.direction, from: m.from_number, to: m.to_number, status: m.status, body: m.body, contact_id: m.contact_id, created_at: m.created_at })),
  };
}

export async function getCustomer(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<CustomerDto> {
  const row = await repo.findCustomer(deps.db, scope, id);
  if (!row) throw notFound('customer');
  return withActivity(deps, scope, await recordOf(deps.db, scope, row));
}

export async function getCustomerByContact(deps: Pick<CrmDeps, 'db'>, scope: Scope, contactId: string): Promise<CustomerDto> {
  const linked = await repo.findLinkByContact(deps.db, scope, contactId);
  if (!linked) throw new ApiError('not_found', 'No customer has this contact.');
  return getCustomer(deps, scope, linked.customer_id);
}

export async function listCustomers(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: ListCustomersInput): Promise<CustomerRecord[]> {
  let contactIds: string[] | undefined;
  if (q.email !== undefined) {
    // The CRM decides which contacts have the email (any of their emails, case-insensitive).
    contactIds = (await findContactsByEmail(deps.db, scope, { limit: 100 }, { email: q.email.trim(), includeArchived: true })).map((c) => c.id);
  }
  const rows = await repo.listCustomers(deps.db, scope, page, { tag: q.tag?.trim(), contactIds, query: q.query ?? q.q, offset: q.offset });
  const contacts = await repo.linkedContacts(deps.db, scope, rows.map((r) => r.id));
  return rows.map((r) => customerDto(r, contacts));
}

export async function updateCustomer(deps: CrmDeps, scope: Scope, id: string, input: UpdateCustomerInput, idempotency: IdempotencyHandle | null): Promise<CustomerRecord> {
  const ctx = await phoneContextOf(deps.db, scope);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findCustomer(trx, scope, id);
    if (!existing) throw notFound('customer');
    const next: CustomersTable = { ...existing, updated_at: at.toISOString() };
    if (input.company !== undefined) next.company = blankToNull(input.company);
    if (input.notes !== undefined) next.notes = blankToNull(input.notes);
    if (input.phone !== undefined) Object.assign(next, readPhone(input.phone, ctx));
    if (input.tags !== undefined) next.tags = JSON.stringify(cleanTags(input.tags));
    if (input.metadata !== undefined) {
      const merged = JSON.parse(existing.metadata) as Record<string, unknown>;
      for (const [k, v] of Object.entries(input.metadata)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      next.metadata = metadataText(merged);
    }
    const { id: _id, workspace_id: _ws, mode: _mode, ...changes } = next;
    await repo.updateCustomer(trx, scope, id, changes);
    if (input.tags !== undefined) await repo.replaceTags(trx, scope, id, JSON.parse(next.tags) as string[]);
    if (next.phone_e164 && next.phone_e164 !== existing.phone_e164) {
      const primary = await primaryContact(trx, scope, id);
      if (primary) await addPhoneToContact(trx, scope, primary, next.phone_e164, at);
    }
    const dto = await recordOf(trx, scope, next);
    await emitEvent(trx, scope, 'customer.updated', { ...dto, changed_fields: Object.keys(input) }, at);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** Removes the customer and its links; the CRM contacts stay (with their calls and SMS). */
export async function deleteCustomer(deps: CrmDeps, scope: Scope, id: string): Promise<{ id: string; deleted: true }> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteCustomer(trx, scope, id))) throw notFound('customer');
    await emitEvent(trx, scope, 'customer.deleted', { id }, at);
    return { id, deleted: true as const };
  });
}

export async function addContact(deps: CrmDeps, scope: Scope, id: string, input: ContactInputDto, idempotency: IdempotencyHandle | null): Promise<{ created: boolean; dto: CustomerRecord }> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // Touch the row first: it must exist, and its lock serialises changes to its contacts.
    if (!(await repo.updateCustomer(trx, scope, id, { updated_at: at.toISOString() }))) throw notFound('customer');
    const contact = await resolveContact(trx, scope, input, 'body', at);
    const current = await repo.linkedContacts(trx, scope, [id]);
    const position = current.reduce((max, c) => Math.max(max, c.position + 1), 0);
    const created = await link(trx, scope, id, contact.id, position, current.length === 0, 'guid', at);
    const row = (await repo.findCustomer(trx, scope, id))!;
    const dto = await recordOf(trx, scope, row);
    if (created) await emitEvent(trx, scope, 'customer.updated', { ...dto, changed_fields: ['contacts'] }, at);
    await idempotency?.saveInTx(trx, created ? 201 : 200, dto);
    return { created, dto };
  });
}

export async function removeContact(deps: CrmDeps, scope: Scope, id: string, contactId: string): Promise<CustomerRecord> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateCustomer(trx, scope, id, { updated_at: at.toISOString() }))) throw notFound('customer');
    const current = await repo.linkedContacts(trx, scope, [id]);
    const target = current.find((c) => c.id === contactId);
    if (!target) throw new ApiError('not_found', 'This customer has no such contact.', [{ field: 'guid', error: 'not_found', received: contactId }]);
    if (current.length === 1) {
      throw new ApiError('conflict', 'Cannot remove the last contact of a customer; delete the customer instead.', [{ field: 'guid', error: 'last_contact', received: contactId }]);
    }
    await repo.deleteLink(trx, scope, id, contactId);
    if (target.is_primary === 1) await repo.setPrimary(trx, scope, id, current.find((c) => c.id !== contactId)!.id);
    const row = (await repo.findCustomer(trx, scope, id))!;
    const dto = await recordOf(trx, scope, row);
    await emitEvent(trx, scope, 'customer.updated', { ...dto, changed_fields: ['contacts'] }, at);
    return dto;
  });
}

