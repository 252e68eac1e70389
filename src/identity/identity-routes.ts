import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { IdentitySchema, UpdateIdentityBody } from './identity-schemas.js';
import { getIdentity, type IdentityDeps, updateIdentity } from './identity-service.js';

const tags = ['identity'];

/** The business identity (under /v1): profile and services. */
export async function identityRoutes(app: FastifyInstance, deps: IdentityDeps): Promise<void> {
  app.get(
    '/identity',
    {
      config: { scope: 'identity:read' },
      schema: { tags, summary: 'Get the business identity', description: 'The business profile managed agents speak for: display name, tagline, about, website and services with prices.', response: { 200: One(IdentitySchema) } },
    },
    async (request) => {
      const auth = authOf(request);
      return { data: await getIdentity(deps, auth.scope, auth.workspaceName), request_id: request.id };
    },
  );

  app.patch<{ Body: Static<typeof UpdateIdentityBody> }>(
    '/identity',
    {
      config: { scope: 'identity:write' },
      schema: {
        tags,
        summary: 'Update the business identity',
        description: '`profile` merges with the stored one: a field given replaces, `null` removes it; `services` merge by `id` (no id: a new service with a generated `svc_` id; `deleted: true` removes one). Emits `identity.updated`.',
        body: UpdateIdentityBody,
        response: { 200: One(IdentitySchema) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return { data: await updateIdentity(deps, auth.scope, auth.workspaceName, request.body), request_id: request.id };
    },
  );
}
