import type { Executor, Trx } from '../../../db/database.js';
import type { ActivitiesTable, ActivityType } from '../../../db/schema-crm.js';
import { notFound } from '../../../errors.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { PageRequest } from '../../../http/pagination.js';
import { newId } from '../../../ids.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { type RelatedType, requireRelated } from '../../related.js';
import { type ActivityDto, activityDto } from './activity-dto.js';
import * as repo from './activity-repository.js';

export interface ActivityInput {
  type: ActivityType;
  summary: string;
  body?: string | null;
  related_resource_type?: RelatedType | null;
  related_resource_id?: string | null;
  /** ISO timestamp or Date; defaults to `at`. */
  occurred_at?: string | Date | null;
  metadata?: Record<string, string>;
}

export interface ListActivitiesInput {
  query?: string;
  type?: ActivityType;
  related_resource_type?: string;
  related_resource_id?: string;
}

async function insertInTx(trx: Trx, scope: Scope, input: ActivityInput, at: Date): Promise<ActivityDto> {
  await requireRelated(trx, scope, input.related_resource_type, input.related_resource_id);
  const occurred = input.occurred_at ? new Date(input.occurred_at) : at;
  const row: ActivitiesTable = {
    id: newId('act'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    type: input.type,
    summary: input.summary,
    body: input.body === undefined || input.body === '' ? null : input.body,
    related_resource_type: input.related_resource_type ?? null,
    related_resource_id: input.related_resource_id ?? null,
    occurred_at: occurred.toISOString(),
    metadata: JSON.stringify(input.metadata ?? {}),
    created_at: at.toISOString(),
  };
  await repo.insertActivity(trx, row);
  return activityDto(row);
}

/**
 * Appends an activity to the timeline (row + search document), for internal use: call and SMS
 * summaries, agent tool calls. Pass the open transaction of the write it belongs to, or the
 * database (a transaction is then opened). The related resource, when given, must exist in this
 * workspace and mode (ApiError not_found otherwise).
 */
export async function logActivity(db: Executor, scope: Scope, input: ActivityInput, at: Date): Promise<ActivityDto> {
  if (db.isTransaction) return insertInTx(db as Trx, scope, input, at);
  return db.transaction().execute((trx) => insertInTx(trx, scope, input, at));
}

export async function createActivity(deps: CrmDeps, scope: Scope, input: ActivityInput, idempotency: IdempotencyHandle | null): Promise<ActivityDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await insertInTx(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getActivity(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<ActivityDto> {
  const row = await repo.findActivity(deps.db, scope, id);
  if (!row) throw notFound('activity');
  return activityDto(row);
}

export async function listActivities(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: ListActivitiesInput): Promise<ActivityDto[]> {
  const rows = await repo.listActivities(deps.db, scope, page, {
    query: q.query,
    type: q.type,
    relatedType: q.related_resource_type,
    relatedId: q.related_resource_id,
  });
  return rows.map(activityDto);
}
