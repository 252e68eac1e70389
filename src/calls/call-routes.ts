import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, Nullable, One, PhoneInput, Timestamp } from '../http/envelope.js';
import { EmptyBody } from '../http/empty-body.js';
import { phoneContextOf, requireDialable, requirePhone } from '../phones/phone-input.js';

import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { Metadata } from '../numbers/number-schemas.js';
import { callDto } from './call-dto.js';
import { type CallApiDeps, getCall, getTranscript, hangUpCall, listCalls, placeCall } from './call-api-service.js';
import { recordingRoutes } from '../recordings/recording-routes.js';

const Status = Type.Union(['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'].map((s) => Type.Literal(s)));

export const CallSchema = Type.Object(
  {
    id: Type.String({ description: '`call_` id.' }),
    number_id: Type.String(),
    direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
    from: Type.String(),
    to: Type.String(),
    status: Status,
    livemode: Type.Boolean(),
    agent_mode: Type.Union([Type.Literal('managed'), Type.Literal('webhook')]),
    answered_at: Nullable(Timestamp()),
    ended_at: Nullable(Timestamp()),
    duration_seconds: Nullable(Type.Number()),
    billed_minutes: Type.Integer(),
    cost_cents: Type.Integer(),
    currency: Type.Literal('USD'),
    turn_count: Type.Integer(),
    end_reason: Nullable(Type.String({ description: 'caller_hangup, agent_ended, transferred, insufficient_credits, agent_failed, hangup_requested, recovered, refused_* ...' })),
    transfer_to: Nullable(Type.String()),
    contact_id: Nullable(Type.String({ description: 'The CRM contact matched by the other party\'s number.' })),
    agent_id: Nullable(Type.String({ description: 'The reusable agent (`agt_`) that handled the call; null: the number\'s own settings.' })),
    metadata: Type.Record(Type.String(), Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Call', title: 'Call' },
);

const Turn = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  speaker: Type.Union([Type.Literal('caller'), Type.Literal('agent'), Type.Literal('system')]),
  text: Type.String(),
  started_at: Timestamp(),
  interrupted: Type.Boolean({ description: 'The caller barged in; `text` is what they heard.' }),
  timings: Type.Object({
    first_token_ms: Nullable(Type.Number({ description: "The agent's time to first token." })),
    gateway_added_ms: Nullable(
      Type.Number({
        description:
          'Latency the gateway itself added before the first token reached the carrier. Stream calls: `first_audio_ms` minus (`endpointing_ms` + `stt_ms` + `first_token_ms` + `tts_first_byte_ms`).',
      }),
    ),
    agent_total_ms: Nullable(Type.Number()),
    endpointing_ms: Nullable(Type.Integer({ description: 'Stream calls: silence waited before the turn was taken. Null for relay calls.' })),
    stt_ms: Nullable(Type.Integer({ description: 'Stream calls: the speech-to-text request, upload to transcript. Null for relay calls.' })),
    tts_first_byte_ms: Nullable(Type.Integer({ description: "Stream calls: the reply's first TTS request to its first audio byte. Null for relay calls." })),
    first_audio_ms: Nullable(Type.Integer({ description: "Stream calls: end of the caller's speech to the first agent audio frame sent. Null for relay calls." })),
  }),
  error: Nullable(Type.String()),
  tool_calls: Nullable(Type.Array(Type.Unknown())),
});

const Transcript = Type.Object({ call_id: Type.String(), status: Status, complete: Type.Boolean(), turns: Type.Array(Turn) }, { $id: 'Transcript', title: 'Transcript' });

const PlaceBody = Type.Object(
  {
    from: Type.String({ maxLength: 100, description: 'The `num_` id of your number that places the call.' }),
    to: PhoneInput('The number to call, in any form libphonenumber reads (`(415) 555-2671`, `+44 20 7946 0958`); stored and returned in E.164. 422 `invalid_phone` when it is not a valid number.'),
    metadata: Type.Optional(Metadata),
    first_message: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Overrides the number\'s first_message for this call.' })),
    system_prompt: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'Overrides the number\'s system_prompt for this call.' })),
    recording: Type.Optional(Type.Boolean({ description: 'Record this call (or not), whatever the number\'s `recording` setting says.' })),
    agent_id: Type.Optional(Type.String({ maxLength: 100, description: 'An agent (`agt_`) whose settings run this call instead of the number\'s (or its agent\'s). 422 when archived or unknown, 409 when paused.' })),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object({
  ...PageQuery,
  number_id: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Status),
  direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
  from: Type.Optional(PhoneInput('Calls from this number, in any form.')),
  to: Type.Optional(PhoneInput('Calls to this number, in any form.')),
  created_after: Type.Optional(Type.String({ format: 'date-time' })),
  created_before: Type.Optional(Type.String({ format: 'date-time' })),
});

const Params = IdParams('call');
type P = { Params: Static<typeof Params> };

export async function callRoutes(app: FastifyInstance, deps: CallApiDeps) {
  await recordingRoutes(app, deps);
  app.post<{ Body: Static<typeof PlaceBody> }>(
    '/calls',
    {
      config: { scope: 'calls:write' },
      schema: {
        tags: ['calls'],
        summary: 'Place an outbound call',
        description: 'The agent behind `from` calls `to`. Test keys ring a registered softphone (`agentline call --listen`), or end as no-answer.',
        body: PlaceBody,
        response: { 201: One(CallSchema) },
      },
    },
    async (request, reply) => {
      const scope = authOf(request).scope;
      const to = requireDialable(request.body.to, 'to', await phoneContextOf(deps.db, scope));
      return reply.code(201).send({ data: await placeCall(deps, scope, { ...request.body, to }, { idempotency: request.idempotency }), request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/calls',
    { config: { scope: 'calls:read' }, schema: { tags: ['calls'], summary: 'List calls, newest first', querystring: ListQuery, response: { 200: List(CallSchema) } } },
    async (request) => {
      const q = request.query;
      const page = pageRequest(q);
      const scope = authOf(request).scope;
      const ctx = { ...(await phoneContextOf(deps.db, scope)), lenient: true };
      const lookup = (raw: string | undefined, field: string) => (raw === undefined ? undefined : requirePhone(raw, field, ctx).e164);
      const rows = await listCalls(deps, scope, page, {
        numberId: q.number_id, status: q.status, direction: q.direction, from: lookup(q.from, 'from'), to: lookup(q.to, 'to'),
        createdAfter: q.created_after && new Date(q.created_after).toISOString(),
        createdBefore: q.created_before && new Date(q.created_before).toISOString(),
      });
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/calls/:id',
    { config: { scope: 'calls:read' }, schema: { tags: ['calls'], summary: 'Get a call', params: Params, response: { 200: One(CallSchema) } } },
    async (request) => ({ data: callDto(await getCall(deps, authOf(request).scope, request.params.id)), request_id: request.id }),
  );

  app.get<P>(
    '/calls/:id/transcript',
    { config: { scope: 'calls:read' }, schema: { tags: ['calls'], summary: 'Get a call\'s transcript with per-turn timings', params: Params, response: { 200: One(Transcript) } } },
    async (request) => ({ data: await getTranscript(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P>(
    '/calls/:id/hangup',
    { config: { scope: 'calls:write' }, schema: { tags: ['calls'], summary: 'Hang up a call', params: Params, body: EmptyBody, response: { 200: One(CallSchema) } } },
    async (request) => ({ data: await hangUpCall(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
