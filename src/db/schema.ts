// Table shapes as Kysely sees them. Every tenant-owned row carries workspace_id and mode;
// repositories filter on both in every query (see ../http/scope.ts for the Scope type).

export type Mode = 'test' | 'live';

export interface WorkspacesTable {
  id: string;
  name: string;
  /** ISO 3166 alpha-2: how numbers written without a country code are read. */
  default_region?: string; // optional only on insert: the column defaults to US
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  key_hash: string;
  key_hint: string;
  scopes: string; // JSON array of scope strings
  read_only: number; // 0 | 1
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** What the key is for ("CLI on laptop"); set by the install-token exchange (018). */
  label?: string | null;
}

export interface BalancesTable {
  workspace_id: string;
  mode: Mode;
  balance_cents: number;
  updated_at: string;
}

export interface LedgerEntriesTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  kind: string;
  amount_cents: number;
  balance_after_cents: number;
  description: string;
  related_type: string | null;
  related_id: string | null;
  created_at: string;
}

export interface NumbersTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  phone_number: string;
  carrier: string;
  carrier_sid: string | null;
  status: 'active' | 'released';
  system_prompt: string | null;
  webhook_url: string | null;
  webhook_token: string | null;
  /** Signs our requests to the agent webhook (Standard Webhooks); shown on the number. */
  webhook_secret: string;
  area_code: string | null;
  voice_id: string | null;
  first_message: string | null;
  inbound_mode: 'autopilot' | 'off';
  language: string;
  metadata: string; // JSON object of strings
  renews_at: string;
  renewal_failed_at: string | null;
  released_at: string | null;
  release_reason: string | null;
  /** JSON `{ "create_leads"?: boolean }`. */
  crm_settings: string;
  /** How calls carry audio (010-media-mode): relay | stream | realtime. */
  media_mode: 'relay' | 'stream' | 'realtime';
  /** `stream`: silence that ends a caller turn. */
  endpointing_ms: number;
  /** `stream`: caller speech during playback that interrupts it; 0 = off. */
  barge_in_ms: number;
  /** Record this number's calls (012-recordings; 0/1, default 0). Optional: rows built before it stay valid. */
  recording?: number;
  /** The CMS collection managed agents search with `search_knowledge` (019-cms). Optional: rows built before it stay valid. */
  knowledge_collection_id?: string | null;
  /** The reusable agent whose settings replace the number's own (017; null: the number's own). */
  agent_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  type: string;
  data: string; // JSON
  created_at: string;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  mode: Mode;
  method: string;
  path: string;
  idem_key: string;
  fingerprint: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export type CallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface CallsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  number_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  status: CallStatus;
  carrier: string;
  carrier_sid: string | null;
  agent_mode: 'managed' | 'webhook';
  system_prompt_override: string | null;
  first_message_override: string | null;
  metadata: string;
  /** 0 for calls we refused: they are never charged. */
  billable: number;
  answered_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  /** Whether duration_seconds came from the carrier (authoritative) or our own clock. */
  duration_source: 'carrier' | 'gateway' | null;
  minutes_charged: number;
  cost_cents: number;
  unbilled_cents: number;
  turn_count: number;
  end_reason: string | null;
  transfer_to: string | null;
  last_activity_at: string | null;
  /** The CRM contact matched by the counterpart's number (null: unknown caller). */
  contact_id: string | null;
  /** Per-call override of the number's `recording` (012-recordings; 0/1, null: the number decides). */
  recording?: number | null;
  /** The reusable agent that handled the call (017), when there was one. */
  agent_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface CallTurnsTable {
  id: string;
  call_id: string;
  workspace_id: string;
  mode: Mode;
  seq: number;
  speaker: 'caller' | 'agent' | 'system';
  text: string;
  started_at: string;
  interrupted: number;
  first_token_ms: number | null;
  gateway_added_ms: number | null;
  agent_total_ms: number | null;
  /** Stream calls only (the gateway's speech pipeline); null for relay and softphone calls. */
  endpointing_ms: number | null;
  stt_ms: number | null;
  tts_first_byte_ms: number | null;
  first_audio_ms: number | null;
  error: string | null;
  tool_calls: string | null;
}

export interface CarrierCallbacksTable {
  carrier_sid: string;
  sequence_number: string;
  status: string;
  received_at: string;
}

export interface ChatConversationsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  number_id: string;
  /** The client's own name for the conversation, unique per workspace, mode and number. */
  client_id: string | null;
  messages: string; // JSON ChatMessage[] without the system prompt
  created_at: string;
  updated_at: string;
}

export type SmsStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

