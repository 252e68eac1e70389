import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { AccountSchema, CreateAccountBody, ListAccountsQuery, UpdateAccountBody } from './account-schemas.js';
import { createAccount, getAccount, listAccounts, updateAccount } from './account-service.js';

const Params = IdParams('acct');
const ListQuery = Type.Object({ ...PageQuery, ...ListAccountsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['accounting'];

export async function accountRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateAccountBody> }>(
    '/accounting/accounts',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Create accounting account',
        description: '`code` is unique in the workspace (409). `default_for` makes it the account invoices (`receivables`, `revenue`) or payments (`cash`) post to.',
        body: CreateAccountBody,
        response: { 201: One(AccountSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createAccount(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/accounting/accounts',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'List accounting accounts', querystring: ListQuery, response: { 200: List(AccountSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listAccounts(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/accounting/accounts/:id',
    { config: { scope: 'crm:read' }, schema: { tags, summary: 'Get an accounting account with its balance', params: Params, response: { 200: One(AccountSchema) } } },
    async (request) => ({ data: await getAccount(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateAccountBody> }>(
    '/accounting/accounts/:id',
    {
      config: { scope: 'crm:write' },
      schema: {
        tags,
        summary: 'Update an accounting account',
        description: 'Rename, re-code, archive, or set `default_for`. `type` changes only while no journal line uses the account (409 `account_in_use`).',
        params: Params,
        body: UpdateAccountBody,
        response: { 200: One(AccountSchema) },
      },
    },
    async (request) => ({ data: await updateAccount(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );
}
