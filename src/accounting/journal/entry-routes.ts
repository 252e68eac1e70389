import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { Deleted, emptyBodyAsObject } from '../../crm/sales/sales-shared.js';
import { CreateEntryBody, EntrySchema, ListEntriesQuery, ReverseEntryBody, UpdateEntryBody } from './entry-schemas.js';
import { createEntry, deleteEntry, getEntry, listEntries, reverseEntry, updateEntry } from './entry-service.js';

const Params = IdParams('je');
const ListQuery = Type.Object({ ...PageQuery, ...ListEntriesQuery });
type P = { Params: Static<typeof Params> };
const tags = ['accounting'];

export async function entryRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateEntryBody> }>(
    '/accounting/journal-entries',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create journal entry',
        description:
          'The lines must balance: each line has `debit_cents` or `credit_cents` (positive integer cents, never both) on an open account of this workspace, and the debits sum to the credits. ' +
          'Otherwise 422 `validation_error` whose `details` name each problem (`lines.1.account_id` `account_not_found`, `lines` `unbalanced` ...). `status: "posted"` posts it at once; a posted entry is immutable.',
        body: CreateEntryBody,
        response: { 201: One(EntrySchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createEntry(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/accounting/journal-entries',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'List journal entries', querystring: ListQuery, response: { 200: List(EntrySchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listEntries(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/accounting/journal-entries/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get a journal entry with its lines', params: Params, response: { 200: One(EntrySchema) } } },
    async (request) => ({ data: await getEntry(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateEntryBody> }>(
    '/accounting/journal-entries/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Edit or post a draft journal entry',
        description: 'Drafts only (a posted entry answers 409 `entry_posted`). `lines` replaces all lines and is checked like a new entry; `status: "posted"` posts the draft.',
        params: Params,
        body: UpdateEntryBody,
        response: { 200: One(EntrySchema) },
      },
    },
    async (request) => ({ data: await updateEntry(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/accounting/journal-entries/:id',
    { config: { scope: 'crm:write' }, schema: { tags, summary: 'Delete a draft journal entry', description: 'Drafts only; a posted entry answers 409 (reverse it instead).', params: Params, response: { 200: One(Deleted) } } },
    async (request) => ({ data: await deleteEntry(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P & { Body: Static<typeof ReverseEntryBody> }>(
    '/accounting/journal-entries/:id/reverse',
    {
      config: { scope: 'crm:write' },
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        summary: 'Reverse a posted journal entry',
        description: 'Posts a new entry with every line on the other side, linked both ways (`reversal_of` / `reversed_by`). An entry is reversed once (409 `already_reversed`).',
        params: Params,
        body: ReverseEntryBody,
        response: { 201: One(EntrySchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await reverseEntry(deps, authOf(request).scope, request.params.id, request.body ?? {}, request.idempotency), request_id: request.id }),
  );
}
