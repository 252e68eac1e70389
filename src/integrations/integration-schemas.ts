import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { EXTERNAL_EVENT_KEY } from '../webhooks/webhook-schemas.js';

const Key = Type.String({ minLength: 10, maxLength: 100, description: 'Your own types start with `external.`: lowercase words separated by dots, e.g. `external.publish.completed`.' });
const Category = Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9_]+$', description: 'e.g. `crm`, `cms`, `assets`, `usage`, or your own.' });
const JsonSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'A JSON Schema (draft 2020-12 subset ajv reads) every emitted `data` must match.' });

export const RegisterEventTypeBody = Type.Object(
  {
    key: Key,
    category: Category,
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    payload_schema: Type.Optional(JsonSchema),
  },
  { additionalProperties: false },
);

export const EventTypeSchema = Type.Object(
  {
    id: Nullable(Type.String({ description: '`iet_` id of a type you registered; null for the gateway\'s own types.' })),
    key: Type.String(),
    category: Type.String(),
    description: Nullable(Type.String()),
    source: Type.Union([Type.Literal('gateway'), Type.Literal('workspace')], { description: '`gateway`: emitted by the gateway itself; `workspace`: registered by you, emitted with POST /v1/integrations/events/{key}/emit.' }),
    payload_schema: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'JSON Schema of the event\'s `data`.' })),
    livemode: Type.Boolean(),
    created_at: Nullable(Timestamp()),
    updated_at: Nullable(Timestamp()),
  },
  { $id: 'IntegrationEventType', title: 'IntegrationEventType' },
);

export const ListEventTypesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the key or description.' })),
  category: Type.Optional(Type.String({ maxLength: 50 })),
};

export const EmitParams = Type.Object({ key: Type.String({ maxLength: 100, pattern: EXTERNAL_EVENT_KEY, description: 'A type you registered (`external.*`).' }) });
export const EmitBody = Type.Object({ data: Type.Record(Type.String(), Type.Unknown(), { description: 'The event\'s payload; it must match the type\'s `payload_schema`.' }) }, { additionalProperties: false });

export const EmittedEventSchema = Type.Object({
  id: Type.String({ description: '`evt_` id: the same event is listed by GET /v1/events and delivered to every endpoint subscribed to its key (or `*`).' }),
  type: Type.String(),
  created_at: Timestamp(),
  livemode: Type.Boolean(),
  data: Type.Record(Type.String(), Type.Unknown()),
});
