import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { CreateDealBody, DealSchema, ListDealsQuery, UpdateDealBody } from './deal-schemas.js';
import { archiveDeal, createDeal, getDeal, listDeals, updateDeal } from './deal-service.js';

const Params = IdParams('deal');
const ListQuery = Type.Object({ ...PageQuery, ...ListDealsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['deals'];

export async function dealRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateDealBody> }>(
    '/deals',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create a deal',
        description:
          '`stage` is a deal stage key (422 `unknown_stage` if there is none); without it the deal goes into the first stage (a workspace without ' +
          'stages first gets lead, qualified, proposal, won, lost). `company_id`, `contact_id` and `lead_id` must exist (404 naming the field). ' +
          '`currency` defaults to USD.',
        body: CreateDealBody,
        response: { 201: One(DealSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createDeal(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/deals',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'List deals, newest first', description: 'Archived deals only with `include_archived=true`.', querystring: ListQuery, response: { 200: List(DealSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listDeals(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/deals/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get a deal', params: Params, response: { 200: One(DealSchema) } } },
    async (request) => ({ data: await getDeal(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateDealBody> }>(
    '/deals/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update a deal',
        description: 'Moving it to another `stage` emits `deal.stage_changed` (the deal and `previous_stage`). `custom_fields` merges. An archived deal answers 409.',
        params: Params,
        body: UpdateDealBody,
        response: { 200: One(DealSchema) },
      },
    },
    async (request) => ({ data: await updateDeal(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/deals/:id',
    {
      config: { scope: 'crm:write' },
      schema: { tags, summary: 'Archive a deal', description: 'Idempotent.', params: Params, response: { 200: One(DealSchema) } },
    },
    async (request) => ({ data: await archiveDeal(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
