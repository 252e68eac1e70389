import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorEnvelope } from '../envelope.js';

// The OpenAPI 3.1 document is generated from the route schemas that also validate requests,
// so it cannot drift from the code. Served at /v1/openapi.json, browsable at /docs.

const ERROR_RESPONSES = {
  '400': 'Malformed request (`bad_request`, `invalid_json`)',
  '401': 'Missing or invalid key (`token_missing`, `token_invalid`)',
  '403': 'Read-only key or missing scope (`token_read_only`, `forbidden`)',
  '404': 'Not found, or another workspace\'s (`not_found`)',
  '409': 'Idempotency or state conflict',
  '415': 'Body without `Content-Type: application/json`',
  '422': 'Field-level validation failed (`validation_error`)',
  '429': 'Rate limited (`rate_limit_exceeded`, see `Retry-After`)',
  '500': 'Internal error; quote the request id',
};

const { $id: _id, ...errorSchema } = ErrorEnvelope as typeof ErrorEnvelope & { $id?: string };

export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Agentline API',
        version: '1.0.0',
        description:
          'Phone numbers for AI agents. Every request needs `Authorization: Bearer al_test_...` or `al_live_...`. ' +
          'Responses are `{ data, request_id }`; lists add `next_cursor`; errors are `{ error: { code, message, details }, request_id }`. ' +
          'POST and PATCH accept `Idempotency-Key`.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An Agentline API key.' } },
      },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url, route }) => {
      const scope = route.config?.scope;
      const hidden = scope === 'public' || scope === 'carrier' || !url.startsWith('/v1/');
      if (hidden) return { schema: { ...schema, hide: true }, url };
      const responses: Record<string, unknown> = { ...(schema?.response as object) };
      for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
        responses[status] ??= { ...errorSchema, description };
      }
      return {
        schema: { ...schema, response: responses, description: [schema?.description, `Requires scope \`${scope}\`.`].filter(Boolean).join('\n\n') },
        url,
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
}
