import type { Executor, Trx } from '../../../db/database.js';
import type { LeadSource, LeadStatus, LeadsTable } from '../../../db/schema-crm.js';
import { notFound } from '../../../errors.js';
import { emitEvent } from '../../../events/event-writer.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { mergeCustomFields } from '../../custom-fields.js';
import { type PhoneContext, parsePhone, phoneContextOf, requirePhone } from '../../phones.js';
import { indexDocument, removeDocument } from '../../search-index.js';
import { blankToNull, conflict, type DeletedDto } from '../sales-shared.js';
import { type LeadDto, leadDto, leadSearchText } from './lead-dto.js';
import * as repo from './lead-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

export interface CreateLeadInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  company_name?: string | null;
  status?: Exclude<LeadStatus, 'converted'>;
  source?: LeadSource;
  notes?: string | null;
  custom_fields?: Record<string, string>;
}

export interface UpdateLeadInput {
  name?: string;
  email?: string | null;
  phone?: string | null;
  company_name?: string | null;
  status?: Exclude<LeadStatus, 'converted'>;
  source?: LeadSource;
  notes?: string | null;
  custom_fields?: Record<string, string | null>;
}

/**
 * The number (E.164) and its extension, both null for no number; a 422 `invalid_phone` naming
 * `phone` when libphonenumber does not accept it.
 */
export function leadPhone(raw: string | null | undefined, ctx: PhoneContext): { phone: string | null; phone_extension: string | null } {
  const value = blankToNull(raw);
  if (value === null || value === undefined) return { phone: null, phone_extension: null };
  const parsed = requirePhone(value, 'phone', ctx);
  return { phone: parsed.e164, phone_extension: parsed.extension ?? null };
}

/**
 * Creates a lead inside the caller's transaction: indexes it for `query` and emits
 * `lead.created`. The telephony side uses it to open a lead (source `phone` / `sms`) for an
 * unknown caller. Throws a 422 ApiError when `phone` is not a phone number.
 */
export async function createLeadInternal(trx: Trx, scope: Scope, input: CreateLeadInput, at: Date): Promise<LeadDto> {
  const now = at.toISOString();
  const { phone, phone_extension } = leadPhone(input.phone, await phoneContextOf(trx, scope));
  const row: LeadsTable = {
    id: newId('lead'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    name: input.name,
    email: blankToNull(input.email) ?? null,
    phone,
    phone_extension,
    company_name: blankToNull(input.company_name) ?? null,
    status: input.status ?? 'new',
    source: input.source ?? 'api',
    notes: blankToNull(input.notes) ?? null,
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    converted_at: null,
    converted_contact_id: null,
    converted_company_id: null,
    converted_deal_id: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertLead(trx, row);
  await indexDocument(trx, scope, 'lead', row.id, leadSearchText(row));
  const dto = leadDto(row);
  await emitEvent(trx, scope, 'lead.created', { ...dto }, at);
  return dto;
}

export async function createLead(deps: Deps, scope: Scope, input: CreateLeadInput, idempotency: IdempotencyHandle | null): Promise<LeadDto> {
  leadPhone(input.phone, await phoneContextOf(deps.db, scope)); // a 422 before opening the transaction
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await createLeadInternal(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getLead(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<LeadDto> {
  const row = await repo.findLead(deps.db, scope, id);
  if (!row) throw notFound('lead');
  return leadDto(row);
}

export async function listLeads(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.LeadFilter): Promise<LeadDto[]> {
  const phone = filter.phone !== undefined ? requirePhone(filter.phone, 'phone', { ...(await phoneContextOf(deps.db, scope)), lenient: true }).e164 : undefined;
  return (await repo.listLeads(deps.db, scope, page, { ...filter, phone })).map(leadDto);
}

export async function updateLead(deps: Deps, scope: Scope, id: string, input: UpdateLeadInput, idempotency: IdempotencyHandle | null): Promise<LeadDto> {
  const phone = input.phone === undefined ? undefined : leadPhone(input.phone, await phoneContextOf(deps.db, scope));
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findLead(trx, scope, id);
    if (!existing) throw notFound('lead');
    if (existing.status === 'converted' && input.status !== undefined) {
      throw conflict('This lead was converted; its status can no longer change.', 'status', 'lead_converted');
    }
    const changes: repo.LeadChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.email !== undefined) changes.email = blankToNull(input.email) ?? null;
    if (phone !== undefined) Object.assign(changes, phone);
    if (input.company_name !== undefined) changes.company_name = blankToNull(input.company_name) ?? null;
    if (input.notes !== undefined) changes.notes = blankToNull(input.notes) ?? null;
    if (input.status !== undefined) changes.status = input.status;
    if (input.source !== undefined) changes.source = input.source;
    if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
    changes.updated_at = deps.clock.now().toISOString();
    const next: LeadsTable = { ...existing, ...changes };
    await repo.updateLead(trx, scope, id, changes);
    await indexDocument(trx, scope, 'lead', id, leadSearchText(next));
    const dto = leadDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** A lead that was not converted is deleted for good; a converted one answers 409. */
export async function deleteLead(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DeletedDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findLead(trx, scope, id);
    if (!existing) throw notFound('lead');
    if (!(await repo.deleteUnconvertedLead(trx, scope, id))) {
      throw conflict('A converted lead cannot be deleted; it records where its contact came from.', 'id', 'lead_converted');
    }
    await removeDocument(trx, id);
    return { id, deleted: true as const };
  });
}

/** The newest unconverted lead with this phone number (any format), for matching unknown callers. */
export async function findLeadByPhone(db: Executor, scope: Scope, phone: string): Promise<LeadDto | null> {
  const parsed = parsePhone(phone, { ...(await phoneContextOf(db, scope)), lenient: true });
  if (!parsed.ok) return null;
  const row = await repo.findOpenLeadByPhone(db, scope, parsed.e164);
  return row ? leadDto(row) : null;
}
