import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { CreateNumberBody, ListNumbersQuery, NumberSchema, UpdateNumberBody } from './number-schemas.js';
import { type NumbersDeps, getNumber, listNumbers, provisionNumber, releaseNumber, updateNumber } from './number-service.js';

const Params = IdParams('num');
const ListQuery = Type.Object({ ...PageQuery, ...ListNumbersQuery });
type P = { Params: Static<typeof Params> };

export async function numberRoutes(app: FastifyInstance, deps: NumbersDeps) {
  app.post<{ Body: Static<typeof CreateNumberBody> }>(
    '/numbers',
    {
      config: { scope: 'numbers:write' },
      schema: {
        tags: ['numbers'],
        summary: 'Provision a number',
        description: 'Buys a number (test keys: a simulated one) and charges the first month. Give `system_prompt` for a managed agent or `webhook_url` for your own.',
        body: CreateNumberBody,
        response: { 201: One(NumberSchema) },
      },
    },
    async (request, reply) => {
      const dto = await provisionNumber(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/numbers',
    {
      config: { scope: 'numbers:read' },
      schema: { tags: ['numbers'], summary: 'List numbers, newest first', querystring: ListQuery, response: { 200: List(NumberSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await listNumbers(deps, authOf(request).scope, page, { status: request.query.status, phoneNumber: request.query.phone_number });
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/numbers/:id',
    {
      config: { scope: 'numbers:read' },
      schema: { tags: ['numbers'], summary: 'Get a number', params: Params, response: { 200: One(NumberSchema) } },
    },
    async (request) => ({ data: await getNumber(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateNumberBody> }>(
    '/numbers/:id',
    {
      config: { scope: 'numbers:write' },
      schema: {
        tags: ['numbers'],
        summary: 'Update a number\'s agent configuration',
        description: 'Set `webhook_url` to null to switch to managed mode (a system_prompt is then required).',
        params: Params,
        body: UpdateNumberBody,
        response: { 200: One(NumberSchema) },
      },
    },
    async (request) => ({ data: await updateNumber(deps, authOf(request).scope, request.params.id, request.body), request_id: request.id }),
  );

  app.delete<P>(
    '/numbers/:id',
    {
      config: { scope: 'numbers:write' },
      schema: {
        tags: ['numbers'],
        summary: 'Release a number',
        description: 'Gives the number back to the carrier. The fee already paid is not refunded.',
        params: Params,
        response: { 200: One(NumberSchema) },
      },
    },
    async (request) => ({ data: await releaseNumber(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
