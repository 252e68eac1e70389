import type { CallTurnsTable, CallsTable } from '../db/schema.js';

export interface CallDto {
  id: string;
  number_id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  status: CallsTable['status'];
  livemode: boolean;
  agent_mode: 'managed' | 'webhook';
  answered_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  billed_minutes: number;
  cost_cents: number;
  currency: 'USD';
  turn_count: number;
  end_reason: string | null;
  transfer_to: string | null;
  contact_id: string | null;
  agent_id: string | null;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export const callDto = (row: CallsTable): CallDto => ({
  id: row.id,
  number_id: row.number_id,
  direction: row.direction,
  from: row.from_number,
  to: row.to_number,
  status: row.status,
  livemode: row.mode === 'live',
  agent_mode: row.agent_mode,
  answered_at: row.answered_at,
  ended_at: row.ended_at,
  duration_seconds: row.duration_seconds,
  billed_minutes: row.minutes_charged,
  cost_cents: row.cost_cents,
  currency: 'USD',
  turn_count: row.turn_count,
  end_reason: row.end_reason,
  transfer_to: row.transfer_to,
  contact_id: row.contact_id,
  agent_id: row.agent_id ?? null,
  metadata: JSON.parse(row.metadata) as Record<string, string>,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

export interface TurnDto {
  id: string;
  seq: number;
  speaker: 'caller' | 'agent' | 'system';
  text: string;
  started_at: string;
  interrupted: boolean;
  timings: {
    first_token_ms: number | null;
    gateway_added_ms: number | null;
    agent_total_ms: number | null;
    endpointing_ms: number | null;
    stt_ms: number | null;
    tts_first_byte_ms: number | null;
    first_audio_ms: number | null;
  };
  error: string | null;
  tool_calls: unknown[] | null;
}

export const turnDto = (row: CallTurnsTable): TurnDto => ({
  id: row.id,
  seq: row.seq,
  speaker: row.speaker,
  text: row.text,
  started_at: row.started_at,
  interrupted: row.interrupted === 1,
  timings: {
    first_token_ms: row.first_token_ms,
    gateway_added_ms: row.gateway_added_ms,
    agent_total_ms: row.agent_total_ms,
    endpointing_ms: row.endpointing_ms,
    stt_ms: row.stt_ms,
    tts_first_byte_ms: row.tts_first_byte_ms,
    first_audio_ms: row.first_audio_ms,
  },
  error: row.error,
  tool_calls: row.tool_calls ? (JSON.parse(row.tool_calls) as unknown[]) : null,
});
