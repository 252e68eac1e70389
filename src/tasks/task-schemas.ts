import { Type } from '@sinclair/typebox';
import { RELATED_TYPES } from '../crm/related.js';
import { Nullable, Timestamp } from '../http/envelope.js';
import { IdRef, StringEnum } from '../support/support-schemas.js';

export const TASK_STATUSES = ['open', 'completed', 'canceled'] as const;

const Status = StringEnum(TASK_STATUSES, { description: '`completed` sets `completed_at`, `canceled` sets `canceled_at`; `open` reopens and clears both.' });
const RelatedType = StringEnum(RELATED_TYPES, { description: 'The kind of resource the task is about; `related_resource_id` must exist (404 otherwise).' });
const Title = Type.String({ minLength: 1, maxLength: 500 });
const Description = Type.String({ maxLength: 20_000 });
const Assignee = IdRef('Who should do it: your own user or agent id.');
const DueAt = Timestamp('When the task is due (ISO 8601).');
const CompletedNote = Type.String({ maxLength: 5000, description: 'What came of it.' });

export const CreateTaskBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Description),
    assignee_id: Type.Optional(Assignee),
    due_at: Type.Optional(DueAt),
    related_resource_type: Type.Optional(RelatedType),
    related_resource_id: Type.Optional(IdRef('The id of the related resource (`con_...`, `ticket_...`).')),
  },
  { additionalProperties: false },
);

export const UpdateTaskBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Nullable(Description)),
    assignee_id: Type.Optional(Nullable(Assignee)),
    due_at: Type.Optional(Nullable(DueAt)),
    status: Type.Optional(Status),
    completed_note: Type.Optional(Nullable(CompletedNote)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TaskSchema = Type.Object(
  {
    id: Type.String({ description: '`task_` id.' }),
    livemode: Type.Boolean(),
    title: Type.String(),
    description: Nullable(Type.String()),
    status: Status,
    assignee_id: Nullable(Type.String()),
    due_at: Nullable(Timestamp()),
    related_resource_type: Nullable(RelatedType),
    related_resource_id: Nullable(Type.String()),
    completed_note: Nullable(Type.String()),
    completed_at: Nullable(Timestamp()),
    canceled_at: Nullable(Timestamp()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Task', title: 'Task' },
);

export const ListTasksQuery = {
  status: Type.Optional(Status),
  assignee_id: Type.Optional(IdRef('Tasks assigned to this id.')),
  related_resource_type: Type.Optional(RelatedType),
  related_resource_id: Type.Optional(IdRef('Tasks about this resource.')),
  due_before: Type.Optional(Timestamp('Tasks due at or before this time.')),
  due_after: Type.Optional(Timestamp('Tasks due at or after this time.')),
};

export const TaskParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A `task_` id.' }) });
