import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { CreateQueueBody, ListQueuesQuery, QueueParams, QueueSchema, UpdateQueueBody } from './queue-schemas.js';
import * as service from './queue-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListQueuesQuery });
type P = { Params: Static<typeof QueueParams> };
const tags = ['support'];

export async function queueRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateQueueBody> }>(
    '/support/queues',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Create a support queue',
        description: '`key` is unique in the workspace (409 `conflict` otherwise). `first_response_target_minutes` sets when its tickets\' first response is due.',
        body: CreateQueueBody,
        response: { 201: One(QueueSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.createQueue(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/support/queues',
    {
      config: { scope: 'support:read' },
      schema: { tags, summary: 'List support queues, newest first', querystring: ListQuery, response: { 200: List(QueueSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listQueues(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/support/queues/:id',
    { config: { scope: 'support:read' }, schema: { tags, summary: 'Get a support queue', params: QueueParams, response: { 200: One(QueueSchema) } } },
    async (request) => ({ data: await service.getQueue(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateQueueBody> }>(
    '/support/queues/:id',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Update a support queue',
        description: 'A new `first_response_target_minutes` applies to tickets that enter the queue afterwards. `custom_fields` merges; a key set to "" or null is removed.',
        params: QueueParams,
        body: UpdateQueueBody,
        response: { 200: One(QueueSchema) },
      },
    },
    async (request) => ({
      data: await service.updateQueue(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/support/queues/:id',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Archive a support queue',
        description: 'Sets `status: archived` (idempotent). Its tickets keep it; new tickets cannot be put in it.',
        params: QueueParams,
        response: { 200: One(QueueSchema) },
      },
    },
    async (request) => ({ data: await service.archiveQueue(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
