import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import type { PlanDeps } from './plan-enforcement.js';
import { TrackBody, UsageRecordSchema, UsageStatsQuery, UsageStatsSchema } from './usage-schemas.js';
import { trackUsage, usageStats } from './usage-service.js';

const tags = ['usage'];

/** Usage records and the period's usage against the plan (under /v1). */
export async function usageRoutes(app: FastifyInstance, deps: PlanDeps): Promise<void> {
  app.post<{ Body: Static<typeof TrackBody> }>(
    '/usage/track',
    {
      config: { scope: 'usage:write' },
      schema: {
        tags,
        summary: 'Record usage',
        description: 'A `token_usage` record (your model\'s tokens) or an `agent_execution` record (something an agent did). Managed agents\' tokens are recorded by the gateway itself. Counts against the plan\'s `tokens` / `executions` limits.',
        body: TrackBody,
        response: { 201: One(UsageRecordSchema) },
      },
    },
    async (request, reply) => {
      const dto = await trackUsage(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof UsageStatsQuery> }>(
    '/usage/stats',
    {
      config: { scope: 'usage:read' },
      schema: {
        tags,
        summary: 'Usage against the plan',
        description: 'Tokens, agent executions, billed call minutes, charged SMS segments and active numbers for the month (UTC), each against the plan limit the operator set.',
        querystring: UsageStatsQuery,
        response: { 200: One(UsageStatsSchema) },
      },
    },
    async (request) => ({ data: await usageStats(deps, authOf(request).scope, request.query.period), request_id: request.id }),
  );
}
