import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Carrier, ProvisionedNumber } from '../carriers/carrier.js';
import { CarrierError, carrierFailure, carrierUrls } from '../carriers/carrier.js';
import type { Db, Trx } from '../db/database.js';
import type { Mode, NumbersTable } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import { formatUsd, post } from '../credits/ledger.js';
import { readBalance } from '../credits/ledger-repository.js';
import { checkCustomerUrl, type Resolver } from '../net/url-safety.js';
import { newWebhookSecret } from '../net/standard-webhooks.js';
import { scopeOf, type Scope } from '../scope.js';
import { failpoint } from '../intents/failpoints.js';
import { IntentBook, intentRef, type IntentRef } from '../intents/intent-service.js';
import { agentModeOf, numberDto, numberEventData, type NumberDto } from './number-dto.js';
import * as repo from './number-repository.js';
import type { MediaMode } from './number-schemas.js';
import { BARGE_IN_MS } from '../speech/vad/barge-in.js';
import { ENDPOINTING_MS } from '../speech/vad/endpointer.js';
import { findCollection } from '../cms/collections/collection-repository.js';
import { requireAttachable } from '../agent-profiles/agent-service.js';
import { parseConfig } from '../agent-profiles/agent-overlay.js';
import { findAgent } from '../agent-profiles/agent-repository.js';
import { checkPlan } from '../usage/plan-enforcement.js';

export interface NumbersDeps {
  db: Db;
  clock: Clock;
  config: Config;
  carrierFor(mode: Mode): Carrier;
  resolve?: Resolver;
  log: FastifyBaseLogger;
  /** The app's intent book (carrier side effects); one-off callers may leave it out. */
  intents?: IntentBook;
}

export interface CreateNumberInput {
  system_prompt?: string;
  webhook_url?: string;
  webhook_token?: string;
  area_code?: string;
  voice_id?: string;
  first_message?: string;
  inbound_mode?: 'autopilot' | 'off';
  language?: string;
  media_mode?: MediaMode;
  endpointing_ms?: number;
  barge_in_ms?: number;
  recording?: boolean;
  metadata?: Record<string, string>;
  crm?: { create_leads?: boolean };
  knowledge?: { collection_id: string };
  agent_id?: string;
}

export interface UpdateNumberInput {
  system_prompt?: string | null;
  webhook_url?: string | null;
  webhook_token?: string | null;
  voice_id?: string | null;
  first_message?: string | null;
  inbound_mode?: 'autopilot' | 'off';
  language?: string;
  media_mode?: MediaMode;
  endpointing_ms?: number;
  barge_in_ms?: number;
  recording?: boolean;
  metadata?: Record<string, string | null>;
  crm?: { create_leads?: boolean };
  knowledge?: { collection_id: string } | null;
  agent_id?: string | null;
}

/** A knowledge base must be a CMS collection of the number's workspace and mode (404 naming the field). */
async function requireKnowledgeCollection(deps: Pick<NumbersDeps, 'db'>, scope: Scope, knowledge: { collection_id: string } | null | undefined): Promise<void> {
  if (knowledge && !(await findCollection(deps.db, scope, knowledge.collection_id))) {
    throw new ApiError('not_found', 'No such collection.', [{ field: 'knowledge.collection_id', error: 'not_found', received: knowledge.collection_id }]);
  }
}

const DAY_MS = 86_400_000;

async function vetWebhookUrl(deps: NumbersDeps, url: string): Promise<void> {
  const check = await checkCustomerUrl(url, { allowPrivate: deps.config.allowPrivateUrls, resolve: deps.resolve });
  if (!check.ok) {
    throw new ApiError('validation_error', `webhook_url ${check.message}`, [{ field: 'webhook_url', error: check.error, received: url }]);
  }
}

function requirePromptForManaged(row: { webhook_url: string | null; system_prompt: string | null; agent_id?: string | null }): void {
  if (!row.agent_id && !row.webhook_url && !row.system_prompt) {
    throw new ApiError('validation_error', 'A managed number (no webhook_url) needs a system_prompt.', [
      { field: 'system_prompt', error: 'required_for_managed_mode' },
    ]);
  }
}

