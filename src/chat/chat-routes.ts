import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AgentError } from '../agents/agent.js';
import { IdParams } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { type ChatDeps, startChatTurn } from './chat-service.js';

const Body = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 8000, description: 'What you say to the agent.' }),
    conversation_id: Type.Optional(Type.String({ maxLength: 100, description: 'Continue a conversation (the `conversation_id` of an earlier reply).' })),
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
          'Streams the agent\'s reply as Server-Sent Events: `event: delta` `{"text"}` for each piece, then `event: done` `{"conversation_id","reply"}` (or `event: error` `{"code","message"}`). Send `conversation_id` back to continue. Not metered.',
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
      let text = '';
      try {
        for await (const chunk of turn.stream) {
          if (chunk.type === 'text') {
            text += chunk.text;
            send('delta', { text: chunk.text });
          }
        }
        await turn.save(text);
        send('done', { conversation_id: turn.conversationId, reply: text, request_id: request.id });
      } catch (err) {
        await turn.save(text).catch(() => undefined);
        const message = err instanceof AgentError ? `${err.kind}: ${err.message}` : 'The agent failed.';
        if (!controller.signal.aborted) send('error', { code: 'agent_error', message, conversation_id: turn.conversationId });
        request.log.warn({ err }, 'chat turn failed');
      }
      res.end();
    },
  );
}
