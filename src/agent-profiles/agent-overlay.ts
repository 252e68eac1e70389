import type { Executor } from '../db/database.js';
import type { CallsTable, NumbersTable } from '../db/schema.js';
import type { AgentProfilesTable, AgentStatus } from '../db/schema-agents.js';
import type { AgentConfigInput } from './agent-schemas.js';
import { findAgentById } from './agent-repository.js';

// How a number that points at an agent behaves: the agent's settings replace the number's own
// (prompt or webhook always; voice, language, media mode, first message and speech timings where
// the agent sets them), read when a call or message starts, so a change to the agent applies to
// the next call on every number using it. The rest of a call's code keeps reading a number row;
// what only an agent has (model, tool switches, status) rides along on it under AGENT.

export interface NumberAgent {
  id: string;
  status: AgentStatus;
  /** Managed agents: the model, when the agent names one. */
  model: string | null;
  /** Tool sets (`call_control`, `crm`, `knowledge`): on unless the agent sets them false. */
  tools: { call_control: boolean; crm: boolean; knowledge: boolean };
  knowledgeCollectionId: string | null;
  /** The business identity goes into a managed agent's prompt unless `context.enabled` is false. */
  identityContext: boolean;
}

const AGENT = Symbol('agentline.agent');
type WithAgent = NumbersTable & { [AGENT]?: NumberAgent };

/** The agent behind a number row this module resolved; null for a number on its own settings. */
export const agentOf = (number: NumbersTable): NumberAgent | null => (number as WithAgent)[AGENT] ?? null;

/** Whether the number's agent (if any) takes calls and messages. */
export const agentAvailable = (number: NumbersTable) => {
  const agent = agentOf(number);
  return agent === null || agent.status === 'active';
};

export const parseConfig = (row: Pick<AgentProfilesTable, 'config'>) => JSON.parse(row.config) as AgentConfigInput;

function personaText(persona: AgentConfigInput['persona']): string | null {
  if (!persona) return null;
  const lines = [
    persona.tone ? `Tone: ${persona.tone}.` : null,
    persona.traits?.length ? `Traits: ${persona.traits.join(', ')}.` : null,
    persona.bio ? `About you: ${persona.bio}` : null,
    persona.signature ? `Sign written messages with: ${persona.signature}` : null,
  ].filter(Boolean);
  return lines.length ? `Your persona.\n${lines.join('\n')}` : null;
}

/** The system prompt an agent speaks with: its prompt, then its persona. */
export function agentPrompt(cfg: AgentConfigInput): string | null {
  return [cfg.system_prompt, personaText(cfg.persona)].filter(Boolean).join('\n\n') || null;
}

export function applyAgent(number: NumbersTable, agent: AgentProfilesTable): NumbersTable {
  const cfg = parseConfig(agent);
  const enabled = (name: string) => cfg.tools?.[name]?.enabled !== false;
  const resolved: NumberAgent = {
    id: agent.id,
    status: agent.status,
    model: cfg.model ?? null,
    tools: { call_control: enabled('call_control'), crm: enabled('crm'), knowledge: enabled('knowledge') },
    knowledgeCollectionId: cfg.knowledge?.collection_id ?? null,
    identityContext: cfg.context?.enabled !== false,
  };
  const row: WithAgent = {
    ...number,
    agent_id: agent.id,
    system_prompt: agentPrompt(cfg),
    webhook_url: cfg.webhook_url ?? null,
    webhook_token: cfg.webhook_url ? (cfg.webhook_token ?? null) : null,
    voice_id: cfg.voice_id ?? number.voice_id,
    language: cfg.language ?? number.language,
    media_mode: cfg.media_mode ?? number.media_mode,
    first_message: cfg.first_message ?? number.first_message,
    endpointing_ms: cfg.endpointing_ms ?? number.endpointing_ms,
    barge_in_ms: cfg.barge_in_ms ?? number.barge_in_ms,
  };
  row[AGENT] = resolved;
  return row;
}

/**
 * The number as a conversation sees it: with `agentId`'s settings (a call placed with its own
 * `agent_id`), else its own agent's, else its own.
 */
export async function withAgent(db: Executor, number: NumbersTable, agentId?: string | null): Promise<NumbersTable> {
  const id = agentId ?? number.agent_id ?? null;
  if (!id) return number;
  const agent = await findAgentById(db, id);
  if (!agent || agent.workspace_id !== number.workspace_id || agent.mode !== number.mode) return number;
  return applyAgent(number, agent);
}

/** The number of a call, with the agent the call was created with (its `agent_id`). */
export async function numberForCall(db: Executor, call: Pick<CallsTable, 'number_id' | 'agent_id'>): Promise<NumbersTable | undefined> {
  const number = await db.selectFrom('numbers').selectAll().where('id', '=', call.number_id).executeTakeFirst();
  if (!number) return undefined;
  if (!call.agent_id) return { ...number, agent_id: null };
  return withAgent(db, number, call.agent_id);
}
