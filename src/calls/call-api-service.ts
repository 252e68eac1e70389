import type { CallsTable } from '../db/schema.js';
import type { Mode } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { CarrierError, carrierFailure } from '../carriers/carrier.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { failpoint } from '../intents/failpoints.js';
import { IntentBook, intentRef } from '../intents/intent-service.js';
import { readBalance } from '../credits/ledger-repository.js';
import type { PageRequest } from '../http/pagination.js';
import { findNumber } from '../numbers/number-repository.js';
import { requireAttachable } from '../agent-profiles/agent-service.js';
import { agentAvailable, agentOf, withAgent } from '../agent-profiles/agent-overlay.js';
import { checkPlan } from '../usage/plan-enforcement.js';
import type { Scope } from '../scope.js';
import { callDto, type CallDto, turnDto } from './call-dto.js';
import * as repo from './call-repository.js';
import { createCall, finalizeCall, isTerminal, minutePrice } from './call-service.js';
import type { SessionDeps } from './call-session.js';
import type { Dialer } from './dialer.js';

// What the REST API does with calls: place one, list and read them, read a transcript, hang up.

export interface CallApiDeps extends SessionDeps {
  dialers: Record<Mode, Dialer>;
  /** The app's intent book (carrier side effects); one-off callers may leave it out. */
  intents?: IntentBook;
}

export interface PlaceCallInput {
  from: string;
  to: string;
  metadata?: Record<string, string>;
  first_message?: string;
  system_prompt?: string;
  /** Overrides the number's `recording` for this call. */
  recording?: boolean;
  /** A reusable agent that runs this call instead of the number's settings. */
  agent_id?: string;
}

