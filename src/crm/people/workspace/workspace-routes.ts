import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import type { CrmDeps } from '../../crm-deps.js';
import { updateWorkspaceSettings, workspaceSettings } from './workspace-service.js';

// GET /v1/workspace (seed 003 "Get workspace summary"): any valid key may read it.
// PATCH /v1/workspace changes the workspace's settings (crm:write).

export const ENABLED_MODULES = ['activity_log', 'tasks', 'crm', 'support', 'cms', 'assets', 'integrations', 'analytics_governance', 'bi'] as const;

const DefaultRegion = Type.String({
  minLength: 2,
  maxLength: 2,
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166 alpha-2 region (e.g. `US`, `GB`): phone numbers written without a country code are read as numbers of this region. Defaults to `US`.',
});

const AccountingEnabled = Type.Boolean({
  description: 'When true, invoices post to receivables and revenue as they are issued and payments to cash (`/v1/accounting`). Off by default; applies to test and live mode alike.',
});

const WorkspaceSchema = Type.Object(
  {
    id: Type.String({ description: '`ws_` id.' }),
    name: Type.String(),
    enabled_modules: Type.Array(Type.String(), { description: 'The API modules this gateway serves: `activity_log`, `tasks`, `crm`, `support`, `cms`, `assets`, `integrations`, `analytics_governance`, `bi`.' }),
    default_region: DefaultRegion,
    accounting_enabled: AccountingEnabled,
  },
  { $id: 'Workspace', title: 'Workspace' },
);

const UpdateWorkspaceBody = Type.Object({ default_region: Type.Optional(DefaultRegion), accounting_enabled: Type.Optional(AccountingEnabled) }, { additionalProperties: false, minProperties: 1 });

export async function workspaceRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.get(
    '/workspace',
    {
      config: { scope: 'any' },
      schema: { tags: ['workspace'], summary: 'Get workspace summary', description: 'Any key of the workspace, whatever its scopes.', response: { 200: One(WorkspaceSchema) } },
    },
    async (request) => {
      const auth = authOf(request);
      const settings = await workspaceSettings(deps.db, auth.workspaceId);
      return { data: { id: auth.workspaceId, name: auth.workspaceName, enabled_modules: [...ENABLED_MODULES], ...settings }, request_id: request.id };
    },
  );

  app.patch<{ Body: Static<typeof UpdateWorkspaceBody> }>(
    '/workspace',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags: ['workspace'],
        summary: 'Update workspace settings',
        description: '`default_region` applies to test and live mode alike; 422 on a region without a numbering plan.',
        body: UpdateWorkspaceBody,
        response: { 200: One(WorkspaceSchema) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const settings = await updateWorkspaceSettings(deps.db, auth.workspaceId, request.body);
      return { data: { id: auth.workspaceId, name: auth.workspaceName, enabled_modules: [...ENABLED_MODULES], ...settings }, request_id: request.id };
    },
  );
}
