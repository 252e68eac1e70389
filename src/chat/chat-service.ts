import type { ChatMessage } from '../agents/agent.js';
import type { AgentFactory } from '../calls/agent-factory.js';
import { runAgentTurn } from '../calls/agent-turn.js';
import { CALL_TOOLS, END_CALL, TRANSFER_CALL } from '../calls/tools.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { ChatConversationsTable } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { findNumber } from '../numbers/number-repository.js';
import { withAgent } from '../agent-profiles/agent-overlay.js';
import type { Scope } from '../scope.js';

// Chat with a number's agent by text (seed 000's "chat with the agent"): the same webhook or
// managed agent as on calls, threaded by conversation_id, nothing metered. The conversation id
// is either ours (`conv_`, returned by the first reply) or the client's own name for it, which
// starts a conversation on first use and continues it afterwards (per workspace, mode and
// number). The agent is offered the same call-control tools as on a call, and chat shows what a
// caller would hear: the goodbye of end_call and the line of transfer_call are part of the reply.

export interface ChatDeps {
  db: Db;
  clock: Clock;
  agentFor: AgentFactory;
}

const MAX_STORED = 100;
const OUR_PREFIX = 'conv_';
/** end_call and transfer_call; pressing keys means nothing in a chat. */
const CHAT_TOOLS = CALL_TOOLS.filter((t) => t.function.name === END_CALL || t.function.name === TRANSFER_CALL);

async function loadConversation(deps: ChatDeps, scope: Scope, numberId: string, id: string | undefined): Promise<ChatConversationsTable> {
  const now = deps.clock.now().toISOString();
  const fresh = (clientId: string | null): ChatConversationsTable => ({
    id: newId('conv'), workspace_id: scope.workspaceId, mode: scope.mode, number_id: numberId, client_id: clientId, messages: '[]', created_at: now, updated_at: now,
  });
  if (!id) return fresh(null);
  const conversations = deps.db.selectFrom('chat_conversations').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (id.startsWith(OUR_PREFIX)) {
    // One we generated: it exists on this number, or it is a mistake worth saying so.
    const row = await conversations.where('id', '=', id).executeTakeFirst();
    if (!row || row.number_id !== numberId) {
      throw new ApiError('not_found', 'No such conversation for this number.', [{ field: 'conversation_id', error: 'not_found', received: id }]);
    }
    return row;
  }
  // The client's own id: created on first use. Two first uses at once both land on one row.
  await deps.db.insertInto('chat_conversations').values(fresh(id)).onConflict((oc) => oc.columns(['workspace_id', 'mode', 'number_id', 'client_id']).doNothing()).execute();
  return conversations.where('number_id', '=', numberId).where('client_id', '=', id).executeTakeFirstOrThrow();
}

/** How the agent ended the conversation, as it would end a call; null when it goes on. */
export type ChatEnding = { reason: 'agent_ended' } | { reason: 'transferred'; transfer_to: string };

export interface ChatTurnResult {
  reply: string;
  ending: ChatEnding | null;
}

export interface ChatTurn {
  /** The id the client sends back: its own, or the `conv_` one we generated. */
  conversationId: string;
  /** Runs the turn (once), handing over the reply as a caller would hear it, piece by piece: the agent's text, then a call-control tool's line. */
  stream(onDelta: (text: string) => void): Promise<void>;
  /** Stores the exchange once the reply is complete (or cut short) and says how the turn ended. */
  finish(): Promise<ChatTurnResult>;
}

export async function startChatTurn(deps: ChatDeps, scope: Scope, numberId: string, message: string, conversationId: string | undefined, signal: AbortSignal): Promise<ChatTurn> {
  const own = await findNumber(deps.db, scope, numberId);
  if (!own) throw notFound('number');
  const number = await withAgent(deps.db, own);
  if (number.status !== 'active') throw new ApiError('conflict', 'This number has been released.');
  const convo = await loadConversation(deps, scope, numberId, conversationId);
  const publicId = convo.client_id ?? convo.id;
  const history = JSON.parse(convo.messages) as ChatMessage[];
  history.push({ role: 'user', content: message });
  const messages: ChatMessage[] = number.system_prompt ? [{ role: 'system', content: number.system_prompt }, ...history] : history;
  const agent = deps.agentFor(number, { 'X-Agentline-Conversation-Id': publicId, 'X-Agentline-Number-Id': number.id }, { type: 'chat', id: publicId });
  // The same turn loop as calls and SMS; chat offers no tools the gateway runs, so it is one request.
  const input = { agent, messages, tools: CHAT_TOOLS, metadata: { conversation_id: publicId, number_id: number.id, channel: 'chat' }, signal };

  let reply = '';
  let ending: ChatEnding | null = null;
  let streamed: Promise<void> | undefined;
  const stream = async (onDelta: (text: string) => void): Promise<void> => {
    const result = await runAgentTurn(input, {
      text: (text) => {
        reply += text;
        onDelta(text);
      },
    });
    if (!result.ending) return;
    // As on a call: the first end or transfer wins; a goodbye is spoken only if nothing was said.
    const action = result.ending;
    ending = action.kind === 'end' ? { reason: 'agent_ended' } : { reason: 'transferred', transfer_to: action.to };
    const line = result.closingLine;
    if (line) {
      const text = reply && !/\s$/.test(reply) ? ` ${line}` : line;
      reply += text;
      onDelta(text);
    }
  };

  let finished: Promise<ChatTurnResult> | undefined;
  return {
    conversationId: publicId,
    stream: (onDelta) => (streamed ??= stream(onDelta)),
    finish() {
      finished ??= (async () => {
        if (reply) history.push({ role: 'assistant', content: reply });
        const stored = JSON.stringify(history.slice(-MAX_STORED));
        const now = deps.clock.now().toISOString();
        await deps.db
          .insertInto('chat_conversations')
          .values({ ...convo, messages: stored, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ messages: stored, updated_at: now }))
          .execute();
        return { reply, ending };
      })();
      return finished;
    },
  };
}
