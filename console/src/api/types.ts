// The public API's shapes, from the OpenAPI document (npm run gen:api-types).
import type { components } from '../../../test/generated/agentline-api';

type S = components['schemas'];
export type Me = S['Me'];
export type PhoneNumber = S['Number'];
export type Balance = S['Balance'];
export type LedgerEntry = S['LedgerEntry'];
export type AgentEvent = S['Event'];
export type Webhook = S['Webhook'];
export type WebhookDelivery = S['WebhookDelivery'];
export type Call = S['Call'];
export type Transcript = S['Transcript'];
export type Turn = Transcript['turns'][number];
export type Sms = S['Sms'];
export type Contact = S['Contact'];
export type TimelineEntry = S['TimelineEntry'];

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** GET /v1/calls/{id}/recording (404 when the call has none). */
export interface Recording {
  url: string;
  format: string;
  channels: number;
  duration_seconds: number | null;
  size_bytes: number | null;
  expires_at: string | null;
}

export interface SoftphoneTicket {
  ticket: string;
  expires_at: string;
  to: string;
  from: string | null;
  media_mode: 'relay' | 'stream' | 'realtime';
  socket_path: string;
}
