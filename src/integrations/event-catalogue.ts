import { type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';
import { AssetSchema } from '../assets/asset-schemas.js';
import { CallSchema } from '../calls/call-routes.js';
import { LedgerEntry } from '../credits/credits-routes.js';
import { ContactSchema } from '../crm/people/contacts/contact-schemas.js';
import { DealSchema } from '../crm/sales/deals/deal-schemas.js';
import { InvoiceSchema } from '../crm/sales/invoices/invoice-schemas.js';
import { LeadSchema } from '../crm/sales/leads/lead-schemas.js';
import type { EventType } from '../events/event-writer.js';
import { Nullable, Timestamp } from '../http/envelope.js';
import { NumberSchema } from '../numbers/number-schemas.js';
import { SmsSchema } from '../sms/sms-routes.js';
import { TicketSchema } from '../support/tickets/ticket-schemas.js';
import { TaskSchema } from '../tasks/task-schemas.js';
import { WebhookSchema } from '../webhooks/webhook-schemas.js';
import { CustomerSchema } from '../identity/customers/customer-schemas.js';
import { IdentitySchema } from '../identity/identity-schemas.js';
import { AgentSchema } from '../agent-profiles/agent-schemas.js';

// Every event type the gateway emits, with its category, what it means and the JSON Schema of
// its `data`. Keyed by EventType, so the compiler refuses a type missing here; and
// test/integrations/event-catalogue.test.ts reads every emitEvent call in src/ so an event
// written with a type this list does not know cannot ship either. Payload schemas are built from
// the same TypeBox schemas the API answers with, so they cannot drift from the objects.

export interface CatalogueEntry {
  category: string;
  description: string;
  payload_schema: Record<string, unknown>;
}

/** `base`'s properties (minus `omit`) plus `extra`, as a plain JSON Schema (no $id, no TypeBox symbols). */
function payload(base: TObject | null, extra: TProperties = {}, omit: string[] = []): Record<string, unknown> {
  const props: TProperties = {};
  for (const [k, v] of Object.entries(base?.properties ?? {})) if (!omit.includes(k)) props[k] = v as TSchema;
  return JSON.parse(JSON.stringify(Type.Object({ ...props, ...extra }))) as Record<string, unknown>;
}

const numberData = (extra: TProperties = {}) => payload(NumberSchema, extra, ['webhook_secret']);
const endpointData = payload(WebhookSchema, {}, ['secret_preview', 'secret', 'previous_secret_expires_at']);
const AgentMode = Type.String({ description: 'The agent mode before the change: `managed` or `webhook`.' });

export const EVENT_CATALOGUE: Record<EventType, CatalogueEntry> = {
  'number.provisioned': { category: 'numbers', description: 'A phone number was bought and its first month charged.', payload_schema: numberData() },
  'number.updated': { category: 'numbers', description: 'A number\'s settings changed.', payload_schema: numberData({ previous_mode: AgentMode }) },
  'number.released': { category: 'numbers', description: 'A number was released (on request, or unpaid after the grace period).', payload_schema: numberData() },
  'number.renewed': { category: 'numbers', description: 'A number\'s monthly fee was charged.', payload_schema: numberData() },
  'number.renewal_failed': {
    category: 'numbers',
    description: 'The balance could not pay a number\'s monthly fee; it is released after the grace period unless credits are bought.',
    payload_schema: numberData({ required_cents: Type.Integer(), release_after: Timestamp() }),
  },
  'credits.purchased': { category: 'usage', description: 'Credits were bought.', payload_schema: payload(LedgerEntry) },
  'credits.low': {
    category: 'usage',
    description: 'A charge took the balance below AGENTLINE_LOW_BALANCE_CENTS (once per crossing).',
    payload_schema: payload(null, { balance_cents: Type.Integer(), threshold_cents: Type.Integer(), currency: Type.Literal('USD'), ledger_entry_id: Type.String() }),
  },
  'call.started': { category: 'calls', description: 'A call was answered and its agent is talking.', payload_schema: payload(CallSchema) },
  'call.ended': { category: 'calls', description: 'A call reached its final status (completed, busy, no-answer, failed, canceled).', payload_schema: payload(CallSchema) },
  'call.transcript.ready': {
    category: 'calls',
    description: 'An answered call ended; its transcript can be fetched.',
    payload_schema: payload(null, { call_id: Type.String(), turn_count: Type.Integer(), transcript_url: Type.String() }),
  },
  'call.recording.ready': {
    category: 'calls',
    description: 'A call\'s recording can be fetched (GET /v1/calls/{id}/recording); it is also listed as an asset.',
    payload_schema: payload(null, {
      call_id: Type.String(),
      recording: Type.Object({ source: Type.String(), format: Type.String(), channels: Type.Integer(), duration_seconds: Nullable(Type.Number()), size_bytes: Nullable(Type.Integer()) }),
    }),
  },
  'sms.sent': { category: 'sms', description: 'An outbound SMS was accepted by the carrier.', payload_schema: payload(SmsSchema) },
  'sms.received': { category: 'sms', description: 'An SMS arrived at one of your numbers.', payload_schema: payload(SmsSchema, { keyword: Nullable(Type.String({ description: 'STOP, START or HELP when the message was one.' })) }) },
  'sms.delivered': { category: 'sms', description: 'The carrier confirmed delivery of an outbound SMS.', payload_schema: payload(SmsSchema) },
  'sms.failed': { category: 'sms', description: 'An outbound SMS could not be sent or delivered.', payload_schema: payload(SmsSchema) },
  'webhook_endpoint.disabled': { category: 'webhooks', description: 'An endpoint failed for days (or answered 410) and was disabled.', payload_schema: endpointData },
  'webhook.test': { category: 'webhooks', description: 'Sent by POST /v1/webhooks/{id}/test to that endpoint only.', payload_schema: payload(null, { webhook_id: Type.String(), message: Type.String() }) },
  'contact.created': { category: 'crm', description: 'A contact was created (by the API, a lead conversion or a call from a new number).', payload_schema: payload(ContactSchema) },
  'lead.created': { category: 'crm', description: 'A lead was created.', payload_schema: payload(LeadSchema) },
  'lead.converted': { category: 'crm', description: 'A lead was converted into a contact, a company and a deal.', payload_schema: payload(LeadSchema) },
  'deal.stage_changed': { category: 'crm', description: 'A deal moved to another pipeline stage.', payload_schema: payload(DealSchema, { previous_stage: Nullable(Type.String()) }) },
  'ticket.created': { category: 'support', description: 'A support ticket was opened.', payload_schema: payload(TicketSchema) },
  'ticket.updated': {
    category: 'support',
    description: 'A support ticket changed; `changed_fields` names what, `previous_attributes` holds the old values.',
    payload_schema: payload(TicketSchema, { changed_fields: Type.Array(Type.String()), previous_attributes: Type.Record(Type.String(), Type.Unknown()) }),
  },
  'invoice.paid': { category: 'crm', description: 'Payments covered an invoice\'s total.', payload_schema: payload(InvoiceSchema, { payment_id: Type.String() }) },
  'task.created': { category: 'tasks', description: 'A task was created.', payload_schema: payload(TaskSchema) },
  'asset.available': { category: 'assets', description: 'An upload was completed and checked; the asset can be downloaded.', payload_schema: payload(AssetSchema, {}, ['upload_url', 'download_url', 'download_expires_at']) },
  'asset.archived': { category: 'assets', description: 'An asset was archived; it is no longer served.', payload_schema: payload(AssetSchema, {}, ['upload_url', 'download_url', 'download_expires_at']) },
  'bi.export.completed': {
    category: 'bi',
    description: 'A BI export finished; its file is an asset (GET /v1/assets/{asset_id} for a download link).',
    payload_schema: payload(null, { id: Type.String(), format: Type.String(), row_count: Type.Integer(), asset_id: Type.String(), scheduled_artifact_id: Nullable(Type.String()) }),
  },
  'bi.export.failed': {
    category: 'bi',
    description: 'A BI export could not be produced.',
    payload_schema: payload(null, { id: Type.String(), format: Type.String(), error: Type.String(), scheduled_artifact_id: Nullable(Type.String()) }),
  },
  'customer.created': { category: 'crm', description: 'A customer record was created (POST /v1/identity/customers).', payload_schema: payload(CustomerSchema) },
  'customer.updated': { category: 'crm', description: 'A customer changed: its fields, or a contact added or removed.', payload_schema: payload(CustomerSchema, { changed_fields: Type.Array(Type.String()) }) },
  'customer.deleted': { category: 'crm', description: 'A customer record was deleted (its CRM contacts stay).', payload_schema: payload(null, { id: Type.String() }) },
  'auth.install_token.exchanged': {
    category: 'auth',
    description: 'An install token was exchanged for a new API key (agentline login).',
    payload_schema: payload(null, { key_id: Type.String(), label: Type.String(), minted_by_key_id: Type.String(), token_hint: Type.String(), ip: Nullable(Type.String()) }),
  },
  'auth.install_token.replayed': {
    category: 'auth',
    description: 'An install token that was already used was presented again, and refused.',
    payload_schema: payload(null, { minted_by_key_id: Type.String(), issued_key_id: Nullable(Type.String()), token_hint: Type.String(), first_used_at: Timestamp(), ip: Nullable(Type.String()), label: Nullable(Type.String()) }),
  },
  'agent.created': { category: 'agents', description: 'A reusable agent was created.', payload_schema: payload(AgentSchema, {}, ['stats']) },
  'agent.updated': { category: 'agents', description: 'A reusable agent changed (its next calls use the change).', payload_schema: payload(AgentSchema, { previous_status: Type.String() }, ['stats']) },
  'identity.updated': { category: 'agents', description: 'The business identity (profile or services) changed.', payload_schema: payload(IdentitySchema) },
  'usage.limit_exceeded': {
    category: 'usage',
    description: 'A plan limit was reached this period (once per metric and period).',
    payload_schema: payload(null, { metric: Type.String(), current: Type.Number(), limit: Type.Number(), plan: Nullable(Type.String()), enforcement: Type.String(), period: Type.Object({ start: Timestamp(), end: Timestamp() }) }),
  },
  'bi.scheduled_artifact.completed': {
    category: 'bi',
    description: 'A scheduled artifact ran: its report or export was produced as an export file.',
    payload_schema: payload(null, { scheduled_artifact_id: Type.String(), export_id: Nullable(Type.String()), status: Type.String({ description: '`succeeded` or `failed`.' }), row_count: Nullable(Type.Integer()), asset_id: Nullable(Type.String()), error: Type.Optional(Type.String()), next_run_at: Nullable(Timestamp()) }),
  },
};
