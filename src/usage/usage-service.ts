import type { Static } from '@sinclair/typebox';
import type { Executor } from '../db/database.js';
import type { UsageRecordsTable } from '../db/schema-agents.js';
import { findAgent } from '../agent-profiles/agent-repository.js';
import { ApiError } from '../errors.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { ensureIdentity } from '../identity/identity-service.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { notePlanUsage, type PlanDeps } from './plan-enforcement.js';
import { type Metric, periodOf, readPlan } from './plan-limits.js';
import type { TrackBody } from './usage-schemas.js';
import { usageIn } from './usage-meter.js';

type TrackInput = Static<typeof TrackBody>;

export function usageRecordDto(r: UsageRecordsTable) {
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id, type: r.type, source: r.source, agent_id: r.agent_id,
    related_resource: r.related_type && r.related_id ? { type: r.related_type, id: r.related_id } : null,
    prompt_tokens: int(r.prompt_tokens), completion_tokens: int(r.completion_tokens), total_tokens: int(r.total_tokens),
    model: r.model, provider: r.provider, usage_type: r.usage_type, operation: r.operation, status: r.status,
    conversation_id: r.conversation_id, task_id: r.task_id, message_id: r.message_id,
    result: r.result ? (JSON.parse(r.result) as Record<string, unknown>) : null,
    metadata: JSON.parse(r.metadata) as Record<string, unknown>,
    livemode: r.mode === 'live', created_at: r.created_at,
  };
}

export async function insertUsage(db: Executor, row: UsageRecordsTable): Promise<void> {
  await db.insertInto('usage_records').values(row).execute();
}

const blankRecord = (scope: Scope, at: Date): UsageRecordsTable => ({
  id: newId('use'), workspace_id: scope.workspaceId, mode: scope.mode, type: 'token_usage', source: 'api', agent_id: null,
  related_type: null, related_id: null, prompt_tokens: null, completion_tokens: null, total_tokens: null, model: null,
  provider: null, usage_type: null, operation: null, status: null, conversation_id: null, task_id: null, message_id: null,
  result: null, metadata: '{}', created_at: at.toISOString(),
});

/** POST /v1/usage/track: a record a webhook agent reports of its own work. */
export async function trackUsage(deps: PlanDeps, scope: Scope, input: TrackInput, idempotency: IdempotencyHandle | null) {
  const at = deps.clock.now();
  if (input.agent_id !== undefined && !(await findAgent(deps.db, scope, input.agent_id))) {
    throw new ApiError('validation_error', `No agent ${input.agent_id} in this workspace.`, [{ field: 'agent_id', error: 'not_found', received: input.agent_id }]);
  }
  if (input.identity_id !== undefined) {
    const identity = await ensureIdentity(deps.db, scope, at);
    if (identity.id !== input.identity_id) {
      throw new ApiError('validation_error', `identity_id is not this workspace's identity (${identity.id}, see GET /v1/identity); leave it out or send that one.`, [
        { field: 'identity_id', error: 'not_this_identity', received: input.identity_id },
      ]);
    }
  }
  const row: UsageRecordsTable = {
    ...blankRecord(scope, at),
    type: input.type,
    agent_id: input.agent_id ?? null,
    operation: input.operation ?? null,
    conversation_id: input.conversation_id ?? null,
    task_id: input.task_id ?? null,
    metadata: JSON.stringify(input.metadata ?? {}),
  };
  if (input.type === 'token_usage') {
    const { prompt_tokens: p, completion_tokens: c, total_tokens: t } = input;
    if (t === undefined && (p === undefined || c === undefined)) {
      throw new ApiError('validation_error', 'Give total_tokens, or prompt_tokens and completion_tokens.', [{ field: 'total_tokens', error: 'required' }]);
    }
    if (t !== undefined && p !== undefined && c !== undefined && t !== p + c) {
      throw new ApiError('validation_error', `total_tokens (${t}) is not prompt_tokens + completion_tokens (${p + c}).`, [{ field: 'total_tokens', error: 'not_the_sum', received: t }]);
    }
    Object.assign(row, {
      prompt_tokens: p ?? null, completion_tokens: c ?? null, total_tokens: t ?? p! + c!,
      model: input.model, provider: input.provider ?? null, usage_type: input.usage_type ?? null,
    });
  } else {
    Object.assign(row, { status: input.status, message_id: input.message_id ?? null, result: input.result ? JSON.stringify(input.result) : null });
  }
  const dto = await deps.db.transaction().execute(async (trx) => {
    await insertUsage(trx, row);
    const out = usageRecordDto(row);
    await idempotency?.saveInTx(trx, 201, out);
    return out;
  });
  await notePlanUsage(deps, scope, [input.type === 'token_usage' ? 'tokens' : 'executions']);
  return dto;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const fmt = (n: number) => (n < 1000 ? String(n) : compact.format(n));

function meter(current: number, limit: number | null) {
  return {
    current,
    limit,
    percentage: limit === null ? null : limit === 0 ? (current > 0 ? 100 : 0) : Math.round((current / limit) * 100),
    formatted: `${fmt(current)} / ${limit === null ? 'unlimited' : fmt(limit)}`,
  };
}

/** GET /v1/usage/stats: the period's usage against the plan. */
export async function usageStats(deps: PlanDeps, scope: Scope, month?: string) {
  const period = periodOf(month ? new Date(`${month}-01T00:00:00.000Z`) : deps.clock.now());
  const plan = await readPlan(deps.db, scope.workspaceId);
  const usage = await usageIn(deps.db, scope, period);
  const m = (metric: Metric) => meter(usage[metric], plan.limits[metric]);
  return {
    plan: plan.plan,
    enforcement: plan.enforcement,
    period: { start: period.start, end: period.end },
    token_usage: m('tokens'),
    executions: m('executions'),
    minutes: m('minutes'),
    sms_segments: m('sms_segments'),
    numbers: m('numbers'),
  };
}
