import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { ApiError } from '../errors.js';
import { E164, One, PhoneInput, Timestamp } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { findActiveByPhone } from '../numbers/number-repository.js';
import { phoneContextOf, requireDialable } from '../phones/phone-input.js';
import { issueTicket } from './tickets.js';

// POST /v1/softphone/tickets: the bearer key buys a one-minute, single-use ticket for one test
// number, and the browser opens the softphone socket with it (see tickets.ts for why).

const TicketBody = Type.Object(
  {
    to: PhoneInput('The test number to call.'),
    from: Type.Optional(PhoneInput('Caller ID the agent sees; defaults to a fixed test caller.')),
  },
  { additionalProperties: false },
);

const Ticket = Type.Object(
  {
    ticket: Type.String({ description: 'Pass as `?ticket=` when opening `socket_path`. Good once, until `expires_at`.' }),
    expires_at: Timestamp(),
    to: E164(),
    from: Type.Union([E164(), Type.Null()]),
    media_mode: Type.Union([Type.Literal('relay'), Type.Literal('stream'), Type.Literal('realtime')], {
      description: 'How the number talks: a `relay` number takes text frames, the others Media Streams audio.',
    }),
    socket_path: Type.String({ description: '`/v1/softphone` (text frames) for a relay number, `/v1/softphone/media` (Media Streams audio) otherwise.' }),
  },
  { $id: 'SoftphoneTicket', title: 'SoftphoneTicket' },
);

export async function softphoneTicketRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  app.post<{ Body: Static<typeof TicketBody> }>(
    '/softphone/tickets',
    {
      config: { scope: 'calls:write' },
      schema: {
        tags: ['calls'],
        summary: 'A ticket for the browser softphone',
        description:
          'Test keys only. Returns a short-lived, single-use ticket for calling one of your test numbers from a browser: open `socket_path?ticket=...` (a browser cannot send an Authorization header on a WebSocket, and an API key must never go in a URL). The call is metered against test credits like any test call.',
        body: TicketBody,
        response: { 201: One(Ticket) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.scope.mode !== 'test') throw new ApiError('forbidden', 'The softphone calls test-mode numbers; use a test key (al_test_...).');
      const ctx = await phoneContextOf(deps.db, auth.scope);
      const to = requireDialable(request.body.to, 'to', ctx);
      const from = request.body.from === undefined ? null : requireDialable(request.body.from, 'from', ctx);
      const number = await findActiveByPhone(deps.db, 'test', to);
      if (!number || number.workspace_id !== auth.workspaceId) throw new ApiError('not_found', `No active test number ${to} in this workspace.`);
      const issued = await issueTicket(deps, { keyId: auth.keyId, workspaceId: auth.workspaceId, to, from });
      const socketPath = number.media_mode === 'relay' ? '/v1/softphone' : '/v1/softphone/media';
      return reply.code(201).send({
        data: { ...issued, to, from, media_mode: number.media_mode, socket_path: socketPath },
        request_id: request.id,
      });
    },
  );
}
