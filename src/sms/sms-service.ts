import type { FastifyBaseLogger } from 'fastify';
import type { ChatMessage } from '../agents/agent.js';
import type { AgentFactory } from '../calls/agent-factory.js';
import { runAgentTurn } from '../calls/agent-turn.js';
import type { TurnContextProvider } from '../calls/turn-context.js';
import { CarrierError, carrierFailure } from '../carriers/carrier.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { post } from '../credits/ledger.js';
import type { Db, Trx } from '../db/database.js';
import type { Mode, NumbersTable, SmsMessagesTable, SmsStatus } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import { newId } from '../ids.js';
import { findActiveByPhone, findNumber } from '../numbers/number-repository.js';
import { agentAvailable, agentOf } from '../agent-profiles/agent-overlay.js';
import { checkPlan } from '../usage/plan-enforcement.js';
import { scopeOf, type Scope } from '../scope.js';
import { smsDto, type SmsDto } from './sms-dto.js';
import { START_CONFIRMATION, STOP_CONFIRMATION, keywordOf } from './keywords.js';
import { countSegments } from './segments.js';
import { matchContactId, openLeadForStranger } from '../crm/telephony/conversation-crm.js';
import type { SmsSender } from './sms-sender.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { failpoint } from '../intents/failpoints.js';
import { IntentBook, intentRef } from '../intents/intent-service.js';
import * as repo from './sms-repository.js';
import { campaignReplyTarget, recordCampaignReply } from '../marketing/campaigns/campaign-replies.js';

// SMS rules: metered sends, inbound messages answered by the number's agent in a thread per
// (number, counterpart), opt-out keywords, and the carrier's delivery reports.

export interface SmsDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  agentFor: AgentFactory;
  senders: Record<Mode, SmsSender>;
  /** The app's intent book (carrier side effects); one-off callers may leave it out. */
  intents?: IntentBook;
  /** The texter's context and extra tools (the CRM's). */
  turnContext: TurnContextProvider;
}

const RANK: Record<SmsStatus, number> = { queued: 0, sending: 1, sent: 2, received: 2, delivered: 3, undelivered: 3, failed: 3 };
const FINAL: ReadonlySet<SmsStatus> = new Set(['delivered', 'undelivered', 'failed']);
const THREAD_MESSAGES = 30;
const AGENT_TIMEOUT_MS = 30_000;


export interface SendInput {
  from: string;
  to: string;
  body: string;
  metadata?: Record<string, string>;
}

/**
 * Charges the segments, then hands the message to the carrier; a refused hand-off is refunded,
 * an unanswered one is settled by the reconciler.
 */
