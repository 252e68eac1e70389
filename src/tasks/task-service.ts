import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../crm/crm-deps.js';
import { requireRelated } from '../crm/related.js';
import type { Trx } from '../db/database.js';
import type { TasksTable } from '../db/schema-crm.js';
import { notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { type TaskDto, taskDto } from './task-dto.js';
import * as repo from './task-repository.js';
import type { CreateTaskBody, UpdateTaskBody } from './task-schemas.js';

export type CreateTaskInput = Static<typeof CreateTaskBody>;
export type UpdateTaskInput = Static<typeof UpdateTaskBody>;

const normalizeTime = (value: string) => new Date(value).toISOString();

/** Entering completed stamps completed_at, entering canceled stamps canceled_at; open clears both. */
function statusStamps(status: TasksTable['status'], previous: TasksTable, atIso: string): Pick<TasksTable, 'completed_at' | 'canceled_at'> {
  if (status === previous.status) return { completed_at: previous.completed_at, canceled_at: previous.canceled_at };
  if (status === 'completed') return { completed_at: atIso, canceled_at: null };
  if (status === 'canceled') return { completed_at: null, canceled_at: atIso };
  return { completed_at: null, canceled_at: null };
}

/**
 * Creates an open task inside the caller's transaction; the related resource, when given, must
 * exist in this workspace (404 otherwise). Writes `task.created`. For the telephony side, e.g. a
 * callback request: `{ title: 'Call back Jane', related_resource_type: 'contact', related_resource_id }`.
 */
export async function createTaskInternal(trx: Trx, scope: Scope, input: CreateTaskInput, at: Date): Promise<TaskDto> {
  await requireRelated(trx, scope, input.related_resource_type, input.related_resource_id);
  const atIso = at.toISOString();
  const row: TasksTable = {
    id: newId('task'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    title: input.title,
    description: input.description ?? null,
    status: 'open',
    assignee_id: input.assignee_id ?? null,
    due_at: input.due_at ? normalizeTime(input.due_at) : null,
    related_resource_type: input.related_resource_type ?? null,
    related_resource_id: input.related_resource_id ?? null,
    completed_note: null,
    completed_at: null,
    canceled_at: null,
    created_at: atIso,
    updated_at: atIso,
  };
  await repo.insertTask(trx, row);
  const dto = taskDto(row);
  await emitEvent(trx, scope, 'task.created', { ...dto }, at);
  return dto;
}

export async function createTask(deps: CrmDeps, scope: Scope, input: CreateTaskInput, idempotency: IdempotencyHandle | null): Promise<TaskDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await createTaskInternal(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getTask(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<TaskDto> {
  const row = await repo.findTask(deps.db, scope, id);
  if (!row) throw notFound('task');
  return taskDto(row);
}

export async function listTasks(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.TaskFilter): Promise<TaskDto[]> {
  const normalized: repo.TaskFilter = {
    ...filter,
    due_before: filter.due_before ? normalizeTime(filter.due_before) : undefined,
    due_after: filter.due_after ? normalizeTime(filter.due_after) : undefined,
  };
  return (await repo.listTasks(deps.db, scope, page, normalized)).map(taskDto);
}

/** Applies a PATCH inside the caller's transaction (404 when the task is not in this workspace). */
export async function updateTaskInternal(trx: Trx, scope: Scope, id: string, input: UpdateTaskInput, at: Date): Promise<TaskDto> {
  const existing = await repo.findTask(trx, scope, id);
  if (!existing) throw notFound('task');
  const atIso = at.toISOString();
  const changes: Partial<TasksTable> = {};
  if (input.title !== undefined) changes.title = input.title;
  for (const field of ['description', 'assignee_id', 'completed_note'] as const) {
    if (input[field] !== undefined) changes[field] = input[field] === '' ? null : input[field];
  }
  if (input.due_at !== undefined) changes.due_at = input.due_at === null ? null : normalizeTime(input.due_at);
  if (input.status !== undefined) Object.assign(changes, { status: input.status, ...statusStamps(input.status, existing, atIso) });
  const next: TasksTable = { ...existing, ...changes, updated_at: atIso };
  await repo.updateTask(trx, scope, id, { ...changes, updated_at: atIso });
  return taskDto(next);
}

export async function updateTask(deps: CrmDeps, scope: Scope, id: string, input: UpdateTaskInput, idempotency: IdempotencyHandle | null): Promise<TaskDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await updateTaskInternal(trx, scope, id, input, at);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** DELETE cancels the task (idempotent); it stays listable with `status: canceled`. */
export async function cancelTask(deps: CrmDeps, scope: Scope, id: string): Promise<TaskDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findTask(trx, scope, id);
    if (!existing) throw notFound('task');
    if (existing.status === 'canceled') return taskDto(existing);
    return updateTaskInternal(trx, scope, id, { status: 'canceled' }, at);
  });
}
