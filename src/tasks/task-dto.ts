import type { RelatedType } from '../crm/related.js';
import type { TasksTable } from '../db/schema-crm.js';

export interface TaskDto {
  id: string;
  livemode: boolean;
  title: string;
  description: string | null;
  status: TasksTable['status'];
  assignee_id: string | null;
  due_at: string | null;
  related_resource_type: RelatedType | null;
  related_resource_id: string | null;
  completed_note: string | null;
  completed_at: string | null;
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
}

export function taskDto(row: TasksTable): TaskDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    title: row.title,
    description: row.description,
    status: row.status,
    assignee_id: row.assignee_id,
    due_at: row.due_at,
    related_resource_type: row.related_resource_type as RelatedType | null,
    related_resource_id: row.related_resource_id,
    completed_note: row.completed_note,
    completed_at: row.completed_at,
    canceled_at: row.canceled_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
