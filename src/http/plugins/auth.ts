import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../clock.js';
import { ApiError } from '../../errors.js';
import { type VerifiedKey, verifyKey } from '../../keys/key-service.js';
import { type RedeemedTicket, redeemTicket } from '../../softphone/tickets.js';
import { touchKey } from '../../keys/key-repository.js';
import { type RateLimiter, strictest } from '../rate-limiter.js';
import { rateLimited, setRateHeaders } from './rate-limit.js';
import { type AuthContext, keyAllows } from '../scopes.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set when a softphone socket was opened with `?ticket=` rather than a bearer key. */
    softphoneTicket: RedeemedTicket | null;
  }
  interface FastifyContextConfig {
    /** A softphone socket: a browser may open it with a single-use `?ticket=` instead of a key. */
    softphoneTicket?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

/** Exposes `request.auth` to routes (null on public ones). */
export function decorateAuth(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('softphoneTicket', null);
}

/**
 * Deny by default: a route without a declared scope answers 500 and a test fails (see
 * test/http/route-scopes.test.ts). Order of checks: IP bucket (counted for every request by
 * the rate-limit plugin, which runs first), bearer key (401), key and workspace buckets (429),
 * read-only (403 token_read_only), scope (403 forbidden).
 */
export function installAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; limiter: RateLimiter }): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return; // the not-found handler answers; nothing to authorize
    const required = request.routeOptions.config?.scope;
    if (required === undefined) {
      throw new Error(`route ${request.method} ${request.routeOptions.url ?? request.url} declares no scope`);
    }
    if (required === 'public' || required === 'carrier') return;

    const ipState = request.ipBucket;
    if (!ipState) throw new Error('the IP rate limit must run before auth');

    const header = request.headers.authorization;
    const ticket = request.routeOptions.config?.softphoneTicket && header === undefined ? (request.query as { ticket?: unknown }).ticket : undefined;
    let key: VerifiedKey;
    if (typeof ticket === 'string') {
      // A browser softphone (src/softphone/tickets.ts): the ticket is spent by this request.
      const redeemed = await redeemTicket(deps, ticket);
      if (!redeemed.ok) throw new ApiError('token_invalid', 'This softphone ticket is unknown, used or expired; ask POST /v1/softphone/tickets for a new one.');
      request.softphoneTicket = redeemed.ticket;
      key = { ok: true, ...redeemed.key };
    } else {
      const match = typeof header === 'string' ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
      if (!match) throw new ApiError('token_missing', 'Send your API key as `Authorization: Bearer al_test_...`.');
      key = await verifyKey(deps.db, match[1]!);
    }
    if (!key.ok) throw new ApiError('token_invalid', 'This API key is unknown, revoked or malformed.');

    const state = strictest([ipState, deps.limiter.key(key.id), deps.limiter.workspace(key.workspaceId)]);
    setRateHeaders(reply, state);
    if (state.exceeded) throw rateLimited(state);

    request.auth = {
      keyId: key.id,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName,
      scope: { workspaceId: key.workspaceId, mode: key.mode },
      scopes: key.scopes,
      readOnly: key.readOnly,
    };

    if (key.readOnly && WRITE_METHODS.has(request.method)) {
      throw new ApiError('token_read_only', 'This key is read-only; use a key with write access.');
    }
    if (!keyAllows(key.scopes, required)) {
      throw new ApiError('forbidden', `This key lacks the ${required} scope.`, [
        { field: 'scope', error: 'missing_scope', required },
      ]);
    }

    const now = deps.clock.now();
    if (key.lastUsedAt === null || now.getTime() - Date.parse(key.lastUsedAt) > TOUCH_EVERY_MS) {
      await touchKey(deps.db, key.id, now.toISOString());
    }
  });
}

/** The authenticated context, for handlers of routes whose scope is not public. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new Error('authOf() called on an unauthenticated route');
  return request.auth;
}
