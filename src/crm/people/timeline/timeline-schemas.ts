import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';

// GET /v1/contacts/{id}/timeline: everything that happened with one contact, newest first.

export const TIMELINE_TYPES = ['call', 'sms', 'ticket', 'task', 'activity'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
const EntryType = Type.Union(TIMELINE_TYPES.map((t) => Type.Literal(t)), { description: 'call | sms | ticket | task | activity' });

const Resource = Type.Object(
  {
    id: Type.String(),
    // call, sms
    direction: Type.Optional(Type.String({ description: 'call, sms: `inbound` | `outbound`.' })),
    from: Type.Optional(Type.String({ description: 'call, sms.' })),
    to: Type.Optional(Type.String({ description: 'call, sms.' })),
    number_id: Type.Optional(Type.String({ description: 'call, sms.' })),
    status: Type.Optional(Type.String({ description: 'call, sms, ticket, task.' })),
    duration_seconds: Type.Optional(Nullable(Type.Integer({ description: 'call.' }))),
    end_reason: Type.Optional(Nullable(Type.String({ description: 'call.' }))),
    body: Type.Optional(Nullable(Type.String({ description: 'sms; activity.' }))),
    // ticket
    subject: Type.Optional(Type.String()),
    priority: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
    // task
    title: Type.Optional(Type.String()),
    due_at: Type.Optional(Nullable(Type.String())),
    // activity
    type: Type.Optional(Type.String({ description: 'activity: note | call | sms | email | meeting | agent_action.' })),
    metadata: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'activity.' })),
  },
  { description: 'The resource, with a few fields; fetch it by id (`/v1/calls/{id}`, `/v1/sms/{id}` ...) for everything.' },
);

export const TimelineEntrySchema = Type.Object(
  {
    type: EntryType,
    id: Type.String({ description: 'The resource\'s id.' }),
    occurred_at: Timestamp('When it happened (calls, SMS, tickets, tasks: when they were created).'),
    summary: Type.String(),
    resource: Resource,
  },
  { $id: 'TimelineEntry', title: 'TimelineEntry' },
);

export const TimelineQuery = {
  type: Type.Optional(EntryType),
};
