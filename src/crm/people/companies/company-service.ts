import type { Trx } from '../../../db/database.js';
import type { CompaniesTable } from '../../../db/schema-crm.js';
import { notFound } from '../../../errors.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { mergeCustomFields } from '../../custom-fields.js';
import { indexContact, listContactsOfCompany, updateContact } from '../contacts/contact-repository.js';
import { type CompanyDto, companyDto } from './company-dto.js';
import * as repo from './company-repository.js';

export interface CreateCompanyInput {
  name: string;
  domain?: string;
  website?: string;
  notes?: string;
  custom_fields?: Record<string, string>;
}

export interface UpdateCompanyInput {
  name?: string;
  domain?: string | null;
  website?: string | null;
  notes?: string | null;
  custom_fields?: Record<string, string | null>;
}

export interface ListCompaniesInput {
  query?: string;
  domain?: string;
  include_archived?: boolean;
  custom_field_key?: string;
  custom_field_value?: string;
}

const blankToNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const domainOf = (v: string | null | undefined) => blankToNull(v)?.toLowerCase() ?? null;

/** Creates a company inside the caller's transaction (row + search document). For lead conversion and the like. */
export async function createCompanyInTx(trx: Trx, scope: Scope, input: CreateCompanyInput, at: Date): Promise<CompanyDto> {
  const now = at.toISOString();
  const row: CompaniesTable = {
    id: newId('com'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    name: input.name,
    domain: domainOf(input.domain),
    website: blankToNull(input.website),
    notes: blankToNull(input.notes),
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCompany(trx, row);
  await repo.indexCompany(trx, scope, row);
  return companyDto(row);
}

export async function createCompany(deps: CrmDeps, scope: Scope, input: CreateCompanyInput, idempotency: IdempotencyHandle | null): Promise<CompanyDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await createCompanyInTx(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getCompany(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<CompanyDto> {
  const row = await repo.findCompany(deps.db, scope, id);
  if (!row) throw notFound('company');
  return companyDto(row);
}

export async function listCompanies(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: ListCompaniesInput): Promise<CompanyDto[]> {
  const rows = await repo.listCompanies(deps.db, scope, page, {
    query: q.query,
    domain: q.domain,
    includeArchived: q.include_archived === true,
    custom_field_key: q.custom_field_key,
    custom_field_value: q.custom_field_value,
  });
  return rows.map(companyDto);
}

/** A rename also renames `company_name` on the linked contacts (and what `query` finds them by). */
export async function updateCompany(deps: CrmDeps, scope: Scope, id: string, input: UpdateCompanyInput, idempotency: IdempotencyHandle | null): Promise<CompanyDto> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findCompany(trx, scope, id);
    if (!existing) throw notFound('company');
    const next: CompaniesTable = { ...existing, updated_at: at };
    if (input.name !== undefined) next.name = input.name;
    if (input.domain !== undefined) next.domain = domainOf(input.domain);
    if (input.website !== undefined) next.website = blankToNull(input.website);
    if (input.notes !== undefined) next.notes = blankToNull(input.notes);
    if (input.custom_fields !== undefined) next.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);

    const { id: _id, workspace_id: _ws, mode: _mode, ...changes } = next;
    await repo.updateCompany(trx, scope, id, changes);
    await repo.indexCompany(trx, scope, next);
    if (next.name !== existing.name) {
      for (const contact of await listContactsOfCompany(trx, scope, id)) {
        await updateContact(trx, scope, contact.id, { company_name: next.name, updated_at: at });
        await indexContact(trx, scope, { ...contact, company_name: next.name });
      }
    }
    const dto = companyDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** DELETE archives: the company stays readable by id (and linked from its contacts) but leaves lists. */
export async function archiveCompany(deps: CrmDeps, scope: Scope, id: string): Promise<CompanyDto> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findCompany(trx, scope, id);
    if (!existing) throw notFound('company');
    if (existing.archived_at) return companyDto(existing);
    await repo.updateCompany(trx, scope, id, { archived_at: at, updated_at: at });
    return companyDto({ ...existing, archived_at: at, updated_at: at });
  });
}
