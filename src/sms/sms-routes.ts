import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../errors.js';
import { IdParams, List, Nullable, One, PhoneInput, Timestamp } from '../http/envelope.js';
import { phoneContextOf, requireDialable, requirePhone } from '../phones/phone-input.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { findNumber } from '../numbers/number-repository.js';
import { Metadata } from '../numbers/number-schemas.js';
import { smsDto } from './sms-dto.js';
import { type SmsDeps, receiveSms, sendSms } from './sms-service.js';
import { findSms, listSms } from './sms-repository.js';

const Status = Type.Union(['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received'].map((s) => Type.Literal(s)));

export const SmsSchema = Type.Object(
  {
    id: Type.String({ description: '`sms_` id.' }),
    number_id: Type.String(),
    direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
    from: Type.String(),
    to: Type.String(),
    body: Type.String(),
    status: Status,
    segments: Type.Integer({ minimum: 1, description: 'Billed segments, counted exactly as Twilio counts them (GSM-7 160, or 153 per part; UCS-2 70, or 67 per part; a character is never split across parts).' }),
    encoding: Type.Union([Type.Literal('GSM-7'), Type.Literal('UCS-2')], { description: 'GSM-7, or UCS-2 when any character is outside the GSM 03.38 alphabet.' }),
    cost_cents: Type.Integer(),
    currency: Type.Literal('USD'),
    error_code: Nullable(Type.String()),
    error_message: Nullable(Type.String()),
    agent_reply: Type.Boolean({ description: 'Sent by the number\'s agent in answer to an inbound message.' }),
    contact_id: Nullable(Type.String({ description: 'The CRM contact matched by the other party\'s number.' })),
    livemode: Type.Boolean(),
    metadata: Type.Record(Type.String(), Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Sms', title: 'Sms' },
);

const SendBody = Type.Object(
  { from: Type.String({ maxLength: 100, description: 'The `num_` id of your number.' }), to: PhoneInput('The recipient, in any form libphonenumber reads (`(415) 555-2671`, `+44 20 7946 0958`); stored and returned in E.164. 422 `invalid_phone` when it is not a valid number.'), body: Type.String({ minLength: 1, maxLength: 1600 }), metadata: Type.Optional(Metadata) },
  { additionalProperties: false },
);
const TestInboundBody = Type.Object(
  { to: Type.String({ maxLength: 100, description: 'Your test number: its `num_` id.' }), from: PhoneInput('The sender, in any form libphonenumber reads; stored in E.164.'), body: Type.String({ minLength: 1, maxLength: 1600 }) },
  { additionalProperties: false },
);
const ListQuery = Type.Object({
  ...PageQuery,
  number_id: Type.Optional(Type.String({ maxLength: 100 })),
  direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
  status: Type.Optional(Status),
  counterpart: Type.Optional(PhoneInput('The other party\'s number, in any form.')),
});
const Params = IdParams('sms');

export async function smsRoutes(app: FastifyInstance, deps: SmsDeps) {
  app.post<{ Body: Static<typeof SendBody> }>(
    '/sms',
    {
      config: { scope: 'sms:write' },
      schema: {
        tags: ['sms'],
        summary: 'Send an SMS',
        description: 'Charged per segment before it is sent (402 when the balance cannot pay); refunded if the carrier fails it. 422 `recipient_opted_out` after the recipient replied STOP. Test keys: logged, not dispatched.',
        body: SendBody,
        response: { 201: One(SmsSchema) },
      },
    },
    async (request, reply) => {
      const scope = authOf(request).scope;
      const to = requireDialable(request.body.to, 'to', await phoneContextOf(deps.db, scope));
      return reply.code(201).send({ data: await sendSms(deps, scope, { ...request.body, to }, { idempotency: request.idempotency }), request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/sms',
    { config: { scope: 'sms:read' }, schema: { tags: ['sms'], summary: 'List SMS, newest first', querystring: ListQuery, response: { 200: List(SmsSchema) } } },
    async (request) => {
      const q = request.query;
      const page = pageRequest(q);
      const scope = authOf(request).scope;
      const counterpart = q.counterpart === undefined ? undefined : requirePhone(q.counterpart, 'counterpart', { ...(await phoneContextOf(deps.db, scope)), lenient: true }).e164;
      const rows = await listSms(deps.db, scope, page, { numberId: q.number_id, direction: q.direction, status: q.status, counterpart });
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items.map(smsDto), next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/sms/:id',
    { config: { scope: 'sms:read' }, schema: { tags: ['sms'], summary: 'Get an SMS', params: Params, response: { 200: One(SmsSchema) } } },
    async (request) => {
      const row = await findSms(deps.db, authOf(request).scope, request.params.id);
      if (!row) throw notFound('SMS');
      return { data: smsDto(row), request_id: request.id };
    },
  );

  app.post<{ Body: Static<typeof TestInboundBody> }>(
    '/sms/test-inbound',
    {
      config: { scope: 'sms:write' },
      schema: {
        tags: ['sms'],
        summary: 'Text your test number (test keys only)',
        description: 'Delivers an inbound SMS to a test number as if `from` had texted it. The agent\'s reply shows up in GET /v1/sms (and on a softphone listening as `from`).',
        body: TestInboundBody,
        response: { 201: One(SmsSchema) },
      },
    },
    async (request, reply) => {
      const scope = authOf(request).scope;
      if (scope.mode !== 'test') throw new ApiError('forbidden', 'Inbound test messages need a test key; live numbers receive real SMS.');
      const from = requireDialable(request.body.from, 'from', await phoneContextOf(deps.db, scope));
      const number = await findNumber(deps.db, scope, request.body.to);
      if (!number || number.status !== 'active') throw new ApiError('not_found', 'No such active number.', [{ field: 'to', error: 'not_found', received: request.body.to }]);
      const result = await receiveSms(deps, { mode: 'test', carrier: 'sim', carrierSid: `SIMIN${request.id.slice(4)}`, from, to: number.phone_number, body: request.body.body });
      return reply.code(201).send({ data: result.message!, request_id: request.id });
    },
  );
}
