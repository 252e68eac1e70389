import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { RELATED_TYPES } from '../../related.js';

// Activities (seed 003 "Activities"): an append-only timeline of what happened with a contact,
// company, deal, ticket ... Logged by people (POST) and by the gateway itself (calls, SMS, agent
// tool calls). `query` searches summary and body.

export const ACTIVITY_TYPES = ['note', 'call', 'sms', 'email', 'meeting', 'agent_action'] as const;
const ActivityType = Type.Union(ACTIVITY_TYPES.map((t) => Type.Literal(t)), { description: 'note | call | sms | email | meeting | agent_action' });
const RelatedType = Type.Union(RELATED_TYPES.map((t) => Type.Literal(t)), { description: `One of ${RELATED_TYPES.join(', ')}.` });
const Metadata = Type.Record(Type.String(), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]]+$' },
  description: 'Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters.',
});

export const CreateActivityBody = Type.Object(
  {
    type: ActivityType,
    summary: Type.String({ minLength: 1, maxLength: 1000, 'x-example': 'Jane asked for pricing details' }),
    body: Type.Optional(Type.String({ maxLength: 50_000 })),
    related_resource_type: Type.Optional(RelatedType),
    related_resource_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Must exist in this workspace (404 otherwise); goes with `related_resource_type`.' })),
    occurred_at: Type.Optional(Timestamp('When it happened; defaults to now.')),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);

export const ActivitySchema = Type.Object(
  {
    id: Type.String({ description: '`act_` id.' }),
    type: ActivityType,
    summary: Type.String(),
    body: Nullable(Type.String()),
    related_resource_type: Nullable(Type.String()),
    related_resource_id: Nullable(Type.String()),
    occurred_at: Timestamp(),
    metadata: Type.Record(Type.String(), Type.String()),
    created_at: Timestamp(),
  },
  { $id: 'Activity', title: 'Activity' },
);

export const ListActivitiesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search across activity summary and body (every word, as a prefix).' })),
  type: Type.Optional(ActivityType),
  related_resource_type: Type.Optional(RelatedType),
  related_resource_id: Type.Optional(Type.String({ maxLength: 100 })),
};
