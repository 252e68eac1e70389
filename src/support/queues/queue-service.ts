import type { Static } from '@sinclair/typebox';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import type { Executor } from '../../db/database.js';
import type { SupportQueuesTable } from '../../db/schema-crm.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { type QueueDto, queueDto } from './queue-dto.js';
import * as repo from './queue-repository.js';
import type { CreateQueueBody, UpdateQueueBody } from './queue-schemas.js';

export type CreateQueueInput = Static<typeof CreateQueueBody>;
export type UpdateQueueInput = Static<typeof UpdateQueueBody>;

const keyTaken = (key: string) =>
  new ApiError('conflict', `A support queue with key "${key}" already exists.`, [{ field: 'key', error: 'already_exists', received: key }]);

const isUniqueViolation = (err: unknown) => ['SQLITE_CONSTRAINT_UNIQUE', '23505'].includes((err as { code?: string } | null)?.code ?? '');

async function requireFreeKey(db: Executor, scope: Scope, key: string, exceptId?: string): Promise<void> {
  const other = await repo.findQueueByKey(db, scope, key);
  if (other && other.id !== exceptId) throw keyTaken(key);
}

export async function createQueue(deps: CrmDeps, scope: Scope, input: CreateQueueInput, idempotency: IdempotencyHandle | null): Promise<QueueDto> {
  const at = deps.clock.now().toISOString();
  const row: SupportQueuesTable = {
    id: newId('queue'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    key: input.key,
    name: input.name,
    status: input.status ?? 'active',
    first_response_target_minutes: input.first_response_target_minutes ?? null,
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    created_at: at,
    updated_at: at,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await requireFreeKey(trx, scope, input.key);
      await repo.insertQueue(trx, row);
      const dto = queueDto(row);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw keyTaken(input.key);
    throw err;
  }
}

export async function getQueue(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<QueueDto> {
  const row = await repo.findQueue(deps.db, scope, id);
  if (!row) throw notFound('support queue');
  return queueDto(row);
}

export async function listQueues(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.QueueFilter): Promise<QueueDto[]> {
  return (await repo.listQueues(deps.db, scope, page, filter)).map(queueDto);
}

export async function updateQueue(deps: CrmDeps, scope: Scope, id: string, input: UpdateQueueInput, idempotency: IdempotencyHandle | null): Promise<QueueDto> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await repo.findQueue(trx, scope, id);
      if (!existing) throw notFound('support queue');
      const changes: Partial<SupportQueuesTable> = {};
      if (input.key !== undefined && input.key !== existing.key) {
        await requireFreeKey(trx, scope, input.key, id);
        changes.key = input.key;
      }
      if (input.name !== undefined) changes.name = input.name;
      if (input.status !== undefined) changes.status = input.status;
      if (input.first_response_target_minutes !== undefined) changes.first_response_target_minutes = input.first_response_target_minutes;
      if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
      changes.updated_at = deps.clock.now().toISOString();
      await repo.updateQueue(trx, scope, id, changes);
      const dto = queueDto({ ...existing, ...changes });
      await idempotency?.saveInTx(trx, 200, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw keyTaken(input.key ?? '');
    throw err;
  }
}

/** DELETE archives: the queue keeps its tickets and history but takes no new tickets. */
export async function archiveQueue(deps: CrmDeps, scope: Scope, id: string): Promise<QueueDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findQueue(trx, scope, id);
    if (!existing) throw notFound('support queue');
    if (existing.status === 'archived') return queueDto(existing);
    const changes = { status: 'archived' as const, updated_at: deps.clock.now().toISOString() };
    await repo.updateQueue(trx, scope, id, changes);
    return queueDto({ ...existing, ...changes });
  });
}
