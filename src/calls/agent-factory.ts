import http from 'node:http';
import https from 'node:https';
import type OpenAI from 'openai';
import type { AgentClient } from '../agents/agent.js';
import { ManagedAgent } from '../agents/managed-agent.js';
import { WebhookAgent } from '../agents/webhook-agent.js';
import type { Config } from '../config.js';
import type { CallsTable, NumbersTable } from '../db/schema.js';
import type { Resolver } from '../net/url-safety.js';
import { agentOf } from '../agent-profiles/agent-overlay.js';
import type { TokenRecorder, UsageRelated } from '../usage/token-recorder.js';

// Picks the agent behind a number: the developer's webhook, or the managed model.

export interface AgentFactoryDeps {
  config: Config;
  openai: OpenAI;
  resolve?: Resolver;
  /** Records a managed agent's token usage per model request (usage/token-recorder.ts). */
  recordTokens?: TokenRecorder;
}

/** `usage`: the call or SMS a managed agent's tokens are recorded against (none: not recorded). */
export type AgentFactory = ((number: NumbersTable, extraHeaders: Record<string, string>, usage?: UsageRelated) => AgentClient) & { close(): void };

export function createAgentFactory(deps: AgentFactoryDeps): AgentFactory {
  const v = deps.config.voice;
  // Connections to webhook agents are kept alive between turns: a new TCP (and TLS) connection
  // per turn costs the caller latency and the gateway CPU. Idle sockets close before typical
  // servers' keep-alive timeout (Node's is 5 s), and a stale one is retried once.
  const pool = { keepAlive: true, timeout: 4000, maxFreeSockets: 256 };
  const agents = { http: new http.Agent(pool), https: new https.Agent(pool) };
  const factory = (number: NumbersTable, extraHeaders: Record<string, string>, usage?: UsageRelated): AgentClient => {
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
        agents,
      });
    }
    const record = deps.recordTokens;
    return new ManagedAgent({
      client: deps.openai,
      model: agentOf(number)?.model ?? deps.config.openai.model,
      timeoutMs: v.agentIdleTimeoutMs * 4,
      ...(record && usage ? { onUsage: (u) => record(number, usage, u) } : {}),
    });
  };
  return Object.assign(factory, {
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

/**
 * What the agent of a call is told. `promptAddition` (the turn context's: for a managed agent,
 * what the CRM knows about the caller) follows the system prompt; a webhook agent gets
 * `metadata.contact_id` and an `X-Agentline-Contact-Id` header, and fetches what it needs through
 * the API.
 */
export function agentContext(call: CallsTable, number: NumbersTable, channel: 'voice' | 'sms' | 'chat', promptAddition: string | null) {
  const prompt = call.system_prompt_override ?? number.system_prompt;
  const contactId = call.contact_id;
  return {
    systemPrompt: promptAddition ? [prompt, promptAddition].filter(Boolean).join('\n\n') : prompt,
    metadata: {
      call_id: call.id, number_id: number.id, from: call.from_number, to: call.to_number, direction: call.direction, channel,
      ...(contactId ? { contact_id: contactId } : {}),
    },
    headers: {
      'X-Agentline-Call-Id': call.id, 'X-Agentline-Number-Id': number.id, 'X-Agentline-Direction': call.direction,
      ...(contactId ? { 'X-Agentline-Contact-Id': contactId } : {}),
    },
  };
}
