import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { ActivitySchema, CreateActivityBody, ListActivitiesQuery } from './activity-schemas.js';
import { createActivity, getActivity, listActivities } from './activity-service.js';

const Params = IdParams('act');
const ListQuery = Type.Object({ ...PageQuery, ...ListActivitiesQuery });
const tags = ['activities'];

// Append-only: no PATCH or DELETE.
export async function activityRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateActivityBody> }>(
    '/activities',
    {
      config: { scope: 'activity:write' },
      schema: {
        tags,
        summary: 'Log activity',
        description: 'Appends to the timeline. `related_resource_type` + `related_resource_id` must name a resource of this workspace (404 otherwise). Activities cannot be changed or deleted.',
        body: CreateActivityBody,
        response: { 201: One(ActivitySchema) },
      },
    },
    async (request, reply) => {
      const dto = await createActivity(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/activities',
    {
      config: { scope: 'activity:read' },
      schema: { tags, summary: 'Search activities, newest logged first', querystring: ListQuery, response: { 200: List(ActivitySchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await listActivities(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/activities/:id',
    {
      config: { scope: 'activity:read' },
      schema: { tags, summary: 'Get activity', params: Params, response: { 200: One(ActivitySchema) } },
    },
    async (request) => ({ data: await getActivity(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
