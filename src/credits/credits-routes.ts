import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { List, Nullable, One, Timestamp } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { type CreditsDeps, getBalance, ledger, purchase } from './credits-service.js';
import { LEDGER_KINDS } from './ledger.js';

const Balance = Type.Object(
  {
    balance_cents: Type.Integer(),
    currency: Type.Literal('USD'),
    livemode: Type.Boolean(),
    prices: Type.Object({
      number_monthly_cents: Type.Integer(),
      inbound_minute_cents: Type.Integer(),
      outbound_minute_cents: Type.Integer(),
      sms_segment_cents: Type.Integer(),
    }),
  },
  { $id: 'Balance', title: 'Balance' },
);

export const LedgerEntry = Type.Object(
  {
    id: Type.String({ description: '`led_` id.' }),
    kind: Type.Union(LEDGER_KINDS.map((k) => Type.Literal(k))),
    amount_cents: Type.Integer({ description: 'Positive adds credits, negative spends them.' }),
    balance_after_cents: Type.Integer(),
    currency: Type.Literal('USD'),
    description: Type.String(),
    related_resource: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
  },
  { $id: 'LedgerEntry', title: 'LedgerEntry' },
);

const PurchaseBody = Type.Object(
  {
    amount_cents: Type.Integer({
      minimum: 1000,
      multipleOf: 1000,
      description: 'A positive multiple of 1000 (packs of $10.00).',
      'x-example': 1000,
    }),
  },
  { additionalProperties: false },
);

const LedgerQuery = Type.Object({
  ...PageQuery,
  kind: Type.Optional(Type.Union(LEDGER_KINDS.map((k) => Type.Literal(k)))),
  related_id: Type.Optional(Type.String({ maxLength: 100, description: 'Only entries about this resource (e.g. a number or call id).' })),
});

export async function creditsRoutes(app: FastifyInstance, deps: CreditsDeps) {
  app.get(
    '/credits/balance',
    {
      config: { scope: 'credits:read' },
      schema: { tags: ['credits'], summary: 'Your credit balance and prices', response: { 200: One(Balance) } },
    },
    async (request) => ({ data: await getBalance(deps, authOf(request).scope), request_id: request.id }),
  );

  app.post<{ Body: Static<typeof PurchaseBody> }>(
    '/credits/purchase',
    {
      config: { scope: 'credits:write' },
      schema: {
        tags: ['credits'],
        summary: 'Buy credits',
        description: 'Adds credits in packs of $10.00 and returns the ledger entry. Send an Idempotency-Key to retry safely.',
        body: PurchaseBody,
        response: { 201: One(LedgerEntry) },
      },
    },
    async (request, reply) => {
      const entry = await purchase(deps, authOf(request).scope, request.body.amount_cents, request.idempotency);
      return reply.code(201).send({ data: entry, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof LedgerQuery> }>(
    '/credits/ledger',
    {
      config: { scope: 'credits:read' },
      schema: { tags: ['credits'], summary: 'The credit ledger, newest first', querystring: LedgerQuery, response: { 200: List(LedgerEntry) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await ledger(deps, authOf(request).scope, page, { kind: request.query.kind, relatedId: request.query.related_id });
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );
}
