import type { Trx } from '../../../db/database.js';
import type { ContactsTable } from '../../../db/schema-crm.js';
import { notFound } from '../../../errors.js';
import { emitEvent } from '../../../events/event-writer.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { mergeCustomFields } from '../../custom-fields.js';
import { type PhoneContext, phoneContextOf, requirePhone } from '../../phones.js';
import { requireExists } from '../../related.js';
import { findCompany } from '../companies/company-repository.js';
import { type ContactDto, contactDto } from './contact-dto.js';
import * as repo from './contact-repository.js';

export interface CreateContactInput {
  name: string;
  email?: string;
  emails?: string[];
  phones?: string[];
  company_id?: string;
  company_name?: string;
  title?: string;
  notes?: string;
  custom_fields?: Record<string, string>;
  /** Internal: numbers taken from our own rows (a converted lead), read leniently. */
  phonesAreOurs?: boolean;
}

export interface UpdateContactInput {
  name?: string;
  email?: string | null;
  emails?: string[] | null;
  phones?: string[] | null;
  company_id?: string | null;
  company_name?: string | null;
  title?: string | null;
  notes?: string | null;
  custom_fields?: Record<string, string | null>;
}

export interface ListContactsInput {
  query?: string;
  company_id?: string;
  phone?: string;
  email?: string;
  include_archived?: boolean;
  custom_field_key?: string;
  custom_field_value?: string;
}

const blankToNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);
const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface ContactPhones {
  phones: string[];
  /** E.164 -> extension, for the numbers given with one. */
  extensions: Record<string, string>;
}

/**
 * Each phone in E.164, without duplicates, and the extensions they were given with; a number
 * libphonenumber does not accept is a 422 `invalid_phone` naming `phones[i]`.
 */
export function normalizePhones(raw: string[], ctx: PhoneContext): ContactPhones {
  const phones: string[] = [];
  const extensions: Record<string, string> = {};
  raw.forEach((value, i) => {
    const phone = requirePhone(value, `phones[${i}]`, ctx);
    if (!phones.includes(phone.e164)) phones.push(phone.e164);
    if (phone.extension !== undefined && extensions[phone.e164] === undefined) extensions[phone.e164] = phone.extension;
  });
  return { phones, extensions };
}

/** The primary email first, then the others, without case-insensitive duplicates. */
function emailList(primary: string | null | undefined, others: string[]): string[] {
  const out: string[] = [];
  for (const e of [primary, ...others]) {
    if (!e) continue;
    const trimmed = e.trim();
    if (!out.some((x) => sameEmail(x, trimmed))) out.push(trimmed);
  }
  return out;
}

/** 404 naming `company_id` when it is not a company of this workspace; else the company's name. */
async function companyNameOf(trx: Trx, scope: Scope, companyId: string): Promise<string> {
  await requireExists(trx, scope, 'company', companyId, 'company_id');
  return (await findCompany(trx, scope, companyId))!.name;
}

/**
 * Creates a contact inside the caller's transaction: the row, its contact_phones, its search
 * document and the `contact.created` event. For other features that create contacts as part of
 * their own write (lead conversion, callers from the telephony side).
 */
