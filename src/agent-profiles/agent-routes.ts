import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import { IdParams, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, encodeCursor, pageRequest } from '../http/pagination.js';
import { AgentList, AgentSchema, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './agent-schemas.js';
import { type AgentDeps, createAgent, getAgent, listAgents, updateAgent } from './agent-service.js';

const Params = IdParams('agt');
const ListQuery = Type.Object({ ...PageQuery, ...ListAgentsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['agents'];

/** Routes for reusable agents (under /v1). */
export async function agentRoutes(app: FastifyInstance, deps: AgentDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateAgentBody> }>(
    '/agents',
    {
      config: { scope: 'agents:write' },
      schema: {
        tags,
        summary: 'Create an agent',
        description: 'A reusable agent configuration. Point numbers (`agent_id` on POST/PATCH /v1/numbers) and outbound calls (`agent_id` on POST /v1/calls) at it. Needs `config.system_prompt` (managed) or `config.webhook_url`. Emits `agent.created`.',
        body: CreateAgentBody,
        response: { 201: One(AgentSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createAgent(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/agents',
    {
      config: { scope: 'agents:read' },
      schema: {
        tags,
        summary: 'List agents, newest first',
        description: 'Filters `status`, `kind` (exact or `*`/`?` pattern) and `query` (or `q`) over name, kind and role_id. Pages by `cursor` or by `offset`; `count`, `total`, `pagination` and `filters` as seed 001 shows them.',
        querystring: ListQuery,
        response: { 200: AgentList },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.cursor && q.offset) throw new ApiError('bad_request', 'Page with cursor or with offset, not both.', [{ field: 'offset', error: 'conflicts_with_cursor', received: q.offset }]);
      if (q.query !== undefined && q.q !== undefined && q.query !== q.q) {
        throw new ApiError('bad_request', '`query` and `q` are the same filter; give one.', [{ field: 'q', error: 'conflicts_with_query', received: q.q }]);
      }
      const page = pageRequest(q);
      const offset = q.offset ?? 0;
      const query = q.query ?? q.q;
      const filter = { query: query || undefined, status: q.status, kind: q.kind || undefined };
      const { rows, total } = await listAgents(deps, authOf(request).scope, filter, { ...page, offset });
      const hasMore = rows.length > page.limit;
      const items = rows.slice(0, page.limit);
      return {
        data: items,
        next_cursor: hasMore ? encodeCursor(items[items.length - 1]!.id) : null,
        count: items.length,
        total,
        pagination: { limit: page.limit, offset, has_more: hasMore },
        filters: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        request_id: request.id,
      };
    },
  );

  app.get<P>(
    '/agents/:id',
    {
      config: { scope: 'agents:read' },
      schema: { tags, summary: 'Get an agent, with its stats', params: Params, response: { 200: One(AgentSchema) } },
    },
    async (request) => ({ data: await getAgent(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateAgentBody> }>(
    '/agents/:id',
    {
      config: { scope: 'agents:write' },
      schema: {
        tags,
        summary: 'Update an agent',
        description: '`config` merges key by key (null removes a key). The next call or message on every number using the agent follows the change. `status`: `paused` makes its numbers answer "unavailable"; `archived` is refused (409) while numbers use it. Emits `agent.updated`.',
        params: Params,
        body: UpdateAgentBody,
        response: { 200: One(AgentSchema) },
      },
    },
    async (request) => ({ data: await updateAgent(deps, authOf(request).scope, request.params.id, request.body as never), request_id: request.id }),
  );
}
