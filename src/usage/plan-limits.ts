import type { Executor } from '../db/database.js';
import type { PlanLimitsTable } from '../db/schema-agents.js';

// Per-workspace plan limits, set by the operator only (`agentline plans set`, on the database
// file; no API key can change them). A workspace without a row has no limits. Limits count per
// calendar month (UTC) and apply to each mode's usage separately.

export const METRICS = ['tokens', 'executions', 'minutes', 'sms_segments', 'numbers'] as const;
export type Metric = (typeof METRICS)[number];
export type Enforcement = PlanLimitsTable['enforcement'];

export interface PlanLimits {
  plan: string;
  enforcement: Enforcement;
  limits: Record<Metric, number | null>;
}

export const NO_PLAN: PlanLimits = {
  plan: 'unlimited',
  enforcement: 'warn',
  limits: { tokens: null, executions: null, minutes: null, sms_segments: null, numbers: null },
};

export async function readPlan(db: Executor, workspaceId: string): Promise<PlanLimits> {
  const row = await db.selectFrom('plan_limits').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return NO_PLAN;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    plan: row.plan,
    enforcement: row.enforcement,
    limits: { tokens: num(row.tokens), executions: num(row.executions), minutes: num(row.minutes), sms_segments: num(row.sms_segments), numbers: num(row.numbers) },
  };
}

export interface PlanChange {
  plan?: string;
  enforcement?: Enforcement;
  /** null: no limit for that metric; absent: unchanged. */
  limits?: Partial<Record<Metric, number | null>>;
}

/** Sets (merges) a workspace's plan. */
export async function writePlan(db: Executor, workspaceId: string, change: PlanChange, at: Date): Promise<PlanLimits> {
  const current = await readPlan(db, workspaceId);
  const next: PlanLimits = {
    plan: change.plan ?? (current === NO_PLAN ? 'custom' : current.plan),
    enforcement: change.enforcement ?? current.enforcement,
    limits: { ...current.limits, ...change.limits },
  };
  const row: PlanLimitsTable = { workspace_id: workspaceId, plan: next.plan, enforcement: next.enforcement, ...next.limits, updated_at: at.toISOString() };
  await db.insertInto('plan_limits').values(row)
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ plan: row.plan, enforcement: row.enforcement, tokens: row.tokens, executions: row.executions, minutes: row.minutes, sms_segments: row.sms_segments, numbers: row.numbers, updated_at: row.updated_at }))
    .execute();
  return next;
}

export async function clearPlan(db: Executor, workspaceId: string): Promise<boolean> {
  const res = await db.deleteFrom('plan_limits').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The calendar month (UTC) `at` falls in: limits count within it. */
export function periodOf(at: Date): { key: string; start: string; end: string } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { key: start.toISOString().slice(0, 7), start: start.toISOString(), end: end.toISOString() };
}
