import type { Executor } from '../db/database.js';
import type { Scope } from '../scope.js';
import type { Metric } from './plan-limits.js';

// What a workspace used in a period, counted from the records themselves: model tokens and agent
// executions (usage_records), billed call minutes, charged SMS segments, and the numbers it holds.

export async function usageIn(db: Executor, scope: Scope, period: { start: string; end: string }): Promise<Record<Metric, number>> {
  const records = () =>
    db.selectFrom('usage_records').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
      .where('created_at', '>=', period.start).where('created_at', '<', period.end);
  const tokens = await records().where('type', '=', 'token_usage')
    .select((eb) => eb.fn.sum<string | number | null>('total_tokens').as('n')).executeTakeFirst();
  const executions = await records().where('type', '=', 'agent_execution')
    .select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const minutes = await db.selectFrom('calls').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where('created_at', '>=', period.start).where('created_at', '<', period.end)
    .select((eb) => eb.fn.sum<string | number | null>('minutes_charged').as('n')).executeTakeFirst();
  const segments = await db.selectFrom('sms_messages').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where('created_at', '>=', period.start).where('created_at', '<', period.end)
    .where('direction', '=', 'outbound').where('cost_cents', '>', 0).where('refunded', '=', 0)
    .select((eb) => eb.fn.sum<string | number | null>('segments').as('n')).executeTakeFirst();
  const numbers = await db.selectFrom('numbers').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where('status', '=', 'active')
    .select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const n = (r: { n: unknown } | undefined) => Number(r?.n ?? 0);
  return { tokens: n(tokens), executions: n(executions), minutes: n(minutes), sms_segments: n(segments), numbers: n(numbers) };
}
