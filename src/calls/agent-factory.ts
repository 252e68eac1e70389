import type OpenAI from 'openai';
import type { AgentClient } from '../agents/agent.js';
import { ManagedAgent } from '../agents/managed-agent.js';
import { WebhookAgent } from '../agents/webhook-agent.js';
import type { Config } from '../config.js';
import type { CallsTable, NumbersTable } from '../db/schema.js';
import type { Resolver } from '../net/url-safety.js';

// Picks the agent behind a number: the developer's webhook, or the managed model.

export interface AgentFactoryDeps {
  config: Config;
  openai: OpenAI;
  resolve?: Resolver;
}

export type AgentFactory = (number: NumbersTable, extraHeaders: Record<string, string>) => AgentClient;

export function createAgentFactory(deps: AgentFactoryDeps): AgentFactory {
  const v = deps.config.voice;
  return (number, extraHeaders) => {
    if (number.webhook_url) {
      return new WebhookAgent({
        url: number.webhook_url,
        bearerToken: number.webhook_token,
        signingSecret: number.webhook_secret,
        allowPrivate: deps.config.allowPrivateUrls,
        connectTimeoutMs: v.agentConnectTimeoutMs,
        // The first-token timeout speaks the fallback line; the header timeout only guards the socket.
        headersTimeoutMs: v.firstTokenTimeoutMs + v.agentConnectTimeoutMs,
        idleTimeoutMs: v.agentIdleTimeoutMs,
        maxResponseBytes: 1_048_576,
        headers: extraHeaders,
        lookup: deps.resolve,
      });
    }
    return new ManagedAgent({ client: deps.openai, model: deps.config.openai.model, timeoutMs: v.agentIdleTimeoutMs * 4 });
  };
}

export function agentContext(call: CallsTable, number: NumbersTable, channel: 'voice' | 'sms' | 'chat') {
  return {
    systemPrompt: call.system_prompt_override ?? number.system_prompt,
    metadata: { call_id: call.id, number_id: number.id, from: call.from_number, to: call.to_number, direction: call.direction, channel },
    headers: { 'X-Agentline-Call-Id': call.id, 'X-Agentline-Number-Id': number.id, 'X-Agentline-Direction': call.direction },
  };
}
