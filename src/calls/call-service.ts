import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db, Trx } from '../db/database.js';
import type { CallStatus, CallsTable, NumbersTable } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import { newId } from '../ids.js';
import { post } from '../credits/ledger.js';
import { readBalance } from '../credits/ledger-repository.js';
import { scopeOf, type Scope } from '../scope.js';
import { agentModeOf } from '../numbers/number-dto.js';
import { agentAvailable } from '../agent-profiles/agent-overlay.js';
import { checkPlan } from '../usage/plan-enforcement.js';
import { callDto } from './call-dto.js';
import { NO_TURN_CONTEXT, type TurnContextProvider } from './turn-context.js';
import * as repo from './call-repository.js';

// The rules of a call's record: creation, connection, per-minute charges, and the final
// reconciliation with the carrier's duration. Every change and its ledger entries and events
// commit together.

export interface CallServiceDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  /** Who the other party is, and what the CRM learns of a call (crm/telephony implements it; app.ts wires it). Absent: no CRM. */
  turnContext?: TurnContextProvider;
}

const contextOf = (deps: CallServiceDeps) => deps.turnContext ?? NO_TURN_CONTEXT;

export const TERMINAL: CallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];
export const isTerminal = (s: CallStatus) => TERMINAL.includes(s);


export function minutePrice(config: Config, direction: CallsTable['direction']): number {
  return direction === 'inbound' ? config.prices.inboundMinuteCents : config.prices.outboundMinuteCents;
}

/** Why an inbound call cannot be answered, in words for the caller; null when it can. */
export async function inboundRefusal(deps: CallServiceDeps, number: NumbersTable | undefined): Promise<{ reason: string; say: string } | null> {
  if (!number || number.status !== 'active') return { reason: 'not_in_service', say: 'The number you have called is not in service. Goodbye.' };
  if (number.inbound_mode === 'off') return { reason: 'inbound_off', say: 'Sorry, this line is not taking calls right now. Please try again later. Goodbye.' };
  // A paused (or archived) agent: a short line and a hang-up, never billed (a refused call is not).
  if (!agentAvailable(number)) return { reason: 'agent_unavailable', say: 'Sorry, we are unavailable right now. Please call again later. Goodbye.' };
  try {
    await checkPlan(deps, scopeOf(number), 'call');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'plan_limit_exceeded') return { reason: 'plan_limit', say: 'Sorry, this line cannot take calls right now. Please try again later. Goodbye.' };
    throw err;
  }
  const balance = await readBalance(deps.db, scopeOf(number));
  if (balance < deps.config.prices.inboundMinuteCents) {
    return { reason: 'insufficient_credits', say: 'Sorry, this line cannot take calls right now. Please try again later. Goodbye.' };
  }
  return null;
}

export interface NewCall {
  number: NumbersTable;
  direction: CallsTable['direction'];
  from: string;
  to: string;
  carrier: string;
  carrierSid: string | null;
  status: CallStatus;
  metadata?: Record<string, string>;
  systemPromptOverride?: string | null;
  firstMessageOverride?: string | null;
  refusedReason?: string;
  contactId?: string | null;
}

