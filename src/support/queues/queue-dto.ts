import type { SupportQueuesTable } from '../../db/schema-crm.js';
import { parseFields } from '../support-schemas.js';

export interface QueueDto {
  id: string;
  livemode: boolean;
  key: string;
  name: string;
  status: SupportQueuesTable['status'];
  first_response_target_minutes: number | null;
  custom_fields: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export function queueDto(row: SupportQueuesTable): QueueDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    key: row.key,
    name: row.name,
    status: row.status,
    first_response_target_minutes: row.first_response_target_minutes,
    custom_fields: parseFields(row.custom_fields),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
