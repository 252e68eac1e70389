import { Type } from '@sinclair/typebox';
import { CustomFieldQuery, CustomFields } from '../../crm/custom-fields.js';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFieldsPatch, StringEnum } from '../support-schemas.js';

export const QUEUE_STATUSES = ['active', 'paused', 'archived'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

const QueueStatusSchema = StringEnum(QUEUE_STATUSES, { description: '`archived` queues take no new tickets.' });
const Key = Type.String({ pattern: '^[a-z0-9_-]{1,40}$', description: 'Your handle for the queue, unique in the workspace: lowercase letters, digits, `_` and `-`, up to 40.', 'x-example': 'priority' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Target = Type.Integer({ minimum: 1, maximum: 525_600, description: 'Minutes from a ticket\'s creation to its first outbound message before it counts as breached.' });

export const CreateQueueBody = Type.Object(
  {
    key: Key,
    name: Name,
    status: Type.Optional(QueueStatusSchema),
    first_response_target_minutes: Type.Optional(Nullable(Target)),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateQueueBody = Type.Object(
  {
    key: Type.Optional(Key),
    name: Type.Optional(Name),
    status: Type.Optional(QueueStatusSchema),
    first_response_target_minutes: Type.Optional(Nullable(Target)),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const QueueSchema = Type.Object(
  {
    id: Type.String({ description: '`queue_` id.' }),
    livemode: Type.Boolean(),
    key: Type.String(),
    name: Type.String(),
    status: QueueStatusSchema,
    first_response_target_minutes: Nullable(Type.Integer()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'SupportQueue', title: 'SupportQueue' },
);

export const ListQueuesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the name or key.' })),
  status: Type.Optional(QueueStatusSchema),
  ...CustomFieldQuery,
};

export const QueueParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A `queue_` id.' }) });