export async function createContactInTx(trx: Trx, scope: Scope, input: CreateContactInput, at: Date): Promise<ContactDto> {
  const ctx = await phoneContextOf(trx, scope);
  const { phones, extensions } = normalizePhones(input.phones ?? [], input.phonesAreOurs ? { ...ctx, lenient: true } : ctx);
  const emails = emailList(input.email, input.emails ?? []);
  const companyId = input.company_id ?? null;
  const companyName = companyId ? await companyNameOf(trx, scope, companyId) : blankToNull(input.company_name);
  const now = at.toISOString();
  const row: ContactsTable = {
    id: newId('con'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    name: input.name,
    email: emails[0] ?? null,
    emails: JSON.stringify(emails),
    phones: JSON.stringify(phones),
    phone_extensions: JSON.stringify(extensions),
    company_id: companyId,
    company_name: companyName,
    title: blankToNull(input.title),
    notes: blankToNull(input.notes),
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertContact(trx, row);
  await repo.syncContactPhones(trx, scope, row.id, phones);
  await repo.indexContact(trx, scope, row);
  const dto = contactDto(row);
  await emitEvent(trx, scope, 'contact.created', { ...dto }, at);
  return dto;
}

export async function createContact(deps: CrmDeps, scope: Scope, input: CreateContactInput, idempotency: IdempotencyHandle | null): Promise<ContactDto> {
  normalizePhones(input.phones ?? [], await phoneContextOf(deps.db, scope)); // fail fast, before the transaction
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await createContactInTx(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getContact(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<ContactDto> {
  const row = await repo.findContact(deps.db, scope, id);
  if (!row) throw notFound('contact');
  return contactDto(row);
}

export async function listContacts(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: ListContactsInput): Promise<ContactDto[]> {
  let phone: string | undefined;
  if (q.phone !== undefined) phone = requirePhone(q.phone, 'phone', { ...(await phoneContextOf(deps.db, scope)), lenient: true }).e164;
  const rows = await repo.listContacts(deps.db, scope, page, {
    query: q.query,
    companyId: q.company_id,
    phone,
    email: q.email,
    includeArchived: q.include_archived === true,
    custom_field_key: q.custom_field_key,
    custom_field_value: q.custom_field_value,
  });
  return rows.map(contactDto);
}

/** The emails after a PATCH: `emails` replaces the list, `email` sets (or, null, drops) the primary. */
function patchedEmails(existing: ContactsTable, input: UpdateContactInput): string[] {
  const current = JSON.parse(existing.emails) as string[];
  let list = input.emails !== undefined ? (input.emails ?? []) : current;
  let primary: string | null = existing.email;
  if (input.email === null) {
    if (input.emails === undefined && existing.email) list = list.filter((e) => !sameEmail(e, existing.email!));
    primary = null;
  } else if (input.email !== undefined) {
    primary = input.email;
  } else if (input.emails !== undefined) {
    primary = existing.email && list.some((e) => sameEmail(e, existing.email!)) ? existing.email : null;
  }
  return emailList(primary, list);
}

export async function updateContact(deps: CrmDeps, scope: Scope, id: string, input: UpdateContactInput, idempotency: IdempotencyHandle | null): Promise<ContactDto> {
  const parsed = input.phones === undefined ? undefined : normalizePhones(input.phones ?? [], await phoneContextOf(deps.db, scope));
  const phones = parsed?.phones;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findContact(trx, scope, id);
    if (!existing) throw notFound('contact');
    const next: ContactsTable = { ...existing, updated_at: at.toISOString() };
    if (input.name !== undefined) next.name = input.name;
    if (input.email !== undefined || input.emails !== undefined) {
      const emails = patchedEmails(existing, input);
      next.emails = JSON.stringify(emails);
      next.email = emails[0] ?? null;
    }
    if (parsed !== undefined) {
      next.phones = JSON.stringify(parsed.phones);
      next.phone_extensions = JSON.stringify(parsed.extensions);
    }
    if (input.company_id !== undefined) next.company_id = input.company_id;
    if (input.company_id) next.company_name = await companyNameOf(trx, scope, input.company_id);
    else if (!next.company_id && input.company_name !== undefined) next.company_name = blankToNull(input.company_name);
    if (input.title !== undefined) next.title = blankToNull(input.title);
    if (input.notes !== undefined) next.notes = blankToNull(input.notes);
    if (input.custom_fields !== undefined) next.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);

    const { id: _id, workspace_id: _ws, mode: _mode, ...changes } = next;
    await repo.updateContact(trx, scope, id, changes);
    if (phones !== undefined) await repo.syncContactPhones(trx, scope, id, phones);
    await repo.indexContact(trx, scope, next);
    const dto = contactDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** DELETE archives: the contact stays readable by id but leaves lists and caller matching. */
export async function archiveContact(deps: CrmDeps, scope: Scope, id: string): Promise<ContactDto> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findContact(trx, scope, id);
    if (!existing) throw notFound('contact');
    if (existing.archived_at) return contactDto(existing); // archiving twice is harmless
    await repo.updateContact(trx, scope, id, { archived_at: at, updated_at: at });
    return contactDto({ ...existing, archived_at: at, updated_at: at });
  });
}
