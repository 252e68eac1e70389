import type { TicketCommentsTable } from '../../db/schema-crm.js';

export interface CommentDto {
  id: string;
  livemode: boolean;
  ticket_id: string;
  body: string;
  pinned: boolean;
  author_id: string | null;
  created_at: string;
  updated_at: string;
}

export function commentDto(row: TicketCommentsTable): CommentDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    ticket_id: row.ticket_id,
    body: row.body,
    pinned: row.pinned === 1,
    author_id: row.author_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
