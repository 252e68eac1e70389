import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { CreateSiteBody, ListSitesQuery, SiteSchema } from './site-schemas.js';
import { createSite, getSite, listSites } from './site-service.js';

const Params = IdParams('site');
const ListQuery = Type.Object({ ...PageQuery, ...ListSitesQuery });
const tags = ['cms'];

export async function siteRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateSiteBody> }>(
    '/cms/sites',
    {
      config: { scope: 'cms:write' },
      schema: { tags, summary: 'Create CMS site', description: '`key` is unique in the workspace (409 otherwise).', body: CreateSiteBody, response: { 201: One(SiteSchema) } },
    },
    async (request, reply) => reply.code(201).send({ data: await createSite(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/cms/sites',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'List CMS sites, newest first', querystring: ListQuery, response: { 200: List(SiteSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await listSites(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/cms/sites/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get CMS site', params: Params, response: { 200: One(SiteSchema) } } },
    async (request) => ({ data: await getSite(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