export interface SmsMessagesTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  number_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  /** The other party: `to` for outbound, `from` for inbound. Threads are (number, counterpart). */
  counterpart: string;
  body: string;
  encoding: string;
  segments: number;
  status: SmsStatus;
  carrier: string;
  carrier_sid: string | null;
  error_code: string | null;
  error_message: string | null;
  cost_cents: number;
  refunded: number;
  agent_reply: number;
  metadata: string;
  contact_id: string | null;
  /** The reusable agent that wrote an agent reply (017). */
  agent_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface SmsOptOutsTable {
  number_id: string;
  counterpart: string;
  workspace_id: string;
  mode: Mode;
  opted_out_at: string;
}

export interface SmsStatusCallbacksTable {
  carrier_sid: string;
  status: string;
  received_at: string;
}

import type { CrmTables } from './schema-crm.js';
import type { CmsTables } from './schema-cms.js';

export interface Database extends CmsTables {}

export interface Database extends CrmTables {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  balances: BalancesTable;
  ledger_entries: LedgerEntriesTable;
  numbers: NumbersTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  calls: CallsTable;
  call_turns: CallTurnsTable;
  carrier_callbacks: CarrierCallbacksTable;
  chat_conversations: ChatConversationsTable;
  sms_messages: SmsMessagesTable;
  sms_opt_outs: SmsOptOutsTable;
  sms_status_callbacks: SmsStatusCallbacksTable;
}

// Event delivery (004-webhooks). Declared as a second `Database` block, which TypeScript merges
// with the one above, so this feature's tables stay in one appended section.

export type WebhookEndpointStatus = 'active' | 'paused' | 'disabled';

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  url: string;
  name: string | null;
  event_types: string; // JSON array of event types, or ["*"]
  status: WebhookEndpointStatus;
  secret: string;
  /** After a rotation the old secret still signs (alongside the new one) until it expires. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** First failure since the last success; the endpoint is disabled when this gets too old. */
  failing_since: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  workspace_id: string;
  mode: Mode;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: import('kysely').Generated<number>;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  next_attempt_at: string | null;
}

export interface Database {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

// Carrier intents (007-carrier-intents): every carrier side effect, written before the carrier
// call and resolved exactly once (see src/intents/).

export type IntentKind = 'sms.send' | 'number.buy' | 'number.release' | 'call.place' | 'call.hangup';
/**
 * pending: the carrier may or may not have acted; `release`: we hold a number at the carrier
 * that must be given back; done / failed: resolved, with `outcome` saying how.
 */
export type IntentState = 'pending' | 'release' | 'done' | 'failed';

export interface CarrierIntentsTable {
  kind: IntentKind;
  resource_id: string;
  workspace_id: string;
  mode: Mode;
  carrier: string;
  state: IntentState;
  outcome: string | null;
  carrier_sid: string | null;
  /** JSON: what the reconciler needs to finish the effect (e.g. the number's settings). */
  payload: string;
  idem_method: string | null;
  idem_path: string | null;
  idem_key: string | null;
  request_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface Database {
  carrier_intents: CarrierIntentsTable;
}

// Call recordings (012-recordings): one row per recording of a call, made by the gateway
// (`stream`/`realtime` calls, a WAV under the recordings directory) or by the carrier (`relay`
// calls, fetched from Twilio when downloaded). See src/recordings/.

export type RecordingSource = 'gateway' | 'twilio';
/** recording: being written (or cut by a crash until recovery); ready: can be fetched; failed: none came; deleted: removed by the API. */
export type RecordingStatus = 'recording' | 'ready' | 'failed' | 'deleted';

export interface RecordingsTable {
  id: string;
  call_id: string;
  workspace_id: string;
  mode: Mode;
  source: RecordingSource;
  status: RecordingStatus;
  /** gateway: the file, relative to the recordings directory. */
  path: string | null;
  /** twilio: the RecordingSid (unique: callbacks are idempotent on it). */
  carrier_sid: string | null;
  /** twilio: the media URL from the callback (for reference; downloads are built from the sid). */
  carrier_url: string | null;
  format: 'wav';
  channels: number;
  sample_rate: number;
  duration_seconds: number | null;
  size_bytes: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  ready_at: string | null;
  deleted_at: string | null;
}

/** Secrets the server makes for itself once and keeps (the recording link key). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

// Softphone tickets (014-softphone-tickets): what a browser opens a test-mode softphone socket
// with instead of its API key (src/softphone/tickets.ts).

export interface SoftphoneTicketsTable {
  /** SHA-256 of the ticket; the ticket itself is shown once, to the key that asked. */
  ticket_hash: string;
  key_id: string;
  workspace_id: string;
  to_number: string;
  from_number: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface Database {
  recordings: RecordingsTable;
  server_secrets: ServerSecretsTable;
  softphone_tickets: SoftphoneTicketsTable;
}
