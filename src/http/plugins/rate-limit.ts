import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';
import type { BucketState, RateLimiter } from '../rate-limiter.js';

// The per-IP bucket counts every request that reaches us (api-conventions.md "Rate limits"):
// unknown paths, unauthenticated requests, public routes (health, OpenAPI, docs) and router
// errors included, so a flood of anything from one address is limited and every response
// carries the RateLimit-* headers. The key and workspace buckets are counted by the auth plugin
// once the key is known; it reads this request's IP state from `request.ipBucket`.
//
// Carrier routes (/carrier/twilio/*) are counted too, and carry the headers, but are not refused
// for the rate: Twilio calls from a shared pool of addresses and does not resend a status callback
// or an inbound-call webhook we answer 429, so refusing would lose a call or its billing. A forged
// request on those routes is refused with 403 by the signature guard, which is as cheap as a 429.

declare module 'fastify' {
  interface FastifyRequest {
    ipBucket: BucketState | null;
  }
}

export function setRateHeaders(reply: FastifyReply, state: BucketState): void {
  reply.header('ratelimit-limit', String(state.limit));
  reply.header('ratelimit-remaining', String(state.remaining));
  reply.header('ratelimit-reset', String(state.resetSeconds));
  if (state.exceeded) reply.header('retry-after', String(state.resetSeconds));
}

export function rateHeaders(state: BucketState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
    ...(state.exceeded ? { 'Retry-After': String(state.resetSeconds) } : {}),
  };
}

export function rateLimited(state: BucketState): ApiError {
  return new ApiError('rate_limit_exceeded', `Too many requests; retry in ${state.resetSeconds} s.`);
}

/** Counts the request against its IP bucket and sets the headers; the state after counting. */
export function countIp(limiter: RateLimiter, request: FastifyRequest, reply: FastifyReply): BucketState {
  const state = limiter.ip(request.ip);
  request.ipBucket = state;
  setRateHeaders(reply, state);
  return state;
}

export function installIpRateLimit(app: FastifyInstance, limiter: RateLimiter): void {
  app.decorateRequest('ipBucket', null);
  app.addHook('onRequest', async (request, reply) => {
    const state = countIp(limiter, request, reply);
    if (state.exceeded && (request.is404 || request.routeOptions.config?.scope !== 'carrier')) throw rateLimited(state);
  });
}