export async function sendSms(
  deps: SmsDeps,
  scope: Scope,
  input: SendInput,
  opts: {
    agentReply?: boolean;
    idempotency?: IdempotencyHandle | null;
    /** The contact the message is for, when the caller knows it (a campaign); else matched by number. */
    contactId?: string | null;
    /** Runs in the transaction that records and charges the message (a campaign claims its recipient). */
    inTx?: (trx: Trx, row: SmsMessagesTable) => Promise<void>;
    agentId?: string | null;
  } = {},
): Promise<SmsDto> {
  const number = await findNumber(deps.db, scope, input.from);
  if (!number) throw new ApiError('not_found', 'No such number.', [{ field: 'from', error: 'not_found', received: input.from }]);
  if (number.status !== 'active') throw new ApiError('conflict', 'This number has been released and cannot send messages.');
  if (await repo.isOptedOut(deps.db, number.id, input.to)) {
    throw new ApiError('recipient_opted_out', `${input.to} replied STOP to this number and cannot be messaged until they reply START.`, [
      { field: 'to', error: 'recipient_opted_out', received: input.to },
    ]);
  }
  await checkPlan(deps, scope, 'sms');
  const seg = countSegments(input.body);
  const price = seg.segments * deps.config.prices.smsSegmentCents;
  const at = deps.clock.now();
  const sender = deps.senders[scope.mode];
  const row: SmsMessagesTable = {
    id: newId('sms'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    number_id: number.id,
    direction: 'outbound',
    from_number: number.phone_number,
    to_number: input.to,
    counterpart: input.to,
    body: input.body,
    encoding: seg.encoding,
    segments: seg.segments,
    status: 'queued',
    carrier: sender.carrier,
    carrier_sid: null,
    error_code: null,
    error_message: null,
    cost_cents: price,
    refunded: 0,
    agent_reply: opts.agentReply ? 1 : 0,
    metadata: JSON.stringify(input.metadata ?? {}),
    contact_id: opts.contactId ?? (await matchContactId(deps.db, scope, input.to)),
    agent_id: opts.agentId ?? null,
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
  };
  // 402 here leaves nothing behind: the row, the charge and the send intent commit together or
  // not at all. From then on the send is settled exactly once: below, or by the reconciler
  // (src/intents/) if the gateway stops or the carrier does not answer.
  const intents = deps.intents ?? new IntentBook(deps);
  const ref = intentRef('sms.send', row.id);
  const idempotency = opts.idempotency ?? null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertSms(trx, row);
      if (price > 0) {
        await post(trx, scope, { kind: 'sms', amountCents: -price, description: `SMS to ${input.to}, ${seg.segments} segment(s)`, related: { type: 'sms', id: row.id } }, at, deps.config.lowBalanceCents);
      }
      await intents.open(trx, { kind: 'sms.send', resourceId: row.id, scope, carrier: sender.carrier, idempotency });
      await opts.inTx?.(trx, row);
    });
    failpoint('sms.after_intent');

    let sid: string;
    try {
      sid = await sender.send(row);
    } catch (err) {
      const message = err instanceof CarrierError ? err.message : 'The carrier did not accept the message.';
      if (err instanceof CarrierError && err.outcomeUnknown) {
        idempotency?.holdForReconciliation();
        deps.log.warn({ err, sms_id: row.id }, 'the carrier did not answer an SMS send; reconciliation will settle it');
        throw carrierFailure(err, message, { sms_id: row.id, outcome: 'pending' });
      }
      await markFailed(deps, row.id, err instanceof CarrierError && err.carrierCode !== undefined ? String(err.carrierCode) : 'carrier_error', message);
      await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'failed', outcome: 'refused' }));
      throw carrierFailure(err, message, { sms_id: row.id });
    }
    failpoint('sms.after_carrier');

    const sent = await deps.db.transaction().execute(async (trx) => {
      const current = (await repo.findSmsById(trx, row.id)) ?? row;
      const next = { ...current, carrier_sid: sid, updated_at: deps.clock.now().toISOString() };
      await repo.updateSms(trx, row.id, { carrier_sid: sid, updated_at: next.updated_at });
      await emitEvent(trx, scope, 'sms.sent', { ...smsDto(next) }, deps.clock.now());
      await intents.resolve(trx, ref, { state: 'done', outcome: 'sent', carrierSid: sid });
      await idempotency?.saveInTx(trx, 201, smsDto(next));
      return next;
    });
    failpoint('sms.after_record');
    return smsDto(sent);
  } finally {
    intents.settle(ref);
  }
}

/**
 * Failure is final: status failed, the carrier's error kept, the charge refunded once. Only a
 * message still on its way can fail: a report of failure after delivered or undelivered (out of
 * order, or repeated) changes nothing and refunds nothing.
 */
async function markFailed(deps: SmsDeps, id: string, code: string | null, message: string | null): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const m = await repo.findSmsById(trx, id);
    if (!m || m.direction !== 'outbound' || FINAL.has(m.status)) return;
    const next: SmsMessagesTable = { ...m, status: 'failed', error_code: code, error_message: message, refunded: 1, updated_at: at.toISOString() };
    if (!m.refunded && m.cost_cents > 0) {
      await post(trx, scopeOf(m), { kind: 'refund', amountCents: m.cost_cents, description: `SMS ${m.id} failed: refunded`, related: { type: 'sms', id: m.id } }, at);
    }
    await repo.updateSms(trx, id, { status: 'failed', error_code: code, error_message: message, refunded: 1, updated_at: next.updated_at });
    await emitEvent(trx, scopeOf(m), 'sms.failed', { ...smsDto(next) }, at);
  });
}

