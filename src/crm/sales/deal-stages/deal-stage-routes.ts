import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { CreateDealStageBody, DealStageSchema, ListDealStagesQuery, UpdateDealStageBody } from './deal-stage-schemas.js';
import { archiveDealStage, createDealStage, getDealStage, listDealStages, updateDealStage } from './deal-stage-service.js';

const Params = IdParams('stage');
const ListQuery = Type.Object({ ...PageQuery, ...ListDealStagesQuery });
type P = { Params: Static<typeof Params> };
const tags = ['deal stages'];

export async function dealStageRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateDealStageBody> }>(
    '/deal-stages',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create a deal stage',
        description:
          '`key` is unique in the workspace (409 `conflict` if a stage has it); the key of an archived stage restores that stage. `name` defaults to the ' +
          'key in words, `position` to 10 after the last stage.',
        body: CreateDealStageBody,
        response: { 201: One(DealStageSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createDealStage(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/deal-stages',
    {
      config: { scope: 'crm:read' },
      schema: {
        tags,
        summary: 'List deal stages in pipeline order',
        description: 'Ordered by `position`, then `key`. Archived stages only with `include_archived=true`.',
        querystring: ListQuery,
        response: { 200: List(DealStageSchema) },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listDealStages(deps, authOf(request).scope, request.query);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/deal-stages/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get a deal stage', params: Params, response: { 200: One(DealStageSchema) } } },
    async (request) => ({ data: await getDealStage(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateDealStageBody> }>(
    '/deal-stages/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update a deal stage',
        description: 'The key cannot change (deals name their stage by key).',
        params: Params,
        body: UpdateDealStageBody,
        response: { 200: One(DealStageSchema) },
      },
    },
    async (request) => ({ data: await updateDealStage(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/deal-stages/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Archive a deal stage',
        description: 'Refused (409 `conflict`, `stage_in_use`) while deals that are not archived are in the stage. Archiving twice is harmless.',
        params: Params,
        response: { 200: One(DealStageSchema) },
      },
    },
    async (request) => ({ data: await archiveDealStage(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
