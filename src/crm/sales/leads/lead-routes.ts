import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { Deleted, emptyBodyAsObject } from '../sales-shared.js';
import { convertLead } from './lead-convert.js';
import { ConvertLeadBody, CreateLeadBody, LeadSchema, ListLeadsQuery, UpdateLeadBody } from './lead-schemas.js';
import { createLead, deleteLead, getLead, listLeads, updateLead } from './lead-service.js';

const Params = IdParams('lead');
const ListQuery = Type.Object({ ...PageQuery, ...ListLeadsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['leads'];

export async function leadRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateLeadBody> }>(
    '/leads',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create a lead',
        description: '`phone` is normalized to E.164. `status` defaults to `new`, `source` to `api`. Emits `lead.created`.',
        body: CreateLeadBody,
        response: { 201: One(LeadSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createLead(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/leads',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'List leads, newest first', querystring: ListQuery, response: { 200: List(LeadSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listLeads(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/leads/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get a lead', params: Params, response: { 200: One(LeadSchema) } } },
    async (request) => ({ data: await getLead(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateLeadBody> }>(
    '/leads/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update a lead',
        description: '`custom_fields` merges (a key set to `""` or `null` is removed). `status` cannot be set to `converted` (use convert), nor changed once converted (409).',
        params: Params,
        body: UpdateLeadBody,
        response: { 200: One(LeadSchema) },
      },
    },
    async (request) => ({ data: await updateLead(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/leads/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a lead',
        description: 'Deletes a lead that was not converted. A converted lead answers 409 `conflict`.',
        params: Params,
        response: { 200: One(Deleted) },
      },
    },
    async (request) => ({ data: await deleteLead(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P & { Body: Static<typeof ConvertLeadBody> }>(
    '/leads/:id/convert',
    {
      config: { scope: 'crm:write' },
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        summary: 'Convert a lead into a contact (and company, and deal)',
        description:
          'In one transaction: creates the contact (its phone becomes a contact phone, so calls from it are matched), files it under the company named ' +
          '`company_name` (an existing company with that name, else a new one), optionally opens a deal (`create_deal`; stage `deal_stage` or the first ' +
          'stage), and marks the lead `converted` with `contact_id`, `company_id` and `deal_id`. Idempotent: converting a converted lead answers the same ' +
          'lead and creates nothing. The body is optional. Emits `contact.created` and `lead.converted`.',
        params: Params,
        body: ConvertLeadBody,
        response: { 200: One(LeadSchema) },
      },
    },
    async (request) => ({
      data: await convertLead(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );
}
