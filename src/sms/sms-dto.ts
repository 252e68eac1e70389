import type { SmsMessagesTable } from '../db/schema.js';
import type { SmsEncoding } from './segments.js';

export interface SmsDto {
  id: string;
  number_id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  body: string;
  status: SmsMessagesTable['status'];
  segments: number;
  /** How the body travels: GSM-7, or UCS-2 when any character is outside GSM 03.38. */
  encoding: SmsEncoding;
  cost_cents: number;
  currency: 'USD';
  error_code: string | null;
  error_message: string | null;
  agent_reply: boolean;
  contact_id: string | null;
  livemode: boolean;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export const smsDto = (r: SmsMessagesTable): SmsDto => ({
  id: r.id,
  number_id: r.number_id,
  direction: r.direction,
  from: r.from_number,
  to: r.to_number,
  body: r.body,
  status: r.status,
  segments: r.segments,
  encoding: r.encoding as SmsEncoding, // written only from countSegments
  cost_cents: r.cost_cents,
  currency: 'USD',
  error_code: r.error_code,
  error_message: r.error_message,
  agent_reply: r.agent_reply === 1,
  contact_id: r.contact_id,
  livemode: r.mode === 'live',
  metadata: JSON.parse(r.metadata) as Record<string, string>,
  created_at: r.created_at,
  updated_at: r.updated_at,
});
