import type { FastifyInstance } from 'fastify';
import { One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import type { CrmDeps } from '../crm/crm-deps.js';
import { accountRoutes } from './accounts/account-routes.js';
import { entryRoutes } from './journal/entry-routes.js';
import { TrialBalanceQuery, TrialBalanceSchema, trialBalance } from './trial-balance.js';

/** Double-entry accounting (seed 003 accounting group, `crm:*` scopes), under /v1. */
export async function accountingRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await accountRoutes(app, deps);
  await entryRoutes(app, deps);
  app.get<{ Querystring: { currency?: string; as_of?: string } }>(
    '/accounting/trial-balance',
    {
      config: { scope: 'crm:read' },
      schema: {
        tags: ['accounting'],
        summary: 'Get the trial balance',
        description: 'Posted debits and credits per account in one currency (default USD), optionally up to `as_of`. The totals are always equal: `balance_cents` is 0.',
        querystring: TrialBalanceQuery,
        response: { 200: One(TrialBalanceSchema) },
      },
    },
    async (request) => ({ data: await trialBalance(deps.db, authOf(request).scope, request.query), request_id: request.id }),
  );
}
