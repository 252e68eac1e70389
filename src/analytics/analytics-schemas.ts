import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { StringEnum } from '../support/support-schemas.js';

export const PROPERTY_TYPES = ['string', 'number', 'integer', 'boolean', 'timestamp', 'object', 'array'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

const PropertyKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$', description: 'snake_case, e.g. `workspace_id`.' });
const EventName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9_.]*$', description: 'snake_case (dots allowed), e.g. `first_contact_created`.' });
const Owner = Type.String({ minLength: 1, maxLength: 100, description: 'The team or person answerable for the event, e.g. `growth`.' });

export const DefineEventBody = Type.Object(
  {
    name: EventName,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    owner: Type.Optional(Owner),
    properties: Type.Optional(Type.Array(PropertyKey, { maxItems: 100, uniqueItems: true, description: 'The keys its payload may carry. A key defined with POST /v1/analytics/properties is checked against its type and `required`; one not defined (yet) may carry any value.' })),
  },
  { additionalProperties: false },
);

export const AnalyticsEventSchema = Type.Object(
  {
    id: Type.String({ description: '`aev_` id.' }),
    livemode: Type.Boolean(),
    name: Type.String(),
    description: Nullable(Type.String()),
    owner: Nullable(Type.String()),
    properties: Type.Array(Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'AnalyticsEvent', title: 'AnalyticsEvent' },
);

export const DefinePropertyBody = Type.Object(
  {
    key: PropertyKey,
    type: StringEnum(PROPERTY_TYPES, { description: '`timestamp`: an ISO 8601 date-time string.' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    required: Type.Optional(Type.Boolean({ default: false, description: 'Every event listing this property must carry it.' })),
  },
  { additionalProperties: false },
);

export const AnalyticsPropertySchema = Type.Object(
  {
    id: Type.String({ description: '`prop_` id.' }),
    livemode: Type.Boolean(),
    key: Type.String(),
    type: StringEnum(PROPERTY_TYPES),
    description: Nullable(Type.String()),
    required: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'AnalyticsProperty', title: 'AnalyticsProperty' },
);

export const ValidateBody = Type.Object(
  {
    name: EventName,
    properties: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200, description: 'The payload to check.' }),
  },
  { additionalProperties: false },
);

export const ValidationErrorSchema = Type.Object({
  field: Type.String({ description: 'e.g. `properties.workspace_id`.' }),
  error: StringEnum(['required', 'invalid_type', 'unknown_property'] as const),
  message: Type.String(),
  expected: Type.Optional(Type.String({ description: 'The defined type (invalid_type).' })),
  received: Type.Optional(Type.String({ description: 'The JSON type that was sent (invalid_type).' })),
});

export const ValidationResultSchema = Type.Object({
  valid: Type.Boolean(),
  errors: Type.Array(ValidationErrorSchema),
  request_id: Type.String({ description: 'As in seed 003: the request id, also inside `data`.' }),
});

export const ListEventsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the name or description.' })),
  owner: Type.Optional(Owner),
};
export const ListPropertiesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the key or description.' })),
};
