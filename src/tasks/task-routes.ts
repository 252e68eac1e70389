import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { CreateTaskBody, ListTasksQuery, TaskParams, TaskSchema, UpdateTaskBody } from './task-schemas.js';
import * as service from './task-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListTasksQuery });
type P = { Params: Static<typeof TaskParams> };
const tags = ['tasks'];

/** Routes for tasks (under /v1). */
export async function taskRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateTaskBody> }>(
    '/tasks',
    {
      config: { scope: 'tasks:write' },
      schema: {
        tags,
        summary: 'Create a task',
        description: 'A to-do, optionally about another resource (`related_resource_type` + `related_resource_id`, both or neither; it must exist: 404 otherwise). Starts `open`. Emits `task.created`.',
        body: CreateTaskBody,
        response: { 201: One(TaskSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.createTask(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/tasks',
    {
      config: { scope: 'tasks:read' },
      schema: { tags, summary: 'List tasks, newest first', querystring: ListQuery, response: { 200: List(TaskSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listTasks(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/tasks/:id',
    { config: { scope: 'tasks:read' }, schema: { tags, summary: 'Get a task', params: TaskParams, response: { 200: One(TaskSchema) } } },
    async (request) => ({ data: await service.getTask(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateTaskBody> }>(
    '/tasks/:id',
    {
      config: { scope: 'tasks:write' },
      schema: {
        tags,
        summary: 'Update a task',
        description: '`status: completed` sets `completed_at` (add a `completed_note`), `canceled` sets `canceled_at`, `open` reopens and clears both. Null clears an optional field.',
        params: TaskParams,
        body: UpdateTaskBody,
        response: { 200: One(TaskSchema) },
      },
    },
    async (request) => ({
      data: await service.updateTask(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/tasks/:id',
    {
      config: { scope: 'tasks:write' },
      schema: { tags, summary: 'Cancel a task', description: 'Sets `status: canceled` (idempotent); the task stays listable.', params: TaskParams, response: { 200: One(TaskSchema) } },
    },
    async (request) => ({ data: await service.cancelTask(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
