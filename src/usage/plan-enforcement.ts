import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { ApiError } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { Scope } from '../scope.js';
import { type Metric, type PlanLimits, periodOf, readPlan } from './plan-limits.js';
import { usageIn } from './usage-meter.js';

// Plan limits as the operator configured them: a limit reached emits `usage.limit_exceeded`
// (once per workspace, mode, month and metric) and, with enforcement `block`, refuses what would
// use more of it with 402 `plan_limit_exceeded`. `warn` lets everything through.

export interface PlanDeps {
  db: Db;
  clock: Clock;
}

export type PlannedAction = 'call' | 'sms' | 'number';

/** The limits each action would use more of (an agent's tokens and executions: calls and SMS). */
const GUARDED: Record<PlannedAction, Metric[]> = {
  call: ['minutes', 'tokens', 'executions'],
  sms: ['sms_segments', 'tokens', 'executions'],
  number: ['numbers'],
};

const WORDS: Record<Metric, string> = {
  tokens: 'model tokens', executions: 'agent executions', minutes: 'call minutes', sms_segments: 'SMS segments', numbers: 'numbers',
};
const REFUSES: Record<PlannedAction, string> = { call: 'new calls', sms: 'new SMS', number: 'new numbers' };

const hasLimits = (plan: PlanLimits) => Object.values(plan.limits).some((v) => v !== null);

async function reached(deps: PlanDeps, scope: Scope, plan: PlanLimits, metrics: readonly Metric[]) {
  const period = periodOf(deps.clock.now());
  const usage = await usageIn(deps.db, scope, period);
  const over = metrics.filter((m) => plan.limits[m] !== null && usage[m] >= plan.limits[m]!);
  return { period, usage, over };
}

async function alertOnce(deps: PlanDeps, scope: Scope, plan: PlanLimits, r: Awaited<ReturnType<typeof reached>>): Promise<void> {
  const at = deps.clock.now();
  for (const metric of r.over) {
    await deps.db.transaction().execute(async (trx) => {
      const res = await trx.insertInto('usage_alerts')
        .values({ workspace_id: scope.workspaceId, mode: scope.mode, period: r.period.key, metric, created_at: at.toISOString() })
        .onConflict((oc) => oc.columns(['workspace_id', 'mode', 'period', 'metric']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await emitEvent(trx, scope, 'usage.limit_exceeded', {
        metric, current: r.usage[metric], limit: plan.limits[metric], plan: plan.plan, enforcement: plan.enforcement,
        period: { start: r.period.start, end: r.period.end },
      }, at);
    });
  }
}

/** Before a call, an SMS or a number: 402 when a limit it uses is reached and the plan blocks. */
export async function checkPlan(deps: PlanDeps, scope: Scope, action: PlannedAction): Promise<void> {
  const plan = await readPlan(deps.db, scope.workspaceId);
  if (!hasLimits(plan)) return;
  const r = await reached(deps, scope, plan, GUARDED[action]);
  if (r.over.length === 0) return;
  await alertOnce(deps, scope, plan, r);
  if (plan.enforcement !== 'block') return;
  const metric = r.over[0]!;
  throw new ApiError(
    'plan_limit_exceeded',
    `This workspace has used ${r.usage[metric]} of the ${plan.limits[metric]} ${WORDS[metric]} its plan ("${plan.plan}") allows in ${r.period.key}; ${REFUSES[action]} are refused until ${r.period.end.slice(0, 10)} or until the operator raises the limit.`,
    r.over.map((m) => ({ field: m, error: 'plan_limit_exceeded', current: r.usage[m], limit: plan.limits[m], plan: plan.plan, period_end: r.period.end })),
  );
}

/** After usage was recorded: the alert for any limit it reached (nothing is refused here). */
export async function notePlanUsage(deps: PlanDeps, scope: Scope, metrics: readonly Metric[]): Promise<void> {
  const plan = await readPlan(deps.db, scope.workspaceId);
  if (!hasLimits(plan)) return;
  const r = await reached(deps, scope, plan, metrics);
  if (r.over.length) await alertOnce(deps, scope, plan, r);
}
