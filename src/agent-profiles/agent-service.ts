import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db, Executor } from '../db/database.js';
import type { AgentProfilesTable, AgentStatus } from '../db/schema-agents.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { newId } from '../ids.js';
import { checkCustomerUrl, type Resolver } from '../net/url-safety.js';
import type { Scope } from '../scope.js';
import type { AgentConfigInput } from './agent-schemas.js';
import { parseConfig } from './agent-overlay.js';
import * as repo from './agent-repository.js';
import { agentStats, type AgentStats } from './agent-stats.js';

export interface AgentDeps {
  db: Db;
  clock: Clock;
  config: Config;
  resolve?: Resolver;
  log: FastifyBaseLogger;
}

export interface CreateAgentInput {
  name: string;
  kind?: string;
  role_id?: string;
  status?: AgentStatus;
  avatar_url?: string;
  config?: AgentConfigInput;
}

export interface UpdateAgentInput {
  name?: string;
  kind?: string;
  role_id?: string;
  status?: AgentStatus;
  avatar_url?: string | null;
  config?: Record<string, unknown>;
}

/** `Front Desk (EN)` → `front-desk-en`. */
export function kebabOf(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
  return slug || 'agent';
}

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
};
const roleTaken = (roleId: string) =>
  new ApiError('conflict', `Another agent already has role_id "${roleId}"; role ids are unique in a workspace.`, [{ field: 'role_id', error: 'already_exists', received: roleId }]);

async function vetConfig(deps: AgentDeps, cfg: AgentConfigInput): Promise<void> {
  if (!cfg.system_prompt && !cfg.webhook_url) {
    throw new ApiError('validation_error', 'An agent needs config.system_prompt (managed) or config.webhook_url (your own agent).', [
      { field: 'config.system_prompt', error: 'required_for_managed_agent' },
    ]);
  }
  if (cfg.webhook_url && cfg.media_mode === 'realtime') {
    throw new ApiError('validation_error', 'media_mode "realtime" (speech to speech) runs a managed agent on the system_prompt; an agent with a webhook_url takes "relay" or "stream".', [
      { field: 'config.media_mode', error: 'requires_managed_agent', received: cfg.media_mode },
    ]);
  }
  if (cfg.webhook_url) {
    const check = await checkCustomerUrl(cfg.webhook_url, { allowPrivate: deps.config.allowPrivateUrls, resolve: deps.resolve });
    if (!check.ok) throw new ApiError('validation_error', `config.webhook_url ${check.message}`, [{ field: 'config.webhook_url', error: check.error, received: cfg.webhook_url }]);
  }
}

