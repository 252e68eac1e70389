import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { CreatePaymentBody, ListPaymentsQuery, PaymentSchema } from './payment-schemas.js';
import { getPayment, listPayments, recordPayment } from './payment-service.js';

const Params = IdParams('pay');
const ListQuery = Type.Object({ ...PageQuery, ...ListPaymentsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['payments'];

export async function paymentRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreatePaymentBody> }>(
    '/payments',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Record a payment against an invoice',
        description:
          'Updates the invoice\'s `amount_paid_cents` and `status` (`partially_paid` / `paid`) atomically. A payment larger than what is still due ' +
          'answers 422 `exceeds_balance_due` and changes nothing, even under concurrent payments. Draft and void invoices answer 409. Emits ' +
          '`invoice.paid` when the invoice becomes fully paid.',
        body: CreatePaymentBody,
        response: { 201: One(PaymentSchema) },
      },
    },
    async (request, reply) => {
      const dto = await recordPayment(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/payments',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'List payments, newest first', querystring: ListQuery, response: { 200: List(PaymentSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await listPayments(deps, authOf(request).scope, page, { invoice_id: request.query.invoice_id }), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/payments/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get a payment', params: Params, response: { 200: One(PaymentSchema) } } },
    async (request) => ({ data: await getPayment(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