// A `realtime` call's agent is a speech-to-speech model run on the number's system_prompt: a
// webhook agent speaks text, so a webhook number cannot carry one (on create and on PATCH alike,
// judged on the number as it would be after the change).
function requireManagedForRealtime(row: { webhook_url: string | null; media_mode: MediaMode }): void {
  if (row.media_mode === 'realtime' && row.webhook_url) {
    throw new ApiError('validation_error', 'media_mode "realtime" (speech to speech) runs a managed agent on the system_prompt; a number with a webhook_url takes "relay" or "stream".', [
      { field: 'media_mode', error: 'requires_managed_agent', received: row.media_mode },
    ]);
  }
}

/**
 * A number on an agent runs the agent's prompt or webhook and, where the agent sets one, its
 * media mode: the realtime rule is judged on the number as its calls will see it.
 */
async function requireAgentFits(
  deps: NumbersDeps,
  scope: Scope,
  row: { webhook_url: string | null; media_mode: MediaMode; agent_id?: string | null },
  attaching = true,
): Promise<void> {
  if (!row.agent_id) return requireManagedForRealtime(row);
  // Attachability is checked when agent_id is given; a PATCH of other fields keeps the agent it has.
  const agent = attaching ? await requireAttachable(deps.db, scope, row.agent_id) : await findAgent(deps.db, scope, row.agent_id);
  if (!agent) return requireManagedForRealtime(row);
  const cfg = parseConfig(agent);
  requireManagedForRealtime({ webhook_url: cfg.webhook_url ?? null, media_mode: cfg.media_mode ?? row.media_mode });
}

/** The record of a number just bought (at provisioning, or when reconciliation adopts one). */
export function buildNumberRow(
  deps: Pick<NumbersDeps, 'clock' | 'config'>,
  scope: Scope,
  id: string,
  input: CreateNumberInput,
  bought: ProvisionedNumber & { name: Carrier['name'] },
): NumbersTable {
  const at = deps.clock.now();
  return {
    id,
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    phone_number: bought.phoneNumber,
    carrier: bought.name,
    carrier_sid: bought.carrierSid,
    status: 'active',
    system_prompt: input.system_prompt ?? null,
    webhook_url: input.webhook_url ?? null,
    webhook_token: input.webhook_token ?? null,
    webhook_secret: newWebhookSecret(),
    area_code: input.area_code ?? null,
    voice_id: input.voice_id ?? null,
    first_message: input.first_message ?? null,
    inbound_mode: input.inbound_mode ?? 'autopilot',
    language: input.language ?? 'en-US',
    media_mode: input.media_mode ?? 'relay',
    endpointing_ms: input.endpointing_ms ?? ENDPOINTING_MS.default,
    barge_in_ms: input.barge_in_ms ?? BARGE_IN_MS.default,
    recording: input.recording ? 1 : 0,
    metadata: JSON.stringify(input.metadata ?? {}),
    renews_at: new Date(at.getTime() + deps.config.prices.numberRenewalDays * DAY_MS).toISOString(),
    renewal_failed_at: null,
    released_at: null,
    release_reason: null,
    crm_settings: JSON.stringify(input.crm ?? {}),
    knowledge_collection_id: input.knowledge?.collection_id ?? null,
    agent_id: input.agent_id ?? null,
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
  };
}

/** Records a bought number, charges its first month and emits `number.provisioned`, in `trx`. */
export async function recordNumber(trx: Trx, deps: Pick<NumbersDeps, 'clock' | 'config'>, scope: Scope, row: NumbersTable): Promise<NumberDto> {
  const at = deps.clock.now();
  const price = deps.config.prices.numberCents;
  await repo.insertNumber(trx, row);
  await post(trx, scope, { kind: 'number_fee', amountCents: -price, description: `Number ${row.phone_number}, first ${deps.config.prices.numberRenewalDays} days`, related: { type: 'number', id: row.id } }, at, deps.config.lowBalanceCents);
  const dto = numberDto(row);
  await emitEvent(trx, scope, 'number.provisioned', numberEventData(dto), at);
  return dto;
}

const intentsOf = (deps: NumbersDeps) => deps.intents ?? new IntentBook(deps);

/**
 * Buys a number at the carrier, then records it and charges the first month in one transaction.
 * The purchase is an intent committed first (src/intents/): a crash at any point leaves either
 * the recorded number or nothing, once reconciliation has asked the carrier.
 */
