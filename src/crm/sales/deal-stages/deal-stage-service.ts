import type { Executor } from '../../../db/database.js';
import type { DealStagesTable } from '../../../db/schema-crm.js';
import { ApiError, notFound } from '../../../errors.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { indexDocument } from '../../search-index.js';
import { conflict, isUniqueViolation } from '../sales-shared.js';
import { DEFAULT_STAGES, type DealStageDto, dealStageDto, nameFromKey } from './deal-stage-dto.js';
import * as repo from './deal-stage-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

export interface CreateDealStageInput {
  key: string;
  name?: string;
  position?: number;
  probability?: number | null;
}
export interface UpdateDealStageInput {
  name?: string;
  position?: number;
  probability?: number | null;
}

const duplicateKey = (key: string) => conflict(`A deal stage with key "${key}" already exists.`, 'key', 'already_exists', { received: key });

/**
 * Creates a stage. A key already in use answers 409; the key of an archived stage brings that
 * stage back (same id) with the new name, position and probability.
 */
export async function createDealStage(deps: Deps, scope: Scope, input: CreateDealStageInput, idempotency: IdempotencyHandle | null): Promise<DealStageDto> {
  const at = deps.clock.now().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await repo.findStageByKey(trx, scope, input.key);
      if (existing && existing.archived_at === null) throw duplicateKey(input.key);
      const position = input.position ?? ((await repo.maxPosition(trx, scope)) ?? 0) + 10;
      let row: DealStagesTable;
      if (existing) {
        row = { ...existing, name: input.name ?? existing.name, position, probability: input.probability ?? null, archived_at: null, updated_at: at };
        await repo.updateStage(trx, scope, existing.id, { name: row.name, position, probability: row.probability, archived_at: null, updated_at: at });
      } else {
        row = {
          id: newId('stage'),
          workspace_id: scope.workspaceId,
          mode: scope.mode,
          key: input.key,
          name: input.name ?? nameFromKey(input.key),
          position,
          probability: input.probability ?? null,
          archived_at: null,
          created_at: at,
          updated_at: at,
        };
        await repo.insertStage(trx, row);
      }
      await indexDocument(trx, scope, 'deal_stage', row.id, [row.key, row.name]);
      const dto = dealStageDto(row);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateKey(input.key);
    throw err;
  }
}

export async function getDealStage(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DealStageDto> {
  const row = await repo.findStage(deps.db, scope, id);
  if (!row) throw notFound('deal stage');
  return dealStageDto(row);
}

export function decodeStageCursor(cursor: string | undefined): repo.StagePage['after'] {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: number; p?: unknown; k?: unknown };
    if (parsed.v === 1 && Number.isInteger(parsed.p) && typeof parsed.k === 'string' && parsed.k.length <= 40) {
      return { position: parsed.p as number, key: parsed.k };
    }
  } catch {
    // fall through
  }
  throw new ApiError('bad_request', 'cursor is not a cursor this API returned.', [{ field: 'cursor', error: 'invalid_cursor', received: cursor }]);
}

const encodeStageCursor = (row: DealStagesTable) => Buffer.from(JSON.stringify({ v: 1, p: row.position, k: row.key }), 'utf8').toString('base64url');

/** Ordered by position, then key (not newest first): the pipeline's order. */
export async function listDealStages(
  deps: Pick<CrmDeps, 'db'>,
  scope: Scope,
  query: { limit?: number; cursor?: string; query?: string; include_archived?: boolean },
): Promise<{ items: DealStageDto[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await repo.listStages(deps.db, scope, { limit, after: decodeStageCursor(query.cursor) }, { query: query.query, includeArchived: query.include_archived });
  const page = rows.slice(0, limit);
  return { items: page.map(dealStageDto), nextCursor: rows.length > limit ? encodeStageCursor(page[page.length - 1]!) : null };
}

export async function updateDealStage(deps: Deps, scope: Scope, id: string, input: UpdateDealStageInput, idempotency: IdempotencyHandle | null): Promise<DealStageDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findStage(trx, scope, id);
    if (!existing) throw notFound('deal stage');
    const changes: repo.StageChanges = { updated_at: deps.clock.now().toISOString() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.position !== undefined) changes.position = input.position;
    if (input.probability !== undefined) changes.probability = input.probability;
    const next = { ...existing, ...changes };
    await repo.updateStage(trx, scope, id, changes);
    await indexDocument(trx, scope, 'deal_stage', id, [next.key, next.name]);
    const dto = dealStageDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** Archives the stage (idempotent); 409 while deals are in it. */
export async function archiveDealStage(deps: Deps, scope: Scope, id: string): Promise<DealStageDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findStage(trx, scope, id);
    if (!existing) throw notFound('deal stage');
    if (existing.archived_at !== null) return dealStageDto(existing);
    const deals = await repo.countDealsInStage(trx, scope, existing.key);
    if (deals > 0) {
      throw conflict(`${deals} deal(s) are in stage "${existing.key}"; move or archive them first.`, 'id', 'stage_in_use', { deal_count: deals });
    }
    const at = deps.clock.now().toISOString();
    await repo.updateStage(trx, scope, id, { archived_at: at, updated_at: at });
    return dealStageDto({ ...existing, archived_at: at, updated_at: at });
  });
}

const unknownStage = (field: string, key: string, message?: string) =>
  new ApiError('validation_error', message ?? `There is no deal stage "${key}"; list them with GET /v1/deal-stages.`, [{ field, error: 'unknown_stage', received: key }]);

/**
 * The stage key a deal goes into. A given key must name a stage that is not archived (422
 * `unknown_stage` on `field` otherwise). Without one: the first stage by position; a workspace
 * that has no stages at all first gets the default set (lead, qualified, proposal, won, lost).
 */
export async function resolveStage(db: Executor, scope: Scope, key: string | undefined, field: string, at: Date): Promise<string> {
  if (key !== undefined) {
    const stage = await repo.findStageByKey(db, scope, key);
    if (!stage || stage.archived_at !== null) throw unknownStage(field, key);
    return stage.key;
  }
  const first = await repo.firstActiveStage(db, scope);
  if (first) return first.key;
  if (await repo.hasAnyStage(db, scope)) {
    throw new ApiError('validation_error', 'Every deal stage is archived; create one with POST /v1/deal-stages or name one in `stage`.', [{ field, error: 'required' }]);
  }
  await ensureDefaultStages(db, scope, at);
  return (await repo.firstActiveStage(db, scope))!.key;
}

/** Creates the default stages whose keys are free (safe to call concurrently). */
export async function ensureDefaultStages(db: Executor, scope: Scope, at: Date): Promise<void> {
  const now = at.toISOString();
  const rows: DealStagesTable[] = DEFAULT_STAGES.map((s) => ({
    id: newId('stage'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    ...s,
    archived_at: null,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertStagesIfAbsent(db, rows);
  for (const row of rows) {
    const stored = await repo.findStageByKey(db, scope, row.key);
    if (stored?.id === row.id) await indexDocument(db, scope, 'deal_stage', row.id, [row.key, row.name]);
  }
}
