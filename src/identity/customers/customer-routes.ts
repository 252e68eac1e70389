import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { Deleted } from '../../crm/sales/sales-shared.js';
import { ContactInput, CreateCustomerBody, CustomerSchema, ListCustomersQuery, UpdateCustomerBody } from './customer-schemas.js';
import * as service from './customer-service.js';
import { CustomerTimelineQuery, customerTimeline } from './customer-timeline.js';
import { TimelineEntrySchema } from '../../crm/people/timeline/timeline-schemas.js';

// /v1/identity/customers (seed 001 "Customer Endpoints"), backed by CRM contacts.

const Params = IdParams('cus');
const GuidParams = Type.Object({ guid: Type.String({ maxLength: 100, description: 'A CRM contact id (`con_…`).' }) });
const ContactParams = Type.Object({ ...Params.properties, ...GuidParams.properties });
const ListQuery = Type.Object({ ...PageQuery, ...ListCustomersQuery });
const TimelineQuery = Type.Object({ ...PageQuery, ...CustomerTimelineQuery });
const CustomerList = Type.Object({
  data: Type.Array(CustomerSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  count: Type.Integer({ description: 'How many customers this page holds (the seed\'s `count`).' }),
  request_id: Type.String(),
});
type P = { Params: Static<typeof Params> };
const tags = ['customers'];
const scope = { read: 'crm:read', write: 'crm:write' } as const;

export async function customerRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateCustomerBody> }>(
    '/identity/customers',
    {
      config: { scope: scope.write },
      schema: {
        tags,
        summary: 'Create customer',
        description:
          'Each of `contacts` is `{ email, display_name? }` (the CRM contact with that email is linked, or a new one is created) or `{ guid }` (an existing CRM contact). The first is the primary contact; a readable `phone` is added to its phones, so calls and SMS from it show on the customer. A contact belongs to one customer (409 `contact_taken` otherwise). Emits `customer.created`.',
        body: CreateCustomerBody,
        response: { 201: One(CustomerSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.createCustomer(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/identity/customers',
    {
      config: { scope: scope.read },
      schema: { tags, summary: 'List customers, newest first', description: 'Filters `tag`, `email`, `query` (or `q`); `cursor` or the seed\'s `offset` pages.', querystring: ListQuery, response: { 200: CustomerList } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listCustomers(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, count: items.length, request_id: request.id };
    },
  );

  app.get<{ Params: Static<typeof GuidParams> }>(
    '/identity/customers/by-contact/:guid',
    {
      config: { scope: scope.read },
      schema: { tags, summary: 'Get the customer of a contact', description: 'The customer a CRM contact (`con_…`) belongs to, with its recent calls and SMS; 404 when it belongs to none.', params: GuidParams, response: { 200: One(CustomerSchema) } },
    },
    async (request) => ({ data: await service.getCustomerByContact(deps, authOf(request).scope, request.params.guid), request_id: request.id }),
  );

  app.get<P>(
    '/identity/customers/:id',
    {
      config: { scope: scope.read },
      schema: { tags, summary: 'Get customer', description: 'With `recent_calls` and `recent_sms`: its contacts\' and its phone\'s latest calls and texts.', params: Params, response: { 200: One(CustomerSchema) } },
    },
    async (request) => ({ data: await service.getCustomer(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.get<P & { Querystring: Static<typeof TimelineQuery> }>(
    '/identity/customers/:id/timeline',
    {
      config: { scope: scope.read },
      schema: {
        tags,
        summary: 'Customer timeline, newest first',
        description: 'The calls and SMS of any of its contacts, and those with its phone, as `{ type, id, occurred_at, summary, resource }` entries (the contact timeline\'s). Filter with `type` (`call` | `sms`).',
        params: Params,
        querystring: TimelineQuery,
        response: { 200: List(TimelineEntrySchema) },
      },
    },
    async (request) => {
      const { items, nextCursor } = await customerTimeline(deps, authOf(request).scope, request.params.id, request.query);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.patch<P & { Body: Static<typeof UpdateCustomerBody> }>(
    '/identity/customers/:id',
    {
      config: { scope: scope.write },
      schema: {
        tags,
        summary: 'Update customer',
        description: 'Partial: `company`, `phone`, `notes` (null clears), `tags` (replaces the list), `metadata` (merged; a key set to null is removed). A new readable phone is added to the primary contact. Emits `customer.updated`.',
        params: Params,
        body: UpdateCustomerBody,
        response: { 200: One(CustomerSchema) },
      },
    },
    async (request) => ({ data: await service.updateCustomer(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/identity/customers/:id',
    {
      config: { scope: scope.write },
      schema: { tags, summary: 'Delete customer', description: 'Removes the customer; its CRM contacts, their calls and SMS stay. Emits `customer.deleted`.', params: Params, response: { 200: One(Deleted) } },
    },
    async (request) => ({ data: await service.deleteCustomer(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P & { Body: Static<typeof ContactInput> }>(
    '/identity/customers/:id/contacts',
    {
      config: { scope: scope.write },
      schema: {
        tags,
        summary: 'Add a contact to a customer',
        description: '`{ email, display_name? }` or `{ guid }`, as on create. 201 with the customer; 200 when the contact was already on it; 409 `contact_taken` when another customer has it.',
        params: Params,
        body: ContactInput,
        response: { 200: One(CustomerSchema), 201: One(CustomerSchema) },
      },
    },
    async (request, reply) => {
      const { created, dto } = await service.addContact(deps, authOf(request).scope, request.params.id, request.body, request.idempotency);
      return reply.code(created ? 201 : 200).send({ data: dto, request_id: request.id });
    },
  );

  app.delete<{ Params: Static<typeof ContactParams> }>(
    '/identity/customers/:id/contacts/:guid',
    {
      config: { scope: scope.write },
      schema: {
        tags,
        summary: 'Remove a contact from a customer',
        description: 'Unlinks the CRM contact (which stays in the CRM). The last contact cannot be removed (409 `last_contact`): delete the customer instead. Removing the primary contact makes the next one primary.',
        params: ContactParams,
        response: { 200: One(CustomerSchema) },
      },
    },
    async (request) => ({ data: await service.removeContact(deps, authOf(request).scope, request.params.id, request.params.guid), request_id: request.id }),
  );
}
