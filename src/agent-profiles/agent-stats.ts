import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import type { Scope } from '../scope.js';

// An agent's activity, counted from what it did: calls it answered and transferred, SMS replies
// it wrote, the tool calls on its calls' turns, and tasks assigned to it or about its
// conversations.

export interface AgentStats {
  calls_handled: number;
  sms_handled: number;
  active_tasks: number;
  completed_tasks: number;
  completion_rate: number | null;
  escalations: number;
  total_actions: number;
  last_active_at: string | null;
}

const n = (v: unknown) => Number(v ?? 0);

export async function agentStats(db: Executor, scope: Scope, agentId: string): Promise<AgentStats> {
  const calls = await db.selectFrom('calls')
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('agent_id', '=', agentId)
    .where('answered_at', 'is not', null)
    .select((eb) => [
      eb.fn.countAll<string | number>().as('handled'),
      eb.fn.sum<string | number | null>(eb.case().when('end_reason', '=', 'transferred').then(1).else(0).end()).as('transfers'),
      eb.fn.max('answered_at').as('last'),
    ])
    .executeTakeFirst();
  const sms = await db.selectFrom('sms_messages')
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('agent_id', '=', agentId)
    .where('agent_reply', '=', 1)
    .select((eb) => [eb.fn.countAll<string | number>().as('handled'), eb.fn.max('created_at').as('last')])
    .executeTakeFirst();
  // Tool calls are kept per turn as a JSON array: count their elements in the database.
  const length = dialectOf(db) === 'postgres'
    ? sql<number>`coalesce(sum(json_array_length(call_turns.tool_calls::json)), 0)`
    : sql<number>`coalesce(sum(json_array_length(call_turns.tool_calls)), 0)`;
  const actions = await db.selectFrom('call_turns')
    .innerJoin('calls', 'calls.id', 'call_turns.call_id')
    .where('calls.workspace_id', '=', scope.workspaceId).where('calls.mode', '=', scope.mode).where('calls.agent_id', '=', agentId)
    .where('call_turns.tool_calls', 'is not', null)
    .select(length.as('n'))
    .executeTakeFirst();
  const tasks = await db.selectFrom('tasks')
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where((eb) => eb.or([
      eb('assignee_id', '=', agentId),
      eb.and([eb('related_resource_type', '=', 'call'), eb('related_resource_id', 'in', eb.selectFrom('calls').select('id').where('agent_id', '=', agentId))]),
      eb.and([eb('related_resource_type', '=', 'sms'), eb('related_resource_id', 'in', eb.selectFrom('sms_messages').select('id').where('agent_id', '=', agentId))]),
    ]))
    .select((eb) => [
      eb.fn.sum<string | number | null>(eb.case().when('status', '=', 'open').then(1).else(0).end()).as('open'),
      eb.fn.sum<string | number | null>(eb.case().when('status', '=', 'completed').then(1).else(0).end()).as('completed'),
    ])
    .executeTakeFirst();
  const open = n(tasks?.open);
  const completed = n(tasks?.completed);
  const lasts = [calls?.last, sms?.last].filter((v): v is string => typeof v === 'string').sort();
  return {
    calls_handled: n(calls?.handled),
    sms_handled: n(sms?.handled),
    active_tasks: open,
    completed_tasks: completed,
    completion_rate: open + completed > 0 ? Math.round((completed / (open + completed)) * 100) : null,
    escalations: n(calls?.transfers),
    total_actions: n(actions?.n),
    last_active_at: lasts.at(-1) ?? null,
  };
}