export async function provisionNumber(
  deps: NumbersDeps,
  scope: Scope,
  input: CreateNumberInput,
  idempotency: IdempotencyHandle | null,
): Promise<NumberDto> {
  const candidate = { webhook_url: input.webhook_url ?? null, system_prompt: input.system_prompt ?? null, agent_id: input.agent_id ?? null };
  requirePromptForManaged(candidate);
  await requireAgentFits(deps, scope, { ...candidate, media_mode: input.media_mode ?? 'relay' });
  await checkPlan(deps, scope, 'number');
  if (input.webhook_url) await vetWebhookUrl(deps, input.webhook_url);
  await requireKnowledgeCollection(deps, scope, input.knowledge);

  const price = deps.config.prices.numberCents;
  // Fail fast before buying anything; the charge below re-checks atomically.
  if ((await readBalance(deps.db, scope)) < price) {
    throw new ApiError('insufficient_credits', `A number costs ${formatUsd(price)} a month and your balance cannot cover it. Buy credits with POST /v1/credits/purchase.`, [
      { error: 'insufficient_credits', required_cents: price },
    ]);
  }

  const carrier = deps.carrierFor(scope.mode);
  const intents = intentsOf(deps);
  const id = newId('num');
  const friendlyName = `agentline ${id}`;
  const ref = intentRef('number.buy', id);
  try {
    await deps.db.transaction().execute((trx) =>
      intents.open(trx, { kind: 'number.buy', resourceId: id, scope, carrier: carrier.name, payload: { input, friendly_name: friendlyName }, idempotency }),
    );
    failpoint('number.after_intent');

    let bought: ProvisionedNumber;
    try {
      bought = await carrier.provisionNumber({ areaCode: input.area_code, friendlyName, ...carrierUrls(deps.config.publicUrl) });
    } catch (err) {
      deps.log.warn({ err, number_id: id }, 'carrier refused to provision a number');
      if (err instanceof CarrierError && err.outcomeUnknown) {
        // Twilio may have bought it: reconciliation finds out (by friendly name) and answers the key.
        idempotency?.holdForReconciliation();
        throw carrierFailure(err, 'The carrier did not answer.', { number_id: id, outcome: 'pending' });
      }
      await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'failed', outcome: 'refused' }));
      throw carrierFailure(err, 'The carrier did not provision a number.');
    }
    failpoint('number.after_carrier');

    const row = buildNumberRow(deps, scope, id, input, { name: carrier.name, ...bought });
    let dto: NumberDto;
    try {
      dto = await deps.db.transaction().execute(async (trx) => {
        const recorded = await recordNumber(trx, deps, scope, row);
        await intents.resolve(trx, ref, { state: 'done', outcome: 'bought', carrierSid: bought.carrierSid });
        await idempotency?.saveInTx(trx, 201, recorded);
        return recorded;
      });
    } catch (err) {
      // Nothing was recorded or charged: give the number back so none is left half-made. Until
      // the carrier confirms, the intent says we hold it, and reconciliation keeps trying.
      await intents.markForRelease(deps.db, ref, bought.carrierSid, err instanceof Error ? err.message : String(err));
      try {
        await carrier.releaseNumber(bought.carrierSid);
        await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'failed', outcome: 'released', carrierSid: bought.carrierSid }));
      } catch (releaseErr) {
        deps.log.error({ err: releaseErr, carrier_sid: bought.carrierSid }, 'could not release a number after a failed provision; reconciliation will retry');
      }
      throw err;
    }
    failpoint('number.after_record');
    return dto;
  } finally {
    intents.settle(ref);
  }
}

export async function getNumber(deps: Pick<NumbersDeps, 'db'>, scope: Scope, id: string): Promise<NumberDto> {
  const row = await repo.findNumber(deps.db, scope, id);
  if (!row) throw notFound('number');
  return numberDto(row);
}

export async function listNumbers(deps: Pick<NumbersDeps, 'db'>, scope: Scope, page: PageRequest, filter: { status?: string; phoneNumber?: string }) {
  return (await repo.listNumbers(deps.db, scope, page, filter)).map(numberDto);
}

