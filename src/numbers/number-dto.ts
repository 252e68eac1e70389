import type { NumbersTable } from '../db/schema.js';
import type { MediaMode } from './number-schemas.js';

export interface NumberDto {
  id: string;
  phone_number: string;
  mode: 'managed' | 'webhook';
  status: 'active' | 'released';
  livemode: boolean;
  system_prompt: string | null;
  webhook_url: string | null;
  webhook_token_set: boolean;
  webhook_secret: string;
  area_code: string | null;
  voice_id: string | null;
  first_message: string | null;
  inbound_mode: 'autopilot' | 'off';
  language: string;
  media_mode: MediaMode;
  endpointing_ms: number;
  barge_in_ms: number;
  recording: boolean;
  metadata: Record<string, string>;
  crm: { create_leads: boolean };
  knowledge: { collection_id: string } | null;
  agent_id: string | null;
  renews_at: string | null;
  released_at: string | null;
  release_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** The number's CRM settings (`crm_settings` JSON). */
export const crmSettingsOf = (row: Pick<NumbersTable, 'crm_settings'>): { create_leads: boolean } => ({
  create_leads: (JSON.parse(row.crm_settings || '{}') as { create_leads?: boolean }).create_leads === true,
});

export const agentModeOf = (row: Pick<NumbersTable, 'webhook_url'>) => (row.webhook_url ? 'webhook' : 'managed');

export function numberDto(row: NumbersTable): NumberDto {
  return {
    id: row.id,
    phone_number: row.phone_number,
    mode: agentModeOf(row),
    status: row.status,
    livemode: row.mode === 'live',
    system_prompt: row.system_prompt,
    webhook_url: row.webhook_url,
    webhook_token_set: row.webhook_token !== null,
    webhook_secret: row.webhook_secret,
    area_code: row.area_code,
    voice_id: row.voice_id,
    first_message: row.first_message,
    inbound_mode: row.inbound_mode,
    language: row.language,
    media_mode: row.media_mode,
    endpointing_ms: row.endpointing_ms,
    barge_in_ms: row.barge_in_ms,
    recording: row.recording === 1,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    crm: crmSettingsOf(row),
    knowledge: row.knowledge_collection_id ? { collection_id: row.knowledge_collection_id } : null,
    agent_id: row.agent_id ?? null,
    renews_at: row.status === 'active' ? row.renews_at : null,
    released_at: row.released_at,
    release_reason: row.release_reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The number as events carry it: events go to other systems, so no secrets. */
export function numberEventData(dto: NumberDto): Record<string, unknown> {
  const { webhook_secret: _secret, ...rest } = dto;
  return rest;
}
