import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { Deleted } from '../sales-shared.js';
import { CreateInvoiceBody, InvoiceSchema, ListInvoicesQuery, UpdateInvoiceBody } from './invoice-schemas.js';
import { createInvoice, deleteInvoice, getInvoice, listInvoices, updateInvoice } from './invoice-service.js';

const Params = IdParams('inv');
const ListQuery = Type.Object({ ...PageQuery, ...ListInvoicesQuery });
type P = { Params: Static<typeof Params> };
const tags = ['invoices'];

export async function invoiceRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateInvoiceBody> }>(
    '/invoices',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create an invoice',
        description:
          'Totals are computed: each line\'s amount is quantity (default 1) × unit_amount_cents, subtotal their sum, total = subtotal (no tax). ' +
          '`invoice_number` is unique in the workspace (409); omitted, the next free `INV-0001`-style number is used. Starts as `draft` unless ' +
          '`status: "sent"`. `company_id`, `contact_id`, `deal_id` must exist (404 naming the field).',
        body: CreateInvoiceBody,
        response: { 201: One(InvoiceSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createInvoice(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/invoices',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'List invoices, newest first', querystring: ListQuery, response: { 200: List(InvoiceSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listInvoices(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/invoices/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get an invoice with its line items', params: Params, response: { 200: One(InvoiceSchema) } } },
    async (request) => ({ data: await getInvoice(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateInvoiceBody> }>(
    '/invoices/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Edit a draft, send or void an invoice',
        description:
          'Only drafts can be edited (`line_items` replaces the list and recomputes totals); otherwise 409. `status: "sent"` issues a draft ' +
          '(a zero-total invoice becomes `paid` at once); `status: "void"` cancels an invoice that has no payments (409 once anything was paid).',
        params: Params,
        body: UpdateInvoiceBody,
        response: { 200: One(InvoiceSchema) },
      },
    },
    async (request) => ({ data: await updateInvoice(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/invoices/:id',
    {
      config: { scope: 'crm:write' },
      schema: { tags, summary: 'Delete a draft invoice', description: 'Only drafts; an issued invoice answers 409 (void it instead).', params: Params, response: { 200: One(Deleted) } },
    },
    async (request) => ({ data: await deleteInvoice(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
