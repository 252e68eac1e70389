import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AgentProfilesTable, AgentStatus } from '../db/schema-agents.js';
import type { Scope } from '../scope.js';
import { hasWildcard, likePattern, searchPattern } from './wildcard.js';

export interface AgentFilter {
  query?: string;
  status?: AgentStatus;
  kind?: string;
}

export async function insertAgent(db: Executor, row: AgentProfilesTable): Promise<void> {
  await db.insertInto('agent_profiles').values(row).execute();
}

export async function findAgent(db: Executor, scope: Scope, id: string): Promise<AgentProfilesTable | undefined> {
  return db.selectFrom('agent_profiles').selectAll()
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id)
    .executeTakeFirst();
}

/** By id alone: the agent a number (already tenant-checked) points at. */
export async function findAgentById(db: Executor, id: string): Promise<AgentProfilesTable | undefined> {
  return db.selectFrom('agent_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAgent(db: Executor, scope: Scope, id: string, changes: Partial<AgentProfilesTable>): Promise<void> {
  await db.updateTable('agent_profiles').set(changes)
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id)
    .execute();
}

// lower(col) LIKE pattern ESCAPE '\': the same on SQLite and PostgreSQL (PostgreSQL's LIKE is
// case-sensitive, SQLite's is not for ASCII; lowering both sides makes them agree).
const like = (column: string, pattern: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

function filtered(db: Executor, scope: Scope, filter: AgentFilter) {
  let q = db.selectFrom('agent_profiles').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.kind) {
    const kind = filter.kind;
    q = hasWildcard(kind) ? q.where(like('kind', likePattern(kind))) : q.where('kind', '=', kind);
  }
  if (filter.query) {
    const p = searchPattern(filter.query);
    q = q.where((eb) => eb.or([like('name', p), like('kind', p), like('role_id', p)]));
  }
  return q;
}

export async function listAgents(
  db: Executor,
  scope: Scope,
  filter: AgentFilter,
  page: { limit: number; afterId?: string; offset: number },
): Promise<AgentProfilesTable[]> {
  let q = filtered(db, scope, filter).selectAll();
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).offset(page.offset).execute();
}

export async function countAgents(db: Executor, scope: Scope, filter: AgentFilter): Promise<number> {
  const row = await filtered(db, scope, filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active numbers pointing at the agent. */
export async function numbersUsing(db: Executor, scope: Scope, agentId: string): Promise<string[]> {
  const rows = await db.selectFrom('numbers').select('id')
    .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where('agent_id', '=', agentId).where('status', '=', 'active')
    .orderBy('id', 'desc').execute();
  return rows.map((r) => r.id);
}
