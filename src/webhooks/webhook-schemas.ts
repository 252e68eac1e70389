import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { PageQuery } from '../http/pagination.js';
import { EVENT_TYPES } from '../events/event-writer.js';

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'Where events are POSTed. Private, loopback and link-local addresses are refused unless the operator allows them.' });
// A plain enum (not a union of literals) so a wrong type yields one clear "must be one of" error.
// Or a workspace's own `external.*` type (src/integrations/), emitted through the API.
export const EXTERNAL_EVENT_KEY = '^external\\.[a-z0-9_]+(\\.[a-z0-9_]+)*$';
const EventTypeOrAll = Type.Unsafe<string>({ type: 'string', anyOf: [{ enum: ['*', ...EVENT_TYPES] }, { pattern: EXTERNAL_EVENT_KEY, maxLength: 100 }] });
const EventTypes = Type.Array(EventTypeOrAll, {
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
  description: 'Types to receive; `["*"]` for all.',
});
const Name = Type.String({ minLength: 1, maxLength: 100, description: 'Your label for the endpoint.' });
const Status = Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('disabled')], {
  description: '`paused` by you; `disabled` by us after days of failures (PATCH `active` to resume).',
});

export const CreateWebhookBody = Type.Object(
  { url: Url, event_types: EventTypes, name: Type.Optional(Name) },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    event_types: Type.Optional(EventTypes),
    name: Type.Optional(Nullable(Name)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const WebhookSchema = Type.Object(
  {
    id: Type.String({ description: '`wh_` id.' }),
    url: Type.String(),
    name: Nullable(Type.String()),
    event_types: Type.Array(Type.String()),
    status: Status,
    livemode: Type.Boolean(),
    secret_preview: Type.String({ description: 'e.g. `whsec_abcd...wxyz`.' }),
    secret: Type.Optional(Type.String({ description: 'The signing secret (`whsec_...`). Only in the response that creates or rotates it.' })),
    previous_secret_expires_at: Nullable(Timestamp('After a rotation, the old secret also signs until then.')),
    failing_since: Nullable(Timestamp('First failed delivery since the last success.')),
    disabled_reason: Nullable(Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Webhook', title: 'Webhook' },
);

export const DeletedWebhookSchema = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });

const DeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]);

export const DeliverySchema = Type.Object(
  {
    id: Type.String({ description: '`whd_` id.' }),
    webhook_id: Type.String(),
    event_id: Type.String({ description: 'Also the `webhook-id` header: stable across retries, use it to deduplicate.' }),
    event_type: Type.String(),
    status: DeliveryStatus,
    attempt_count: Type.Integer(),
    next_attempt_at: Nullable(Timestamp()),
    last_status_code: Nullable(Type.Integer()),
    last_error: Nullable(Type.String()),
    delivered_at: Nullable(Timestamp()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
    attempts: Type.Array(
      Type.Object({
        attempted_at: Timestamp(),
        status_code: Nullable(Type.Integer({ description: 'null when no HTTP response came back.' })),
        latency_ms: Type.Integer(),
        error: Nullable(Type.String()),
        next_attempt_at: Nullable(Timestamp('When the next attempt was scheduled; null after a success or the last attempt.')),
      }),
    ),
  },
  { $id: 'WebhookDelivery', title: 'WebhookDelivery' },
);

export const WebhookParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A `wh_` id.' }) });
export const DeliveryParams = Type.Object({
  id: Type.String({ maxLength: 100, description: 'A `wh_` id.' }),
  delivery_id: Type.String({ maxLength: 100, description: 'A `whd_` id.' }),
});
export const ListWebhooksQuery = Type.Object({ ...PageQuery });
export const ListDeliveriesQuery = Type.Object({ ...PageQuery, status: Type.Optional(DeliveryStatus) });