/**
 * A delivery report. Statuses only move forward, and delivered, undelivered and failed are
 * final: none moves to another, whatever order the carrier's callbacks arrive in.
 */
export async function applySmsStatus(deps: SmsDeps, id: string, status: string, errorCode: string | null, errorMessage: string | null): Promise<void> {
  if (!(status in RANK)) return;
  const s = status as SmsStatus;
  if (s === 'failed') return markFailed(deps, id, errorCode, errorMessage);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const m = await repo.findSmsById(trx, id);
    if (!m || m.direction !== 'outbound' || FINAL.has(m.status) || RANK[s] <= RANK[m.status]) return;
    const next: SmsMessagesTable = { ...m, status: s, error_code: errorCode ?? m.error_code, error_message: errorMessage ?? m.error_message, updated_at: at.toISOString() };
    await repo.updateSms(trx, id, { status: s, error_code: next.error_code, error_message: next.error_message, updated_at: next.updated_at });
    if (s === 'delivered') await emitEvent(trx, scopeOf(m), 'sms.delivered', { ...smsDto(next) }, at);
    if (s === 'undelivered') await emitEvent(trx, scopeOf(m), 'sms.failed', { ...smsDto(next) }, at);
  });
}

export interface Inbound {
  mode: Mode;
  carrier: 'twilio' | 'sim';
  carrierSid: string;
  from: string;
  to: string;
  body: string;
}

export interface InboundResult {
  message: SmsDto | null;
  /** A compliance reply (STOP/START/HELP) for the carrier to send back in its response. */
  keywordReply: string | null;
  /** Resolves when the agent's reply (if any) has been sent; callers need not wait. */
  agentDone: Promise<void>;
}

export async function receiveSms(deps: SmsDeps, input: Inbound): Promise<InboundResult> {
  const none = { message: null, keywordReply: null, agentDone: Promise.resolve() };
  const number = await findActiveByPhone(deps.db, input.mode, input.to);
  if (!number) return none;
  if (await repo.findSmsByCarrierSid(deps.db, input.carrier, input.carrierSid)) return none; // a retried webhook
  const keyword = keywordOf(input.body);
  const seg = countSegments(input.body);
  const at = deps.clock.now();
  const scope = scopeOf(number);
  const campaignReply = await campaignReplyTarget(deps.db, number, input.from); // a reply to a marketing campaign
  const contactId = campaignReply?.contactId ?? (await matchContactId(deps.db, scope, input.from));
  const row: SmsMessagesTable = {
    id: newId('sms'), workspace_id: number.workspace_id, mode: number.mode, number_id: number.id, direction: 'inbound',
    from_number: input.from, to_number: number.phone_number, counterpart: input.from, body: input.body, encoding: seg.encoding,
    segments: seg.segments, status: 'received', carrier: input.carrier, carrier_sid: input.carrierSid, error_code: null, error_message: null,
    cost_cents: 0, refunded: 0, agent_reply: 0, metadata: '{}', contact_id: contactId, agent_id: number.agent_id ?? null, created_at: at.toISOString(), updated_at: at.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertSms(trx, row);
    if (keyword === 'stop') await repo.optOut(trx, { number_id: number.id, counterpart: input.from, workspace_id: number.workspace_id, mode: number.mode, opted_out_at: at.toISOString() });
    if (keyword === 'start') await repo.optIn(trx, number.id, input.from);
    if (campaignReply) await recordCampaignReply(trx, campaignReply, row);
    await emitEvent(trx, scope, 'sms.received', { ...smsDto(row), keyword }, at);
  });

  if (!contactId && keyword === null) {
    await openLeadForStranger(deps, number, input.from, 'sms').catch((err: unknown) => deps.log.error({ err, sms_id: row.id }, 'could not open a lead for an unknown texter'));
  }
  const keywordReply = keyword === 'stop' ? STOP_CONFIRMATION : keyword === 'start' ? START_CONFIRMATION : keyword === 'help' ? deps.config.smsHelpReply : null;
  if (keywordReply) await recordComplianceReply(deps, number, input.from, keywordReply);
  const agentDone =
    // A paused agent's number stays silent: the message is kept, nothing is sent or charged.
    keyword === null && number.inbound_mode === 'autopilot' && agentAvailable(number) && !(await repo.isOptedOut(deps.db, number.id, input.from))
      ? replyWithAgent(deps, number, row).catch((err: unknown) => deps.log.error({ err, sms_id: row.id }, 'the agent could not reply by SMS'))
      : Promise.resolve();
  return { message: smsDto(row), keywordReply, agentDone };
}

