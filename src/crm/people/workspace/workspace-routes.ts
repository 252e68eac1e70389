import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';

// GET /v1/workspace (seed 003 "Get workspace summary"): any valid key may read it.

export const ENABLED_MODULES = ['activity_log', 'tasks', 'crm', 'support'] as const;

const WorkspaceSchema = Type.Object(
  {
    id: Type.String({ description: '`ws_` id.' }),
    name: Type.String(),
    enabled_modules: Type.Array(Type.String(), { description: 'The API modules this gateway serves: `activity_log`, `tasks`, `crm`, `support`.' }),
  },
  { $id: 'Workspace', title: 'Workspace' },
);

export async function workspaceRoutes(app: FastifyInstance) {
  app.get(
    '/workspace',
    {
      config: { scope: 'any' },
      schema: { tags: ['workspace'], summary: 'Get workspace summary', description: 'Any key of the workspace, whatever its scopes.', response: { 200: One(WorkspaceSchema) } },
    },
    async (request) => {
      const auth = authOf(request);
      return { data: { id: auth.workspaceId, name: auth.workspaceName, enabled_modules: [...ENABLED_MODULES] }, request_id: request.id };
    },
  );
}
