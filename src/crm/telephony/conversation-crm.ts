import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db, Executor } from '../../db/database.js';
import { scopeOf, type Scope } from '../../scope.js';
import { logActivity } from '../people/activities/activity-service.js';
import { findContactByPhone } from '../people/contacts/contact-lookup.js';
import { addTicketMessageInternal } from '../../support/messages/message-service.js';
import { createLeadInternal, findLeadByPhone } from '../sales/leads/lead-service.js';
import { parsePhone, phoneContextOf } from '../phones.js';
import type { NumbersTable } from '../../db/schema.js';
import { crmSettingsOf } from '../../numbers/number-dto.js';
import { dialectOf } from '../../db/dialect.js';

// Every call and SMS lands in the CRM: matched to a contact by the other party's number, and
// logged on that contact's timeline as a `call` activity when the call ends, or an `sms` activity
// once a text thread has gone quiet.

export interface ConversationCrmDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

export async function matchContactId(db: Executor, scope: Scope, phone: string): Promise<string | null> {
  return (await findContactByPhone(db, scope, phone))?.id ?? null;
}

/**
 * A number set to `crm.create_leads` opens a lead (source phone or sms) for someone who is not a
 * contact yet, once: a repeat caller with an open lead gets no second one. Withheld or
 * numbers libphonenumber does not accept (read in the workspace's default region) are skipped.
 */
export async function openLeadForStranger(deps: ConversationCrmDeps, number: NumbersTable, phone: string, source: 'phone' | 'sms'): Promise<void> {
  if (!crmSettingsOf(number).create_leads) return;
  const scope: Scope = scopeOf(number);
  const parsed = parsePhone(phone, await phoneContextOf(deps.db, scope));
  if (!parsed.ok) return;
  const normalized = parsed.e164;
  if (await findLeadByPhone(deps.db, scope, normalized)) return;
  await deps.db.transaction().execute((trx) =>
    createLeadInternal(trx, scope, { name: `${source === 'phone' ? 'Caller' : 'Texter'} ${normalized}`, phone: normalized, source, notes: `First contact by ${source === 'phone' ? 'phone' : 'SMS'} to ${number.phone_number}.` }, deps.clock.now()),
  );
}

const TRANSCRIPT_EXCERPT_TURNS = 12;

/**
 * A finished call in the CRM: tickets opened during it get the transcript as a message, and the
 * caller's contact gets a `call` activity with an excerpt and a link to the transcript.
 */
export async function logCallActivity(deps: ConversationCrmDeps, callId: string): Promise<void> {
  const call = await deps.db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  if (!call) return;
  const scope: Scope = scopeOf(call);
  const tickets = await deps.db.selectFrom('tickets').select('id').where('workspace_id', '=', call.workspace_id).where('mode', '=', call.mode).where('call_id', '=', callId).execute();
  if (tickets.length > 0) {
    const all = await deps.db.selectFrom('call_turns').select(['speaker', 'text']).where('call_id', '=', callId).orderBy('seq').execute();
    const transcript = `Call transcript (${call.id}):\n${all.map((t) => `${t.speaker}: ${t.text}`).join('\n')}`;
    await deps.db.transaction().execute(async (trx) => {
      for (const t of tickets) await addTicketMessageInternal(trx, scope, t.id, { direction: 'inbound', channel: 'phone', body: transcript }, deps.clock.now());
    });
  }
  if (!call.contact_id) return;
  const turns = await deps.db.selectFrom('call_turns').select(['speaker', 'text']).where('call_id', '=', callId).orderBy('seq').limit(TRANSCRIPT_EXCERPT_TURNS).execute();
  const minutes = call.duration_seconds ? Math.max(1, Math.round(call.duration_seconds / 60)) : 0;
  const summary = `${call.direction === 'inbound' ? 'Inbound' : 'Outbound'} call, ${minutes} min, ${call.end_reason ?? call.status}`;
  await logActivity(
    deps.db,
    scope,
    {
      type: 'call',
      summary,
      body: turns.map((t) => `${t.speaker}: ${t.text}`).join('\n') || null,
      related_resource_type: 'contact',
      related_resource_id: call.contact_id,
      occurred_at: call.answered_at ?? call.created_at,
      metadata: { call_id: call.id, transcript_url: `/v1/calls/${call.id}/transcript`, status: call.status },
    },
    deps.clock.now(),
  );
}

/**
 * SMS threads with a known contact whose newest message is older than `quietMs` and not yet
 * logged get one `sms` activity covering the messages since the last one logged.
 */
export async function logQuietSmsThreads(deps: ConversationCrmDeps, quietMs: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - quietMs).toISOString();
  const threads = await deps.db
    .selectFrom('sms_messages')
    .select(['workspace_id', 'mode', 'number_id', 'counterpart', 'contact_id', sql<string>`max(id)`.as('last_id'), sql<string>`max(created_at)`.as('last_at')])
    .where('contact_id', 'is not', null)
    .groupBy(['workspace_id', 'mode', 'number_id', 'counterpart', 'contact_id'])
    .having(sql`max(created_at)`, '<', cutoff)
    .execute();
  let logged = 0;
  const pg = dialectOf(deps.db) === 'postgres';
  const metadataField = (name: 'last_sms_id' | 'thread') => (pg ? sql<string>`(metadata::jsonb ->> ${name})` : sql<string>`json_extract(metadata, ${`$.${name}`})`);
  for (const t of threads) {
    const threadKey = `${t.number_id}:${t.counterpart}`;
    const previous = await deps.db
      .selectFrom('activities')
      .select(metadataField('last_sms_id').as('last_sms_id'))
      .where('workspace_id', '=', t.workspace_id)
      .where('mode', '=', t.mode)
      .where('type', '=', 'sms')
      .where(sql<boolean>`${metadataField('thread')} = ${threadKey}`)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (previous && previous.last_sms_id >= t.last_id) continue;
    const messages = await deps.db
      .selectFrom('sms_messages')
      .select(['direction', 'body', 'created_at'])
      .where('number_id', '=', t.number_id)
      .where('counterpart', '=', t.counterpart)
      .where('id', '>', previous?.last_sms_id ?? '')
      .orderBy('id')
      .limit(50)
      .execute();
    const scope: Scope = scopeOf(t);
    await logActivity(
      deps.db,
      scope,
      {
        type: 'sms',
        summary: `SMS conversation, ${messages.length} message${messages.length === 1 ? '' : 's'}`,
        body: messages.map((m) => `${m.direction === 'inbound' ? 'them' : 'us'}: ${m.body}`).join('\n'),
        related_resource_type: 'contact',
        related_resource_id: t.contact_id!,
        occurred_at: messages[0]?.created_at ?? t.last_at,
        metadata: { thread: threadKey, last_sms_id: t.last_id, number_id: t.number_id, counterpart: t.counterpart },
      },
      deps.clock.now(),
    );
    logged++;
  }
  return logged;
}
