import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Mode } from '../db/schema.js';

// Softphone tickets: a browser cannot put an `Authorization` header on a WebSocket, and an API
// key must never travel in a URL (it ends up in logs, history and Referer headers). So the
// console asks `POST /v1/softphone/tickets` with its bearer key for a ticket naming the number
// it will call, and opens the socket with `?ticket=`. A ticket is not the key: it is good once,
// for about a minute, for that number only, and only its SHA-256 is stored (in the database, so
// any gateway process and a restarted one honour it).

export const TICKET_TTL_MS = 60_000;
const TICKET_PREFIX = 'spt_';
const TICKET_SHAPE = /^spt_[A-Za-z0-9_-]{43}$/;

const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

export interface IssuedTicket {
  ticket: string;
  expires_at: string;
}

export async function issueTicket(
  deps: { db: Db; clock: Clock },
  input: { keyId: string; workspaceId: string; to: string; from: string | null },
): Promise<IssuedTicket> {
  const ticket = `${TICKET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS).toISOString();
  await deps.db
    .insertInto('softphone_tickets')
    .values({
      ticket_hash: hashTicket(ticket),
      key_id: input.keyId,
      workspace_id: input.workspaceId,
      to_number: input.to,
      from_number: input.from,
      expires_at: expiresAt,
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  // Expired tickets are of no use to anyone: tidy them while we are here.
  await deps.db.deleteFrom('softphone_tickets').where('expires_at', '<', new Date(now.getTime() - TICKET_TTL_MS).toISOString()).execute();
  return { ticket, expires_at: expiresAt };
}

/** What a redeemed ticket lets its socket do: call `to` (as `from`), as the key that asked. */
export interface RedeemedTicket {
  to: string;
  from: string | null;
}

export type Redemption =
  | {
      ok: true;
      ticket: RedeemedTicket;
      key: { id: string; workspaceId: string; workspaceName: string; mode: Mode; scopes: string[]; readOnly: boolean; lastUsedAt: string | null };
    }
  | { ok: false };

/**
 * Spends a ticket: the one UPDATE that marks it used is the check, so two sockets racing with the
 * same ticket cannot both win. Unknown, used, expired tickets, and those of a key revoked since,
 * redeem nothing.
 */
export async function redeemTicket(deps: { db: Db; clock: Clock }, ticket: string): Promise<Redemption> {
  if (!TICKET_SHAPE.test(ticket)) return { ok: false };
  const now = deps.clock.now().toISOString();
  const row = await deps.db
    .updateTable('softphone_tickets')
    .set({ used_at: now })
    .where('ticket_hash', '=', hashTicket(ticket))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  if (!row) return { ok: false };
  const key = await deps.db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .selectAll('api_keys')
    .select('workspaces.name as workspace_name')
    .where('api_keys.id', '=', row.key_id)
    .executeTakeFirst();
  if (!key || key.revoked_at !== null || key.mode !== 'test') return { ok: false };
  return {
    ok: true,
    ticket: { to: row.to_number, from: row.from_number },
    key: {
      id: key.id,
      workspaceId: key.workspace_id,
      workspaceName: key.workspace_name,
      mode: key.mode,
      scopes: JSON.parse(key.scopes) as string[],
      readOnly: key.read_only === 1,
      lastUsedAt: key.last_used_at,
    },
  };
}
