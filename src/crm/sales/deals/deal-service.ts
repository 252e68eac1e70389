import type { Trx } from '../../../db/database.js';
import type { DealsTable } from '../../../db/schema-crm.js';
import { notFound } from '../../../errors.js';
import { emitEvent } from '../../../events/event-writer.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { mergeCustomFields } from '../../custom-fields.js';
import { requireExists } from '../../related.js';
import { resolveStage } from '../deal-stages/deal-stage-service.js';
import { conflict } from '../sales-shared.js';
import { type DealDto, dealDto } from './deal-dto.js';
import * as repo from './deal-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

export interface CreateDealInput {
  name: string;
  stage?: string;
  company_id?: string | null;
  contact_id?: string | null;
  lead_id?: string | null;
  amount_cents?: number | null;
  currency?: string;
  expected_close_date?: string | null;
  custom_fields?: Record<string, string>;
}

export interface UpdateDealInput {
  name?: string;
  stage?: string;
  company_id?: string | null;
  contact_id?: string | null;
  amount_cents?: number | null;
  currency?: string;
  expected_close_date?: string | null;
  custom_fields?: Record<string, string | null>;
}

/**
 * Creates a deal inside the caller's transaction. `stage` must name a stage (422
 * `unknown_stage` on `stageField`); without one the deal goes into the first stage. The
 * referenced company, contact and lead are not checked here: callers do that (or just made them).
 */
export async function createDealInternal(trx: Trx, scope: Scope, input: CreateDealInput, at: Date, stageField = 'stage'): Promise<DealDto> {
  const stage = await resolveStage(trx, scope, input.stage, stageField, at);
  const now = at.toISOString();
  const row: DealsTable = {
    id: newId('deal'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    name: input.name,
    stage,
    company_id: input.company_id ?? null,
    contact_id: input.contact_id ?? null,
    lead_id: input.lead_id ?? null,
    amount_cents: input.amount_cents ?? null,
    currency: input.currency ?? 'USD',
    expected_close_date: input.expected_close_date ?? null,
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertDeal(trx, row);
  return dealDto(row);
}

export async function createDeal(deps: Deps, scope: Scope, input: CreateDealInput, idempotency: IdempotencyHandle | null): Promise<DealDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await requireExists(trx, scope, 'company', input.company_id, 'company_id');
    await requireExists(trx, scope, 'contact', input.contact_id, 'contact_id');
    await requireExists(trx, scope, 'lead', input.lead_id, 'lead_id');
    const dto = await createDealInternal(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getDeal(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DealDto> {
  const row = await repo.findDeal(deps.db, scope, id);
  if (!row) throw notFound('deal');
  return dealDto(row);
}

export async function listDeals(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.DealFilter): Promise<DealDto[]> {
  return (await repo.listDeals(deps.db, scope, page, filter)).map(dealDto);
}

/** Updates a deal; a change of stage emits `deal.stage_changed` (the deal plus `previous_stage`). */
export async function updateDeal(deps: Deps, scope: Scope, id: string, input: UpdateDealInput, idempotency: IdempotencyHandle | null): Promise<DealDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findDeal(trx, scope, id);
    if (!existing) throw notFound('deal');
    if (existing.archived_at !== null) throw conflict('This deal is archived and can no longer be changed.', 'id', 'deal_archived');
    await requireExists(trx, scope, 'company', input.company_id, 'company_id');
    await requireExists(trx, scope, 'contact', input.contact_id, 'contact_id');
    const changes: repo.DealChanges = { updated_at: at.toISOString() };
    if (input.stage !== undefined && input.stage !== existing.stage) changes.stage = await resolveStage(trx, scope, input.stage, 'stage', at);
    if (input.name !== undefined) changes.name = input.name;
    if (input.company_id !== undefined) changes.company_id = input.company_id;
    if (input.contact_id !== undefined) changes.contact_id = input.contact_id;
    if (input.amount_cents !== undefined) changes.amount_cents = input.amount_cents;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.expected_close_date !== undefined) changes.expected_close_date = input.expected_close_date;
    if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
    await repo.updateDeal(trx, scope, id, changes);
    const dto = dealDto({ ...existing, ...changes });
    if (changes.stage !== undefined) {
      await emitEvent(trx, scope, 'deal.stage_changed', { ...dto, previous_stage: existing.stage }, at);
    }
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** Archives the deal (idempotent); it leaves lists unless `include_archived=true`. */
export async function archiveDeal(deps: Deps, scope: Scope, id: string): Promise<DealDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findDeal(trx, scope, id);
    if (!existing) throw notFound('deal');
    if (existing.archived_at !== null) return dealDto(existing);
    const at = deps.clock.now().toISOString();
    await repo.updateDeal(trx, scope, id, { archived_at: at, updated_at: at });
    return dealDto({ ...existing, archived_at: at, updated_at: at });
  });
}
