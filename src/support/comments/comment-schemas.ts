import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { IdRef } from '../support-schemas.js';

const Body = Type.String({ minLength: 1, maxLength: 20_000 });
const Pinned = Type.Boolean({ description: 'Pinned comments stay on top of the ticket for everyone working on it.' });

export const CreateCommentBody = Type.Object(
  {
    body: Body,
    pinned: Type.Optional(Pinned),
    author_id: Type.Optional(IdRef('Who wrote it: your own user or agent id.')),
  },
  { additionalProperties: false },
);

export const UpdateCommentBody = Type.Object(
  { body: Type.Optional(Body), pinned: Type.Optional(Pinned) },
  { additionalProperties: false, minProperties: 1 },
);

export const CommentSchema = Type.Object(
  {
    id: Type.String({ description: '`cmt_` id.' }),
    livemode: Type.Boolean(),
    ticket_id: Type.String(),
    body: Type.String(),
    pinned: Type.Boolean(),
    author_id: Nullable(Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'SupportTicketComment', title: 'SupportTicketComment' },
);

export const ListCommentsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the body.' })),
  pinned: Type.Optional(Type.Boolean()),
};

export const CommentParams = Type.Object({
  id: Type.String({ maxLength: 100, description: 'A `ticket_` id.' }),
  comment_id: Type.String({ maxLength: 100, description: 'A `cmt_` id.' }),
});
