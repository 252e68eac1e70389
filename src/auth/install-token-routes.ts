import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { EmptyBody } from '../http/empty-body.js';
import { One, Timestamp } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { rateLimited, setRateHeaders } from '../http/plugins/rate-limit.js';
import { RateLimiter, strictest } from '../http/rate-limiter.js';
import { exchangeInstallToken, mintInstallToken } from './install-token-service.js';

// POST /v1/auth/install-token (a key mints a token) and POST /v1/auth/install-token/exchange (the
// token, and nothing else, buys a key). Neither stores its response for Idempotency-Key: both
// hold a secret shown once, and a retry simply mints (or needs) a fresh token.

const Mode = Type.Union([Type.Literal('test'), Type.Literal('live')]);

const InstallToken = Type.Object(
  {
    token: Type.String({ description: 'The single-use `ist_…` token: give it to `agentline login` (or POST it to the exchange) within 5 minutes.' }),
    expires_at: Timestamp(),
    workspace_id: Type.String(),
    mode: Mode,
    scopes: Type.Array(Type.String(), { description: 'The scopes of the minting key, which the exchanged key gets.' }),
    read_only: Type.Boolean(),
  },
  { $id: 'InstallToken', title: 'InstallToken' },
);

const ExchangeBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The `ist_…` token.', 'x-example': 'ist_3q2+7w…' }),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'What the new key is for, shown by `agentline keys list` (default `CLI`).', 'x-example': 'CLI' })),
  },
  { additionalProperties: false },
);

const ExchangedKey = Type.Object(
  {
    access_token: Type.String({ description: 'The new API key (`al_test_…` / `al_live_…`), shown only this once.' }),
    token_type: Type.Literal('bearer'),
    key: Type.Object({
      id: Type.String({ description: '`key_…`; revoke it with `agentline keys revoke`.' }),
      label: Type.String(),
      mode: Mode,
      scopes: Type.Array(Type.String()),
      read_only: Type.Boolean(),
      created_at: Timestamp(),
    }),
    workspace: Type.Object({ id: Type.String(), name: Type.String() }),
  },
  { $id: 'InstallTokenExchange', title: 'InstallTokenExchange' },
);

const tags = ['auth'];

export async function installTokenRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock; exchangesPerMinute: number }) {
  // Exchange attempts per client IP, beside the general buckets: a token is 256 random bits, so
  // this is not what keeps it secret, but nobody needs more than a few sign-ins a minute.
  const exchanges = new RateLimiter({ windowSeconds: 60, perIp: deps.exchangesPerMinute, perKey: deps.exchangesPerMinute, perWorkspace: deps.exchangesPerMinute });

  app.post(
    '/auth/install-token',
    {
      config: { scope: 'any', idempotency: false },
      schema: {
        tags,
        summary: 'Mint an install token',
        description:
          'Any key (not a read-only one) mints a single-use token, good for 5 minutes, that `agentline login` exchanges for a key of its own with the same workspace, mode and scopes. Only its SHA-256 is stored. Idempotency-Key is accepted but not stored (the response holds the token): a retry mints another token.',
        body: EmptyBody,
        response: { 201: One(InstallToken) },
      },
    },
    async (request, reply) => {
      const minted = await mintInstallToken(deps, authOf(request));
      return reply.code(201).send({ data: minted, request_id: request.id });
    },
  );

  app.post<{ Body: Static<typeof ExchangeBody> }>(
    '/auth/install-token/exchange',
    {
      config: { scope: 'public', idempotency: false },
      onRequest: async (request, reply) => {
        const state = exchanges.ip(request.ip);
        const shown = request.ipBucket ? strictest([request.ipBucket, state]) : state;
        setRateHeaders(reply, shown);
        if (state.exceeded) throw rateLimited(state);
      },
      schema: {
        tags,
        security: [],
        summary: 'Exchange an install token for an API key',
        description:
          'The token is the credential: send no Authorization header. Answers a new API key once per token; a used token answers 401 `token_invalid` and writes an `auth.install_token.replayed` event, an expired or unknown one 401 `token_invalid`. Attempts are limited per client IP (`AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE`, 429 with `Retry-After`). Emits `auth.install_token.exchanged`.',
        body: ExchangeBody,
        response: { 201: One(ExchangedKey) },
      },
    },
    async (request, reply) => {
      const issued = await exchangeInstallToken(deps, { token: request.body.token.trim(), label: request.body.label?.trim() || 'CLI', ip: request.ip });
      return reply.code(201).send({ data: issued, request_id: request.id });
    },
  );
}
