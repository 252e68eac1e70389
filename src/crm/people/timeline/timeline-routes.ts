import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { TimelineEntrySchema, TimelineQuery } from './timeline-schemas.js';
import { contactTimeline } from './timeline-service.js';

const Params = IdParams('con');
const Query = Type.Object({ ...PageQuery, ...TimelineQuery });

export async function timelineRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    '/contacts/:id/timeline',
    {
      config: { scope: 'crm:read' },
      schema: {
        tags: ['contacts'],
        summary: 'Contact timeline, newest first',
        description: 'The contact\'s calls, SMS and tickets, and the tasks and activities related to it, merged newest first (by `occurred_at`). Filter with `type`.',
        params: Params,
        querystring: Query,
        response: { 200: List(TimelineEntrySchema) },
      },
    },
    async (request) => {
      const { items, nextCursor } = await contactTimeline(deps, authOf(request).scope, request.params.id, request.query);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );
}
