import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { CompanySchema, CreateCompanyBody, ListCompaniesQuery, UpdateCompanyBody } from './company-schemas.js';
import { archiveCompany, createCompany, getCompany, listCompanies, updateCompany } from './company-service.js';

const Params = IdParams('com');
const ListQuery = Type.Object({ ...PageQuery, ...ListCompaniesQuery });
type P = { Params: Static<typeof Params> };
const tags = ['companies'];

export async function companyRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateCompanyBody> }>(
    '/companies',
    {
      config: { scope: 'crm:write' },
      schema: { tags, summary: 'Create company', body: CreateCompanyBody, response: { 201: One(CompanySchema) } },
    },
    async (request, reply) => {
      const dto = await createCompany(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/companies',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'Search companies, newest first', querystring: ListQuery, response: { 200: List(CompanySchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await listCompanies(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/companies/:id',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'Get company (archived ones too)', params: Params, response: { 200: One(CompanySchema) } },
    },
    async (request) => ({ data: await getCompany(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateCompanyBody> }>(
    '/companies/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update company',
        description: 'A new `name` is also the `company_name` of the linked contacts. `custom_fields` merges: a key set to "" or null is removed.',
        params: Params,
        body: UpdateCompanyBody,
        response: { 200: One(CompanySchema) },
      },
    },
    async (request) => ({
      data: await updateCompany(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/companies/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Archive company',
        description: 'Sets `archived_at`. The company stays readable by id and linked from its contacts, but leaves lists unless `include_archived=true`.',
        params: Params,
        response: { 200: One(CompanySchema) },
      },
    },
    async (request) => ({ data: await archiveCompany(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
