import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AgentError } from '../agents/agent.js';
import { IdParams } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { type ChatDeps, startChatTurn } from './chat-service.js';

const Body = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 8000, description: 'What you say to the agent.' }),
    conversation_id: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_.:-]{1,100}$',
        description:
          'Continue a conversation: the `conversation_id` of an earlier reply, or your own id for it (1-100 of A-Z a-z 0-9 _ . : -), which starts a conversation on first use and continues it afterwards. Ids are per number; `conv_` ids are ours.',
        'x-example': 'session_abc',
      }),
    ),
  },
  { additionalProperties: false },
);
const Params = IdParams('num');

export async function chatRoutes(app: FastifyInstance, deps: ChatDeps) {
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>(
    '/numbers/:id/chat',
    {
      config: { scope: 'calls:write' },
      schema: {
        tags: ['numbers'],
        summary: 'Chat with the number\'s agent by text (SSE)',
        description:
          'Streams the agent\'s reply as Server-Sent Events: `event: delta` `{"text"}` for each piece, then `event: done` `{"conversation_id","reply","ended"}` (or `event: error` `{"code","message"}`). The agent has the call tools: what it would say on a call when it hangs up or transfers (its goodbye, "Transferring you now.") is part of the reply, and `ended` is then true with `end_reason` (`agent_ended`, `transferred`, with `transfer_to`). Send `conversation_id` back to continue. Not metered.',
        params: Params,
        body: Body,
        response: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
    async (request, reply) => {
      const controller = new AbortController();
      const turn = await startChatTurn(deps, authOf(request).scope, request.params.id, request.body.message, request.body.conversation_id, controller.signal);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-request-id': request.id,
        'x-conversation-id': turn.conversationId,
      });
      const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      res.on('close', () => controller.abort()); // the client left: stop the agent too
      try {
        await turn.stream((text) => send('delta', { text }));
        const { reply: text, ending } = await turn.finish();
        send('done', {
          conversation_id: turn.conversationId,
          reply: text,
          ended: ending !== null,
          ...(ending ? { end_reason: ending.reason } : {}),
          ...(ending?.reason === 'transferred' ? { transfer_to: ending.transfer_to } : {}),
          request_id: request.id,
        });
      } catch (err) {
        await turn.finish().catch(() => undefined);
        const message = err instanceof AgentError ? `${err.kind}: ${err.message}` : 'The agent failed.';
        if (!controller.signal.aborted) send('error', { code: 'agent_error', message, conversation_id: turn.conversationId });
        request.log.warn({ err }, 'chat turn failed');
      }
      res.end();
    },
  );
}
