import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { sendError } from '../http/plugins/errors.js';

export async function healthRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.get('/healthz', { config: { scope: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { scope: 'public' }, schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready' };
    } catch (err) {
      request.log.error({ err }, 'database not reachable');
      return sendError(reply, request, 'unavailable', 'The database is not reachable.');
    }
  });
}
