import type { TicketMessagesTable } from '../../db/schema-crm.js';
import type { MESSAGE_CHANNELS } from './message-schemas.js';

export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface MessageDto {
  id: string;
  livemode: boolean;
  ticket_id: string;
  direction: TicketMessagesTable['direction'];
  channel: MessageChannel;
  body: string;
  author_id: string | null;
  created_at: string;
}

export function messageDto(row: TicketMessagesTable): MessageDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    ticket_id: row.ticket_id,
    direction: row.direction,
    channel: row.channel as MessageChannel,
    body: row.body,
    author_id: row.author_id,
    created_at: row.created_at,
  };
}
