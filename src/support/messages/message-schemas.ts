import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { IdRef, StringEnum } from '../support-schemas.js';

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const MESSAGE_CHANNELS = ['email', 'chat', 'phone', 'sms', 'web', 'api', 'other'] as const;

const Direction = StringEnum(MESSAGE_DIRECTIONS, { description: '`inbound`: from the customer; `outbound`: to the customer (the first one sets the ticket\'s `first_responded_at`).' });
const Channel = StringEnum(MESSAGE_CHANNELS);

export const CreateMessageBody = Type.Object(
  {
    direction: Direction,
    channel: Type.Optional(Channel),
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
    author_id: Type.Optional(IdRef('Who wrote it: your own user or agent id.')),
  },
  { additionalProperties: false },
);

export const MessageSchema = Type.Object(
  {
    id: Type.String({ description: '`msg_` id.' }),
    livemode: Type.Boolean(),
    ticket_id: Type.String(),
    direction: Direction,
    channel: Channel,
    body: Type.String(),
    author_id: Nullable(Type.String()),
    created_at: Timestamp(),
  },
  { $id: 'SupportTicketMessage', title: 'SupportTicketMessage' },
);

export const ListMessagesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the body.' })),
  direction: Type.Optional(Direction),
  channel: Type.Optional(Channel),
};

export const TicketIdParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A `ticket_` id.' }) });
