import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../../http/envelope.js';
import { authOf } from '../../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../../http/pagination.js';
import type { CrmDeps } from '../../crm-deps.js';
import { ContactSchema, CreateContactBody, ListContactsQuery, UpdateContactBody } from './contact-schemas.js';
import { archiveContact, createContact, getContact, listContacts, updateContact } from './contact-service.js';

const Params = IdParams('con');
const ListQuery = Type.Object({ ...PageQuery, ...ListContactsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['contacts'];

export async function contactRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateContactBody> }>(
    '/contacts',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create contact',
        description: 'Phones are stored in E.164; `email` is kept as the first of `emails`. With `company_id`, `company_name` is the company\'s name. Emits `contact.created`.',
        body: CreateContactBody,
        response: { 201: One(ContactSchema) },
      },
    },
    async (request, reply) => {
      const dto = await createContact(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/contacts',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'Search contacts, newest first', querystring: ListQuery, response: { 200: List(ContactSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await listContacts(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/contacts/:id',
    {
      config: { scope: 'crm:read' },
      schema: { tags, summary: 'Get contact (archived ones too)', params: Params, response: { 200: One(ContactSchema) } },
    },
    async (request) => ({ data: await getContact(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateContactBody> }>(
    '/contacts/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update contact',
        description: '`phones` and `emails` replace the lists; `email` sets the primary email (null drops it). `custom_fields` merges: a key set to "" or null is removed.',
        params: Params,
        body: UpdateContactBody,
        response: { 200: One(ContactSchema) },
      },
    },
    async (request) => ({
      data: await updateContact(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/contacts/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Archive contact',
        description: 'Sets `archived_at`. The contact stays readable by id, but leaves lists (unless `include_archived=true`) and caller matching.',
        params: Params,
        response: { 200: One(ContactSchema) },
      },
    },
    async (request) => ({ data: await archiveContact(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