export async function placeCall(deps: CallApiDeps, scope: Scope, input: PlaceCallInput, opts: { idempotency?: IdempotencyHandle | null } = {}): Promise<CallDto> {
  const own = await findNumber(deps.db, scope, input.from);
  if (!own) throw new ApiError('not_found', 'No such number.', [{ field: 'from', error: 'not_found', received: input.from }]);
  if (input.agent_id) await requireAttachable(deps.db, scope, input.agent_id);
  const number = await withAgent(deps.db, own, input.agent_id);
  if (!agentAvailable(number)) {
    throw new ApiError('conflict', `Agent ${number.agent_id} is ${agentOf(number)?.status}; set it active (PATCH /v1/agents/{id}) to place calls with it.`, [
      { field: input.agent_id ? 'agent_id' : 'from', error: 'agent_unavailable', received: number.agent_id },
    ]);
  }
  await checkPlan(deps, scope, 'call');
  if (number.status !== 'active') throw new ApiError('conflict', 'This number has been released and cannot place calls.');
  if (input.to === number.phone_number) {
    throw new ApiError('validation_error', 'A number cannot call itself.', [{ field: 'to', error: 'same_as_from', received: input.to }]);
  }
  const price = minutePrice(deps.config, 'outbound');
  const balance = await readBalance(deps.db, scope);
  if (balance < price) {
    throw new ApiError('insufficient_credits', 'Your balance cannot pay one outbound minute. Buy credits with POST /v1/credits/purchase.', [
      { error: 'insufficient_credits', required_cents: price },
    ]);
  }
  const dialer = deps.dialers[scope.mode];
  const intents = deps.intents ?? new IntentBook(deps);
  const idempotency = opts.idempotency ?? null;
  // The queued record and the placement intent commit together; from then on the placement is
  // settled exactly once, below or by the reconciler (src/intents/).
  const call = await deps.db.transaction().execute(async (trx) => {
    const created = await createCall(deps, {
      number,
      direction: 'outbound',
      from: number.phone_number,
      to: input.to,
      carrier: dialer.carrier,
      carrierSid: null,
      status: 'queued',
      metadata: input.metadata,
      systemPromptOverride: input.system_prompt ?? null,
      firstMessageOverride: input.first_message ?? null,
    }, trx);
    if (input.recording !== undefined) {
      created.recording = input.recording ? 1 : 0;
      await repo.updateCall(trx, created.id, { recording: created.recording });
    }
    await intents.open(trx, { kind: 'call.place', resourceId: created.id, scope, carrier: dialer.carrier, idempotency });
    return created;
  });
  const ref = intentRef('call.place', call.id);
  try {
    failpoint('call.after_intent');
    let sid: string;
    try {
      const affordableMinutes = price > 0 ? Math.floor(balance / price) : 240;
      sid = await dialer.dial(call, number, { timeLimitSeconds: Math.min(affordableMinutes, 240) * 60 });
    } catch (err) {
      deps.log.warn({ err, call_id: call.id }, 'carrier refused an outbound call');
      if (err instanceof CarrierError && err.outcomeUnknown) {
        idempotency?.holdForReconciliation();
        throw carrierFailure(err, 'The carrier did not answer.', { call_id: call.id, outcome: 'pending' });
      }
      // Nothing half-written: the record goes with the failed attempt.
      await deps.db.transaction().execute(async (trx) => {
        await repo.deleteCall(trx, call.id);
        await intents.resolve(trx, ref, { state: 'failed', outcome: 'refused' });
      });
      throw carrierFailure(err, 'The carrier did not place the call.');
    }
    failpoint('call.after_carrier');
    const placed = await deps.db.transaction().execute(async (trx) => {
      const latest = (await repo.findCallById(trx, call.id)) ?? call;
      if (!latest.carrier_sid) await repo.updateCall(trx, call.id, { carrier_sid: sid });
      const dto = callDto({ ...latest, carrier_sid: latest.carrier_sid ?? sid });
      await intents.resolve(trx, ref, { state: 'done', outcome: 'placed', carrierSid: latest.carrier_sid ?? sid });
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
    failpoint('call.after_record');
    return placed;
  } finally {
    intents.settle(ref);
  }
}

export async function getCall(deps: Pick<CallApiDeps, 'db'>, scope: Scope, id: string): Promise<CallsTable> {
  const call = await repo.findCall(deps.db, scope, id);
  if (!call) throw notFound('call');
  return call;
}

export async function listCalls(deps: Pick<CallApiDeps, 'db'>, scope: Scope, page: PageRequest, filter: repo.CallFilter) {
  return (await repo.listCalls(deps.db, scope, page, filter)).map(callDto);
}

export async function getTranscript(deps: Pick<CallApiDeps, 'db'>, scope: Scope, id: string) {
  const call = await getCall(deps, scope, id);
  const turns = await repo.listTurns(deps.db, call.id);
  return { call_id: call.id, status: call.status, complete: isTerminal(call.status), turns: turns.map(turnDto) };
}

/** Ends a call: the live session says nothing more, the carrier hangs up. Idempotent. */
export async function hangUpCall(deps: CallApiDeps, scope: Scope, id: string): Promise<CallDto> {
  const call = await getCall(deps, scope, id);
  if (isTerminal(call.status)) return callDto(call);
  // The session may run on another node: call control forwards to its owner and answers with
  // the owner's result (or a 503 when the owner does not answer in time).
  const { live, legEndsCall } = await deps.control.hangUp(call.id, { reason: 'hangup_requested' });
  // A stream leg hangs up through the carrier's REST API itself once the last words were heard;
  // hanging up here too would cut them off. Should the process die first, crash recovery does it.
  if (live && legEndsCall) return callDto(call);
  const intents = deps.intents ?? new IntentBook(deps);
  const ref = intentRef('call.hangup', call.id);
  try {
    // An unanswered or interrupted hang-up is asked again by the reconciler.
    await deps.db.transaction().execute((trx) => intents.open(trx, { kind: 'call.hangup', resourceId: call.id, scope, carrier: call.carrier, idempotency: null }));
    try {
      await deps.dialers[scope.mode].hangUp(call);
    } catch (err) {
      if (!(err instanceof CarrierError && err.outcomeUnknown)) {
        await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'failed', outcome: 'refused' }));
      }
      throw carrierFailure(err, 'The carrier did not hang up.');
    }
    await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'done', outcome: 'hung_up' }));
  } finally {
    intents.settle(ref);
  }
  if (!live && call.status !== 'in-progress') {
    await finalizeCall(deps, call.id, { status: 'canceled', durationSeconds: 0, source: 'gateway', endReason: 'hangup_requested' });
  }
  return callDto((await repo.findCallById(deps.db, call.id)) ?? call);
}
