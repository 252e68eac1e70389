import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm-deps.js';
import { dealStageRoutes } from './deal-stages/deal-stage-routes.js';
import { dealRoutes } from './deals/deal-routes.js';
import { invoiceRoutes } from './invoices/invoice-routes.js';
import { leadRoutes } from './leads/lead-routes.js';
import { paymentRoutes } from './payments/payment-routes.js';

/** Routes for leads, deal stages, deals, invoices and payments (under /v1). */
export async function salesRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await leadRoutes(app, deps);
  await dealStageRoutes(app, deps);
  await dealRoutes(app, deps);
  await invoiceRoutes(app, deps);
  await paymentRoutes(app, deps);
}
