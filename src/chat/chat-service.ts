import type { AgentChunk, ChatMessage } from '../agents/agent.js';
import type { AgentFactory } from '../calls/agent-factory.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { ChatConversationsTable } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { findNumber } from '../numbers/number-repository.js';
import type { Scope } from '../scope.js';

// Chat with a number's agent by text (seed 000's "chat with the agent"): the same webhook or
// managed agent as on calls, threaded by conversation_id, nothing metered.

export interface ChatDeps {
  db: Db;
  clock: Clock;
  agentFor: AgentFactory;
}

const MAX_STORED = 100;

async function loadConversation(deps: ChatDeps, scope: Scope, numberId: string, id: string | undefined): Promise<ChatConversationsTable> {
  const now = deps.clock.now().toISOString();
  if (!id) return { id: newId('conv'), workspace_id: scope.workspaceId, mode: scope.mode, number_id: numberId, messages: '[]', created_at: now, updated_at: now };
  const row = await deps.db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.number_id !== numberId) {
    throw new ApiError('not_found', 'No such conversation for this number.', [{ field: 'conversation_id', error: 'not_found', received: id }]);
  }
  return row;
}

export interface ChatTurn {
  conversationId: string;
  stream: AsyncIterable<AgentChunk>;
  /** Stores the exchange once the reply is complete (or cut short). */
  save(reply: string): Promise<void>;
}

export async function startChatTurn(deps: ChatDeps, scope: Scope, numberId: string, message: string, conversationId: string | undefined, signal: AbortSignal): Promise<ChatTurn> {
  const number = await findNumber(deps.db, scope, numberId);
  if (!number) throw notFound('number');
  if (number.status !== 'active') throw new ApiError('conflict', 'This number has been released.');
  const convo = await loadConversation(deps, scope, numberId, conversationId);
  const history = JSON.parse(convo.messages) as ChatMessage[];
  history.push({ role: 'user', content: message });
  const messages: ChatMessage[] = number.system_prompt ? [{ role: 'system', content: number.system_prompt }, ...history] : history;
  const agent = deps.agentFor(number, { 'X-Agentline-Conversation-Id': convo.id, 'X-Agentline-Number-Id': number.id });
  const stream = agent.streamReply({ messages, tools: [], metadata: { conversation_id: convo.id, number_id: number.id, channel: 'chat' } }, signal);
  return {
    conversationId: convo.id,
    stream,
    async save(reply) {
      if (reply) history.push({ role: 'assistant', content: reply });
      const stored = JSON.stringify(history.slice(-MAX_STORED));
      const now = deps.clock.now().toISOString();
      await deps.db
        .insertInto('chat_conversations')
        .values({ ...convo, messages: stored, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ messages: stored, updated_at: now }))
        .execute();
    },
  };
}
