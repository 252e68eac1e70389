import type { Executor } from '../db/database.js';
import type { TasksTable } from '../db/schema-crm.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

export interface TaskFilter {
  status?: TasksTable['status'];
  assignee_id?: string;
  related_resource_type?: string;
  related_resource_id?: string;
  /** ISO timestamps, normalized (toISOString) so they compare with due_at as strings. */
  due_before?: string;
  due_after?: string;
}

export async function insertTask(db: Executor, row: TasksTable): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function findTask(db: Executor, scope: Scope, id: string): Promise<TasksTable | undefined> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listTasks(db: Executor, scope: Scope, page: PageRequest, filter: TaskFilter): Promise<TasksTable[]> {
  let q = db
    .selectFrom('tasks')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.assignee_id) q = q.where('assignee_id', '=', filter.assignee_id);
  if (filter.related_resource_type) q = q.where('related_resource_type', '=', filter.related_resource_type);
  if (filter.related_resource_id) q = q.where('related_resource_id', '=', filter.related_resource_id);
  if (filter.due_before) q = q.where('due_at', '<=', filter.due_before);
  if (filter.due_after) q = q.where('due_at', '>=', filter.due_after);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateTask(db: Executor, scope: Scope, id: string, changes: Partial<Omit<TasksTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db
    .updateTable('tasks')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}