export async function createCall(deps: CallServiceDeps, input: NewCall, trx?: Trx): Promise<CallsTable> {
  const now = deps.clock.now().toISOString();
  // The CRM contact behind the other party's number, when there is one.
  const counterpart = input.direction === 'inbound' ? input.from : input.to;
  const contactId =
    input.contactId !== undefined ? input.contactId : await contextOf(deps).contactFor(trx ?? deps.db, scopeOf(input.number), counterpart);
  const row: CallsTable = {
    id: newId('call'),
    workspace_id: input.number.workspace_id,
    mode: input.number.mode,
    number_id: input.number.id,
    direction: input.direction,
    from_number: input.from,
    to_number: input.to,
    status: input.status,
    carrier: input.carrier,
    carrier_sid: input.carrierSid,
    agent_mode: agentModeOf(input.number),
    system_prompt_override: input.systemPromptOverride ?? null,
    first_message_override: input.firstMessageOverride ?? null,
    metadata: JSON.stringify(input.metadata ?? {}),
    billable: input.refusedReason ? 0 : 1,
    answered_at: null,
    ended_at: input.refusedReason ? now : null,
    duration_seconds: null,
    duration_source: null,
    minutes_charged: 0,
    cost_cents: 0,
    unbilled_cents: 0,
    turn_count: 0,
    end_reason: input.refusedReason ? `refused_${input.refusedReason}` : null,
    transfer_to: null,
    last_activity_at: null,
    contact_id: contactId,
    agent_id: input.number.agent_id ?? null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCall(trx ?? deps.db, row);
  if (!contactId && input.direction === 'inbound' && !input.refusedReason) {
    await contextOf(deps).strangerReached(input.number, input.from, 'phone').catch((err: unknown) => deps.log.error({ err, call_id: row.id }, 'could not open a lead for an unknown caller'));
  }
  return row;
}

/**
 * The call connected to the agent: in-progress, `call.started`. A call that reached a final
 * status meanwhile (the carrier's callback can beat the relay setup) stays final.
 */
export async function markConnected(deps: CallServiceDeps, call: CallsTable): Promise<CallsTable> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = (await repo.lockCall(trx, call.id)) ?? call;
    if (isTerminal(current.status)) return current;
    const next: CallsTable = { ...current, status: 'in-progress', answered_at: current.answered_at ?? at.toISOString(), last_activity_at: at.toISOString(), updated_at: at.toISOString() };
    await repo.updateCall(trx, call.id, { status: next.status, answered_at: next.answered_at, last_activity_at: next.last_activity_at, updated_at: next.updated_at });
    await emitEvent(trx, scopeOf(call), 'call.started', { ...callDto(next) }, at);
    return next;
  });
}

/** Charges minute `n` of a live call, atomically; false when the balance cannot pay it. */
export async function chargeMinute(deps: CallServiceDeps, call: CallsTable, n: number): Promise<boolean> {
  const price = minutePrice(deps.config, call.direction);
  const at = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const current = await repo.lockCall(trx, call.id);
      if (!current || current.minutes_charged >= n) return; // already charged (or gone)
      if (price > 0) {
        await post(trx, scopeOf(call), { kind: 'call_minutes', amountCents: -price, description: `Call ${call.id}, minute ${n} (${call.direction})`, related: { type: 'call', id: call.id } }, at, deps.config.lowBalanceCents);
      }
      await repo.updateCall(trx, call.id, { minutes_charged: n, cost_cents: current.cost_cents + price, last_activity_at: at.toISOString(), updated_at: at.toISOString() });
    });
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'insufficient_credits') return false;
    throw err;
  }
}

export async function touchCall(deps: CallServiceDeps, callId: string): Promise<void> {
  await repo.updateCall(deps.db, callId, { last_activity_at: deps.clock.now().toISOString() });
}

/** Records how the agent session ended; the call itself may still be up (transfer). */
export async function recordSessionEnd(deps: CallServiceDeps, callId: string, end: { reason: string; transferTo?: string; turnCount: number }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const call = await repo.lockCall(trx, callId);
    if (!call) return;
    await repo.updateCall(trx, callId, {
      end_reason: call.end_reason ?? end.reason,
      transfer_to: end.transferTo ?? call.transfer_to,
      turn_count: end.turnCount,
      last_activity_at: deps.clock.now().toISOString(),
      updated_at: deps.clock.now().toISOString(),
    });
  });
}

/** The gateway's own measure of a call's length at `at`: answered until then, in seconds. */
export function measuredDurationSeconds(call: CallsTable, at: Date): number {
  if (!call.answered_at) return 0;
  return Math.max(0, (at.getTime() - Date.parse(call.answered_at)) / 1000);
}

export interface Finalization {
  status: CallStatus;
  durationSeconds: number | null;
  source: 'carrier' | 'gateway';
  endReason?: string;
}