/** Stripe-style metadata merge: a key set to "" or null is removed. */
function mergeMetadata(current: Record<string, string>, patch: Record<string, string | null>): Record<string, string> {
  const next = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') delete next[k];
    else next[k] = v;
  }
  if (Object.keys(next).length > 50) {
    throw new ApiError('validation_error', 'metadata may hold at most 50 keys', [{ field: 'metadata', error: 'too_many_keys' }]);
  }
  return next;
}

export async function updateNumber(deps: NumbersDeps, scope: Scope, id: string, input: UpdateNumberInput): Promise<NumberDto> {
  const existing = await repo.findNumber(deps.db, scope, id);
  if (!existing) throw notFound('number');
  if (existing.status !== 'active') throw new ApiError('conflict', 'This number has been released and can no longer be changed.');
  if (input.webhook_url) await vetWebhookUrl(deps, input.webhook_url);

  const changes: Partial<NumbersTable> = {};
  for (const field of ['system_prompt', 'webhook_url', 'webhook_token', 'voice_id', 'first_message'] as const) {
    if (input[field] !== undefined) changes[field] = input[field] === '' ? null : input[field];
  }
  if (input.inbound_mode !== undefined) changes.inbound_mode = input.inbound_mode;
  if (input.language !== undefined) changes.language = input.language;
  if (input.media_mode !== undefined) changes.media_mode = input.media_mode;
  if (input.endpointing_ms !== undefined) changes.endpointing_ms = input.endpointing_ms;
  if (input.barge_in_ms !== undefined) changes.barge_in_ms = input.barge_in_ms;
  if (input.recording !== undefined) changes.recording = input.recording ? 1 : 0;
  if (input.knowledge !== undefined) {
    await requireKnowledgeCollection(deps, scope, input.knowledge);
    changes.knowledge_collection_id = input.knowledge?.collection_id ?? null;
  }
  if (input.crm !== undefined) changes.crm_settings = JSON.stringify({ ...(JSON.parse(existing.crm_settings || '{}') as object), ...input.crm });
  if (input.metadata !== undefined) {
    changes.metadata = JSON.stringify(mergeMetadata(JSON.parse(existing.metadata) as Record<string, string>, input.metadata));
  }
  if (input.agent_id !== undefined) changes.agent_id = input.agent_id;
  const next = { ...existing, ...changes };
  requirePromptForManaged(next);
  await requireAgentFits(deps, scope, next, input.agent_id !== undefined);

  const at = deps.clock.now();
  next.updated_at = at.toISOString();
  changes.updated_at = next.updated_at;
  return deps.db.transaction().execute(async (trx) => {
    await repo.updateNumber(trx, scope, id, changes);
    const dto = numberDto(next);
    await emitEvent(trx, scope, 'number.updated', { ...numberEventData(dto), previous_mode: agentModeOf(existing) }, at);
    return dto;
  });
}

/** Marks the number released (and resolves its release intent, when given) in one transaction. */
export async function markReleased(deps: NumbersDeps, scope: Scope, row: NumbersTable, reason: string, ref?: IntentRef): Promise<NumberDto> {
  const at = deps.clock.now();
  const released: NumbersTable = { ...row, status: 'released', released_at: at.toISOString(), release_reason: reason, updated_at: at.toISOString() };
  return deps.db.transaction().execute(async (trx) => {
    if (ref) await intentsOf(deps).resolve(trx, ref, { state: 'done', outcome: 'released' });
    await repo.updateNumber(trx, scope, row.id, {
      status: 'released',
      released_at: released.released_at,
      release_reason: reason,
      updated_at: released.updated_at,
    });
    const dto = numberDto(released);
    await emitEvent(trx, scope, 'number.released', numberEventData(dto), at);
    return dto;
  });
}

/**
 * Releases at the carrier, then here. The release is an intent committed first: if the carrier
 * refuses, nothing changes here (502); if it does not answer or the gateway stops, the
 * reconciler finishes the release.
 */
