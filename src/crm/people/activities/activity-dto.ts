import type { ActivitiesTable, ActivityType } from '../../../db/schema-crm.js';

export interface ActivityDto {
  id: string;
  type: ActivityType;
  summary: string;
  body: string | null;
  related_resource_type: string | null;
  related_resource_id: string | null;
  occurred_at: string;
  metadata: Record<string, string>;
  created_at: string;
}

export function activityDto(row: ActivitiesTable): ActivityDto {
  return {
    id: row.id,
    type: row.type,
    summary: row.summary,
    body: row.body,
    related_resource_type: row.related_resource_type,
    related_resource_id: row.related_resource_id,
    occurred_at: row.occurred_at,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    created_at: row.created_at,
  };
}