/**
 * Ends the call record: final status and duration, billing reconciled to
 * ceil(duration / minute) minutes (refund or charge the difference), `call.ended` and
 * `call.transcript.ready` once. A later carrier duration re-reconciles without new events, so
 * the ledger always matches the best-known duration. Idempotent.
 */
export async function finalizeCall(deps: CallServiceDeps, callId: string, f: Finalization): Promise<CallsTable | null> {
  let firstEnd = false;
  const ended = await finalizeRecord(deps, callId, f, () => (firstEnd = true));
  if (firstEnd && ended?.answered_at) {
    // The CRM side of a finished call is best effort: the call record is already final.
    await contextOf(deps).callEnded(callId).catch((err: unknown) => deps.log.error({ err, call_id: callId }, 'could not log the call on its contact'));
  }
  return ended;
}

async function finalizeRecord(deps: CallServiceDeps, callId: string, f: Finalization, onFirstEnd: () => void): Promise<CallsTable | null> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // Locked: of two finalizes racing (a status callback and the session's end, on any node),
    // the second waits and sees the first's ended call: one `call.ended`, one refund.
    const call = await repo.lockCall(trx, callId);
    if (!call) return null;
    const alreadyEnded = isTerminal(call.status);
    if (alreadyEnded && (call.duration_source === 'carrier' || f.source === 'gateway')) return call;

    const scope = scopeOf(call);
    const price = minutePrice(deps.config, call.direction);
    const duration = f.durationSeconds ?? call.duration_seconds ?? 0;
    const answered = call.answered_at !== null;
    const due = call.billable && answered ? Math.ceil((duration * 1000) / deps.config.voice.billingMinuteMs) : 0;
    let minutes = call.minutes_charged;
    let cost = call.cost_cents;
    let unbilled = call.unbilled_cents;
    if (due < minutes && price > 0) {
      const refund = (minutes - due) * price;
      await post(trx, scope, { kind: 'refund', amountCents: refund, description: `Call ${call.id}: ${minutes - due} unused minute(s) refunded`, related: { type: 'call', id: call.id } }, at);
      cost -= refund;
      minutes = due;
    } else if (due > minutes && price > 0) {
      const extra = (due - minutes) * price;
      try {
        await post(trx, scope, { kind: 'call_minutes', amountCents: -extra, description: `Call ${call.id}: ${due - minutes} minute(s) at reconciliation`, related: { type: 'call', id: call.id } }, at, deps.config.lowBalanceCents);
        cost += extra;
        minutes = due;
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'insufficient_credits')) throw err;
        unbilled += extra; // never below zero: what could not be charged is recorded on the call
        deps.log.warn({ call_id: call.id, unbilled_cents: extra }, 'call minutes could not be charged at reconciliation');
      }
    }
    const status = alreadyEnded && call.status !== 'in-progress' ? call.status : f.status;
    const next: CallsTable = {
      ...call,
      status,
      ended_at: call.ended_at ?? at.toISOString(),
      // Shown in whole seconds, as carriers report it; billing above used the exact value.
      duration_seconds: answered ? Math.ceil(duration) : 0,
      duration_source: f.source,
      minutes_charged: minutes,
      cost_cents: cost,
      unbilled_cents: unbilled,
      end_reason: call.end_reason ?? f.endReason ?? (status === 'completed' ? 'completed' : status),
      updated_at: at.toISOString(),
    };
    const { id: _id, workspace_id: _w, mode: _m, ...changes } = next;
    await repo.updateCall(trx, call.id, changes);
    if (!alreadyEnded) {
      onFirstEnd();
      await emitEvent(trx, scope, 'call.ended', { ...callDto(next) }, at);
      if (answered) await emitEvent(trx, scope, 'call.transcript.ready', { call_id: call.id, turn_count: next.turn_count, transcript_url: `/v1/calls/${call.id}/transcript` }, at);
    }
    return next;
  });
}