async function releaseEverywhere(deps: NumbersDeps, scope: Scope, row: NumbersTable, reason: string): Promise<NumberDto> {
  if (!row.carrier_sid) return markReleased(deps, scope, row, reason);
  const intents = intentsOf(deps);
  const ref = intentRef('number.release', row.id);
  try {
    await deps.db.transaction().execute((trx) =>
      intents.open(trx, { kind: 'number.release', resourceId: row.id, scope, carrier: row.carrier, payload: { reason }, idempotency: null }),
    );
    try {
      await deps.carrierFor(scope.mode).releaseNumber(row.carrier_sid);
    } catch (err) {
      deps.log.warn({ err, number_id: row.id }, 'carrier refused to release a number');
      if (!(err instanceof CarrierError && err.outcomeUnknown)) {
        await deps.db.transaction().execute((trx) => intents.resolve(trx, ref, { state: 'failed', outcome: 'refused' }));
      }
      throw err;
    }
    return await markReleased(deps, scope, row, reason, ref);
  } finally {
    intents.settle(ref);
  }
}

export async function releaseNumber(deps: NumbersDeps, scope: Scope, id: string): Promise<NumberDto> {
  const row = await repo.findNumber(deps.db, scope, id);
  if (!row) throw notFound('number');
  if (row.status === 'released') return numberDto(row); // releasing twice is harmless
  try {
    return await releaseEverywhere(deps, scope, row, 'requested');
  } catch (err) {
    if (err instanceof ApiError) throw err;
    // Unanswered: the reconciler finishes the release, so say it is on its way.
    const pending = err instanceof CarrierError && err.outcomeUnknown ? { number_id: id, outcome: 'pending' } : {};
    throw carrierFailure(err, 'The carrier did not release the number.', pending);
  }
}

/**
 * Charges the monthly fee of every number whose renewal date has come. A number that cannot be
 * paid emits `number.renewal_failed` once, is retried on every sweep, and is released after
 * the grace period. Returns how many numbers were renewed and released.
 */
export async function renewDueNumbers(deps: NumbersDeps): Promise<{ renewed: number; released: number; failed: number }> {
  const result = { renewed: 0, released: 0, failed: 0 };
  const now = deps.clock.now();
  const price = deps.config.prices.numberCents;
  const periodMs = deps.config.prices.numberRenewalDays * DAY_MS;
  for (const row of await repo.listDueForRenewal(deps.db, now.toISOString(), 500)) {
    const scope: Scope = scopeOf(row);
    try {
      const renewedNow = await deps.db.transaction().execute(async (trx) => {
        const renewed = { ...row, renews_at: new Date(Date.parse(row.renews_at) + periodMs).toISOString(), renewal_failed_at: null, updated_at: now.toISOString() };
        // The date moves first, conditionally: a sweep on another node that read the same row
        // gets false and charges nothing. A refused charge below rolls the move back.
        if (!(await repo.advanceRenewal(trx, row.id, row.renews_at, renewed.renews_at, renewed.updated_at))) return false;
        await post(trx, scope, { kind: 'number_fee', amountCents: -price, description: `Number ${row.phone_number}, renewal for ${deps.config.prices.numberRenewalDays} days`, related: { type: 'number', id: row.id } }, now, deps.config.lowBalanceCents);
        await emitEvent(trx, scope, 'number.renewed', numberEventData(numberDto(renewed)), now);
        return true;
      });
      if (renewedNow) result.renewed++;
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'insufficient_credits') {
        deps.log.error({ err, number_id: row.id }, 'number renewal failed');
        continue;
      }
      const overdueMs = now.getTime() - Date.parse(row.renews_at);
      if (overdueMs >= deps.config.renewalGraceDays * DAY_MS) {
        try {
          await releaseEverywhere(deps, scope, row, 'unpaid');
          result.released++;
        } catch (releaseErr) {
          deps.log.error({ err: releaseErr, number_id: row.id }, 'could not release an unpaid number; will retry');
        }
      } else if (row.renewal_failed_at === null) {
        const first = await deps.db.transaction().execute(async (trx) => {
          if (!(await repo.markRenewalFailed(trx, row.id, row.renews_at, now.toISOString()))) return false;
          await emitEvent(trx, scope, 'number.renewal_failed', {
            ...numberEventData(numberDto(row)),
            required_cents: price,
            release_after: new Date(Date.parse(row.renews_at) + deps.config.renewalGraceDays * DAY_MS).toISOString(),
          }, now);
          return true;
        });
        if (first) result.failed++;
      }
    }
  }
  return result;
}
