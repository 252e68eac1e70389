import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../http/plugins/errors.js';

// Graceful drain: a node asked to stop (SIGTERM) takes no new call — placing one, an inbound
// call's first webhook, a softphone socket — so the load balancer's retry lands on another node,
// and `/readyz` answers 503 so it stops sending them at all. Calls already up keep every request
// and socket they need (an outbound call's answer URL, its relay or media socket, its status
// callbacks) until they finish or the drain deadline hands them to recovery.

export class Drain {
  private since: number | null = null;

  get draining(): boolean {
    return this.since !== null;
  }

  start(): void {
    this.since ??= Date.now();
  }
}

/** Does this request start a new call? */
function startsCall(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (request.method === 'POST' && path === '/v1/calls') return true;
  if (request.method === 'POST' && path === '/carrier/twilio/voice') return !(request.query as Record<string, unknown> | undefined)?.call_id;
  return request.method === 'GET' && (path === '/v1/softphone' || path === '/v1/softphone/media');
}

export function installDrain(app: FastifyInstance, drain: Drain): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!drain.draining) return;
    if (startsCall(request) || request.url.split('?')[0] === '/readyz') {
      reply.header('Retry-After', '1');
      return sendError(reply, request, 'unavailable', 'This gateway node is shutting down and takes no new calls; retry (another node will take it).');
    }
  });
}