/** Keyword confirmations are part of the thread but never charged or blocked. */
async function recordComplianceReply(deps: SmsDeps, number: NumbersTable, to: string, body: string): Promise<void> {
  const seg = countSegments(body);
  const at = deps.clock.now().toISOString();
  await repo.insertSms(deps.db, {
    id: newId('sms'), workspace_id: number.workspace_id, mode: number.mode, number_id: number.id, direction: 'outbound',
    from_number: number.phone_number, to_number: to, counterpart: to, body, encoding: seg.encoding, segments: seg.segments,
    status: 'sent', carrier: number.mode === 'live' ? 'twilio' : 'sim', carrier_sid: null, error_code: null, error_message: null,
    cost_cents: 0, refunded: 0, agent_reply: 0, metadata: JSON.stringify({ compliance: 'true' }), contact_id: null, created_at: at, updated_at: at,
  });
}

async function replyWithAgent(deps: SmsDeps, number: NumbersTable, inbound: SmsMessagesTable): Promise<void> {
  const scope = scopeOf(number);
  try {
    await checkPlan(deps, scope, 'sms'); // before the model runs, not only before the send
  } catch (err) {
    if (err instanceof ApiError) return deps.log.warn({ sms_id: inbound.id, code: err.code }, `no agent SMS reply: ${err.message}`);
    throw err;
  }
  const thread = await repo.threadOf(deps.db, number.id, inbound.counterpart, THREAD_MESSAGES);
  const history: ChatMessage[] = thread
    .filter((m) => JSON.parse(m.metadata).compliance !== 'true')
    .map((m) => (m.direction === 'inbound' ? { role: 'user', content: m.body } : { role: 'assistant', content: m.body }));
  // Same treatment as calls: managed agents get the texter's context and the turn context's
  // tools (the CRM's); webhook agents get the contact id.
  const managed = !number.webhook_url;
  const extra = await deps.turnContext.forConversation({ scope, channel: 'sms', contactId: inbound.contact_id, managed, related: { type: 'sms', id: inbound.id }, agent: agentOf(number) });
  const prompt = [number.system_prompt, extra.promptAddition].filter(Boolean).join('\n\n');
  const agent = deps.agentFor(number, {
    'X-Agentline-Sms-Id': inbound.id, 'X-Agentline-Number-Id': number.id,
    ...(inbound.contact_id ? { 'X-Agentline-Contact-Id': inbound.contact_id } : {}),
  }, { type: 'sms', id: inbound.id });
  const metadata = {
    channel: 'sms', sms_id: inbound.id, number_id: number.id, from: inbound.from_number, to: inbound.to_number, direction: 'inbound',
    ...(inbound.contact_id ? { contact_id: inbound.contact_id } : {}),
  };
  const turn = await runAgentTurn({
    agent,
    messages: [...(prompt ? [{ role: 'system' as const, content: prompt }] : []), ...history],
    tools: extra.tools,
    runTool: extra.runTool,
    metadata,
    signal: AbortSignal.timeout(AGENT_TIMEOUT_MS),
  });
  let text = turn.text;
  text = text.trim().slice(0, 1600);
  if (!text) return;
  try {
    await sendSms(deps, scopeOf(number), { from: number.id, to: inbound.counterpart, body: text }, { agentReply: true, agentId: number.agent_id ?? null });
  } catch (err) {
    if (err instanceof ApiError) deps.log.warn({ sms_id: inbound.id, code: err.code }, `agent SMS reply not sent: ${err.message}`);
    else throw err;
  }
}