export interface AgentSummaryDto {
  id: string;
  name: string;
  kind: string;
  role_id: string;
  status: AgentStatus;
  avatar_url: string | null;
  mode: 'managed' | 'webhook';
  livemode: boolean;
  active_tasks: number;
  last_active_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgentDto extends AgentSummaryDto {
  config: Record<string, unknown>;
  stats: AgentStats;
  numbers: string[];
}

/** The config as shown: the webhook token never leaves, only whether one is set. */
function publicConfig(cfg: AgentConfigInput): Record<string, unknown> {
  const { webhook_token: token, ...rest } = cfg;
  return { ...rest, ...(cfg.webhook_url || token ? { webhook_token_set: token !== undefined } : {}) };
}

function summaryDto(row: AgentProfilesTable, stats: Pick<AgentStats, 'active_tasks' | 'last_active_at'>): AgentSummaryDto {
  return {
    id: row.id, name: row.name, kind: row.kind, role_id: row.role_id, status: row.status, avatar_url: row.avatar_url,
    mode: parseConfig(row).webhook_url ? 'webhook' : 'managed', livemode: row.mode === 'live',
    active_tasks: stats.active_tasks, last_active_at: stats.last_active_at, created_at: row.created_at, updated_at: row.updated_at,
  };
}

async function fullDto(db: Executor, scope: Scope, row: AgentProfilesTable): Promise<AgentDto> {
  const stats = await agentStats(db, scope, row.id);
  return { ...summaryDto(row, stats), config: publicConfig(parseConfig(row)), stats, numbers: await repo.numbersUsing(db, scope, row.id) };
}

/** What events carry: the agent without its stats (they change on their own). */
const eventData = (dto: AgentDto): Record<string, unknown> => {
  const { stats: _stats, ...rest } = dto;
  return rest;
};

export async function createAgent(deps: AgentDeps, scope: Scope, input: CreateAgentInput, idempotency: IdempotencyHandle | null): Promise<AgentDto> {
  const cfg = input.config ?? {};
  await vetConfig(deps, cfg);
  const at = deps.clock.now().toISOString();
  const row: AgentProfilesTable = {
    id: newId('agt'), workspace_id: scope.workspaceId, mode: scope.mode, name: input.name,
    kind: input.kind ?? 'assistant', role_id: input.role_id ?? kebabOf(input.name), status: input.status ?? 'active',
    avatar_url: input.avatar_url ?? null, config: JSON.stringify(cfg), created_at: at, updated_at: at,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await repo.insertAgent(trx, row);
      const dto = await fullDto(trx, scope, row);
      await emitEvent(trx, scope, 'agent.created', eventData(dto), new Date(at));
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw roleTaken(row.role_id);
    throw err;
  }
}

export async function getAgent(deps: Pick<AgentDeps, 'db'>, scope: Scope, id: string): Promise<AgentDto> {
  const row = await repo.findAgent(deps.db, scope, id);
  if (!row) throw notFound('agent');
  return fullDto(deps.db, scope, row);
}

export async function listAgents(
  deps: Pick<AgentDeps, 'db'>,
  scope: Scope,
  filter: repo.AgentFilter,
  page: { limit: number; afterId?: string; offset: number },
): Promise<{ rows: AgentSummaryDto[]; total: number }> {
  const rows = await repo.listAgents(deps.db, scope, filter, page);
  const total = await repo.countAgents(deps.db, scope, filter);
  const dtos: AgentSummaryDto[] = [];
  for (const row of rows) dtos.push(summaryDto(row, await agentStats(deps.db, scope, row.id)));
  return { rows: dtos, total };
}

export async function updateAgent(deps: AgentDeps, scope: Scope, id: string, input: UpdateAgentInput): Promise<AgentDto> {
  const existing = await repo.findAgent(deps.db, scope, id);
  if (!existing) throw notFound('agent');
  const changes: Partial<AgentProfilesTable> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.role_id !== undefined) changes.role_id = input.role_id;
  if (input.avatar_url !== undefined) changes.avatar_url = input.avatar_url;
  if (input.status !== undefined) changes.status = input.status;
  if (input.config !== undefined) {
    const cfg: Record<string, unknown> = { ...parseConfig(existing) };
    for (const [k, v] of Object.entries(input.config)) {
      if (v === null) delete cfg[k];
      else cfg[k] = v;
    }
    // Switching to managed drops the webhook's token with it.
    if (!cfg.webhook_url) delete cfg.webhook_token;
    await vetConfig(deps, cfg as AgentConfigInput);
    changes.config = JSON.stringify(cfg);
  }
  if (input.status === 'archived' && existing.status !== 'archived') {
    const using = await repo.numbersUsing(deps.db, scope, id);
    if (using.length > 0) {
      throw new ApiError('conflict', `This agent is attached to ${using.length} number(s); attach another agent to them (or set agent_id to null) before archiving it.`, [
        { field: 'status', error: 'agent_in_use', numbers: using },
      ]);
    }
  }
  const at = deps.clock.now();
  changes.updated_at = at.toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await repo.updateAgent(trx, scope, id, changes);
      const dto = await fullDto(trx, scope, { ...existing, ...changes });
      await emitEvent(trx, scope, 'agent.updated', { ...eventData(dto), previous_status: existing.status }, at);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw roleTaken(changes.role_id ?? existing.role_id);
    throw err;
  }
}

/**
 * The agent a number or a call is about to point at: it must exist in the workspace (422 when
 * not: it is a field of the request, not the resource) and not be archived.
 */
export async function requireAttachable(db: Executor, scope: Scope, agentId: string, field = 'agent_id'): Promise<AgentProfilesTable> {
  const agent = await repo.findAgent(db, scope, agentId);
  if (!agent) throw new ApiError('validation_error', `No agent ${agentId} in this workspace.`, [{ field, error: 'not_found', received: agentId }]);
  if (agent.status === 'archived') {
    throw new ApiError('validation_error', `Agent ${agentId} is archived and cannot be attached; set its status to active first.`, [{ field, error: 'agent_archived', received: agentId }]);
  }
  return agent;
}
