import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorEnvelope } from '../envelope.js';
import { type ExtraError, OPERATIONS, TAGS } from '../openapi-operations.js';

// The OpenAPI 3.1 document is generated from the route schemas that also validate requests,
// so it cannot drift from the code. Served at /v1/openapi.json, browsable at /docs.
// What the route schemas cannot say (names, groups, the headers and errors every operation
// shares) is added here, in one place, so that generators and linters see a complete document.

type Json = Record<string, any>;

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The errors any /v1 operation can answer, by status: [component name, description]. */
const COMMON_ERRORS: Record<string, [string, string]> = {
  '400': ['BadRequest', 'Malformed request (`bad_request`, `invalid_json`).'],
  '401': ['Unauthorized', 'Missing or invalid key (`token_missing`, `token_invalid`).'],
  '403': ['Forbidden', 'Read-only key or missing scope (`token_read_only`, `forbidden`).'],
  '404': ['NotFound', "Not found, or another workspace's (`not_found`)."],
  '409': ['Conflict', 'Idempotency or state conflict (`idempotency_conflict`, `idempotency_in_progress`, `conflict`).'],
  '415': ['UnsupportedMediaType', 'A body without `Content-Type: application/json` (`unsupported_media_type`).'],
  '422': ['ValidationError', 'Field-level validation failed (`validation_error`); `details` name the fields.'],
  '429': ['RateLimited', 'Rate limited (`rate_limit_exceeded`); retry after `Retry-After` seconds.'],
  '500': ['InternalError', 'Internal error (`internal_error`); quote the request id.'],
};

const EXTRA_ERRORS: Record<ExtraError, [string, string]> = {
  '402': ['InsufficientCredits', 'The balance cannot pay for this (`insufficient_credits`); `details` say how much is needed. Nothing was charged.'],
  '502': ['CarrierError', 'The carrier refused or failed (`carrier_error`), with its message; nothing was charged.'],
  '503': ['Unavailable', 'Temporarily unavailable (`unavailable`); retry later with the same `Idempotency-Key`.'],
};

const HEADERS: Json = {
  'X-Request-Id': { description: 'The id of this request (`req_...`), also in the body as `request_id`.', schema: { type: 'string' } },
  'RateLimit-Limit': { description: 'Requests allowed in the current window of the strictest bucket (key, workspace or client IP).', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored response to an earlier request with the same `Idempotency-Key`; nothing was done again.',
    schema: { type: 'string', enum: ['true'] },
  },
};

const EVERY_RESPONSE = ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];
const headerRefs = (names: string[]) => Object.fromEntries(names.map((n) => [n, ref('headers', n)]));

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const { $id: _id, ...errorSchema } = ErrorEnvelope as typeof ErrorEnvelope & { $id?: string };

function errorResponse(description: string, extraHeaders: string[] = []): Json {
  return {
    description,
    headers: headerRefs([...EVERY_RESPONSE, ...extraHeaders]),
    content: { 'application/json': { schema: ref('schemas', 'Error') } },
  };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Names, tags, shared headers and errors on every operation; shared parts as components. */
export function completeDocument(doc: Json): Json {
  doc.tags = Object.entries(TAGS).map(([name, description]) => ({ name, description }));
  const components = (doc.components ??= {});
  components.schemas = { ...components.schemas, Error: errorSchema };
  components.headers = HEADERS;
  components.parameters = { IdempotencyKey: IDEMPOTENCY_KEY };
  components.responses = Object.fromEntries(
    [...Object.values(COMMON_ERRORS), ...Object.values(EXTRA_ERRORS)].map(([name, description]) => [
      name,
      errorResponse(description, name === 'RateLimited' ? ['Retry-After'] : []),
    ]),
  );

  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (!METHODS.has(method)) continue;
      const entry = OPERATIONS[`${method.toUpperCase()} ${path}`];
      if (entry) {
        op.operationId = entry.id;
        op.tags = [entry.tag];
      }
      const writes = method === 'post' || method === 'patch';
      if (writes) op.parameters = [...(op.parameters ?? []), ref('parameters', 'IdempotencyKey')];
      const responses: Json = (op.responses ??= {});
      for (const [status, response] of Object.entries<Json>(responses)) {
        if (!status.startsWith('2')) continue;
        if (response.description === 'Default Response') response.description = 'Success.';
        response.headers = { ...response.headers, ...headerRefs([...EVERY_RESPONSE, ...(writes ? ['Idempotent-Replayed'] : [])]) };
      }
      const errors = { ...COMMON_ERRORS, ...Object.fromEntries((entry?.errors ?? []).map((s) => [s, EXTRA_ERRORS[s]])) };
      for (const [status, [name]] of Object.entries(errors)) responses[status] ??= ref('responses', name);
    }
  }
  return doc;
}

/**
 * The document as seen from where it was fetched: its first server is the origin of the
 * request, so /docs "Try it out" is same-origin however the gateway was reached (127.0.0.1,
 * localhost, a LAN name); PUBLIC_URL follows when it differs.
 */
export function documentFor(doc: Json, request: FastifyRequest, publicUrl: string): Json {
  const servers: Json[] = [];
  const host = request.host;
  if (host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
    servers.push({ url: `${request.protocol}://${host}`, description: 'This gateway, as you reached it.' });
  }
  const configured = publicUrl.replace(/\/+$/, '');
  if (!servers.some((s) => s.url === configured)) servers.push({ url: configured, description: 'The gateway\'s PUBLIC_URL.' });
  return { ...doc, servers };
}

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
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
        contact: { name: 'Agentline' },
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An Agentline API key: `al_test_...` or `al_live_...`.' } },
      },
      security: [{ bearer: [] }],
    },
    // Components are named by the schema's $id (`Number`, `Call`), not `def-0`.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? json.title ?? `def-${i}`),
    },
    transform: ({ schema, url, route }) => {
      const scope = route.config?.scope;
      // A public API operation (the install-token exchange) is documented when its schema says `security: []`.
      const documentedPublic = scope === 'public' && Array.isArray((schema as { security?: unknown })?.security) && (schema as { security: unknown[] }).security.length === 0;
      const hidden = (scope === 'public' && !documentedPublic) || scope === 'carrier' || !url.startsWith('/v1/');
      if (hidden) return { schema: { ...schema, hide: true }, url };
      return {
        schema: { ...schema, description: [schema?.description, documentedPublic ? 'Needs no API key.' : `Requires scope \`${scope}\`.`].filter(Boolean).join('\n\n') },
        url,
      };
    },
    transformObject: (documentObject) => completeDocument((documentObject as { openapiObject: Json }).openapiObject),
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    transformSpecificationClone: false,
    transformSpecification: (doc, request) => documentFor(doc as Json, request, publicUrl),
  });
}
