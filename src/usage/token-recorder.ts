import type { FastifyBaseLogger } from 'fastify';
import type { NumbersTable } from '../db/schema.js';
import { scopeOf } from '../scope.js';
import { notePlanUsage, type PlanDeps } from './plan-enforcement.js';
import { insertUsage } from './usage-service.js';
import { newId } from '../ids.js';

// Managed agents' model usage, recorded from the usage figures the model streams at the end of
// every reply (`stream_options: { include_usage: true }`): one token_usage record per model
// request, against the call or the SMS it answered and the agent behind the number.

export interface ModelUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  model: string;
}

/** What the tokens were spent on: a call, an SMS, or a chat conversation (its public id). */
export type UsageRelated = { type: 'call' | 'sms' | 'chat'; id: string };

const OPERATION = { call: 'call_turn', sms: 'sms_reply', chat: 'chat_reply' } as const;

export type TokenRecorder = (number: NumbersTable, related: UsageRelated, usage: ModelUsage) => void;

export function createTokenRecorder(deps: PlanDeps & { log: FastifyBaseLogger }): TokenRecorder {
  return (number, related, usage) => {
    const scope = scopeOf(number);
    const at = deps.clock.now().toISOString();
    // Off the turn's path: the caller hears the reply whatever the bookkeeping does.
    void (async () => {
      await insertUsage(deps.db, {
        id: newId('use'), workspace_id: scope.workspaceId, mode: scope.mode, type: 'token_usage', source: 'managed',
        agent_id: number.agent_id ?? null, related_type: related.type, related_id: related.id,
        prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens, total_tokens: usage.total_tokens,
        model: usage.model, provider: 'openai', usage_type: related.type,
        operation: OPERATION[related.type], status: null, conversation_id: related.type === 'chat' ? related.id : null, task_id: null,
        message_id: null, result: null, metadata: JSON.stringify({ number_id: number.id }), created_at: at,
      });
      await notePlanUsage(deps, scope, ['tokens']);
    })().catch((err: unknown) => deps.log.error({ err, [`${related.type}_id`]: related.id }, 'could not record token usage'));
  };
}
