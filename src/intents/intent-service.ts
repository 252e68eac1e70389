import type { Clock } from '../clock.js';
import type { Executor, Trx } from '../db/database.js';
import type { CarrierIntentsTable, IntentKind, IntentState } from '../db/schema.js';
import type { ErrorCode, ErrorDetail } from '../errors.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { completeOpenIdem, type IdemKey } from '../idempotency/idempotency-repository.js';
import type { Scope } from '../scope.js';
import * as repo from './intent-repository.js';
import type { IntentRef } from './intent-repository.js';

// The intent book: every carrier side effect is an intent row committed (with the local pending
// record and its charge) before the carrier is asked, and resolved exactly once, either by the
// request that started it or, after a crash or an unanswered carrier call, by the reconciler.
// Intents are linked to the request's Idempotency-Key: resolving one stores the request's
// outcome on that key, so a retry replays it instead of asking the carrier again.

export type { IntentRef };

/** What the request would have answered; stored on its Idempotency-Key when the intent resolves. */
export type IntentResponse = { status: number; data: unknown } | { status: number; error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

export interface OpenIntent {
  kind: IntentKind;
  resourceId: string;
  scope: Scope;
  carrier: string;
  payload?: unknown;
  idempotency: IdempotencyHandle | null;
}

export const intentRef = (kind: IntentKind, resourceId: string): IntentRef => ({ kind, resource_id: resourceId });
const refKey = (ref: IntentRef) => `${ref.kind}:${ref.resource_id}`;

export function idemKeyOf(intent: CarrierIntentsTable): IdemKey | null {
  if (!intent.idem_key || !intent.idem_method || !intent.idem_path) return null;
  return { workspace_id: intent.workspace_id, mode: intent.mode, method: intent.idem_method, path: intent.idem_path, idem_key: intent.idem_key };
}

export function responseBody(response: IntentResponse, requestId: string | null): string {
  return 'data' in response
    ? JSON.stringify({ data: response.data, request_id: requestId })
    : JSON.stringify({ error: response.error, request_id: requestId });
}

export class IntentBook {
  /** Intents whose carrier call is running in this process: the reconciler leaves them alone. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: { clock: Clock }) {}

  /**
   * Writes the intent inside the caller's transaction and marks it in flight here until
   * `settle` (call it in a finally): the reconciler must not judge a call still being made.
   */
  async open(trx: Trx, input: OpenIntent): Promise<IntentRef> {
    const at = this.deps.clock.now().toISOString();
    const key = input.idempotency?.key ?? null;
    const row: CarrierIntentsTable = {
      kind: input.kind,
      resource_id: input.resourceId,
      workspace_id: input.scope.workspaceId,
      mode: input.scope.mode,
      carrier: input.carrier,
      state: 'pending',
      outcome: null,
      carrier_sid: null,
      payload: JSON.stringify(input.payload ?? {}),
      idem_method: key?.method ?? null,
      idem_path: key?.path ?? null,
      idem_key: key?.idem_key ?? null,
      request_id: input.idempotency?.requestId ?? null,
      attempts: 0,
      last_error: null,
      created_at: at,
      updated_at: at,
      resolved_at: null,
    };
    await repo.insertIntent(trx, row);
    const ref = intentRef(input.kind, input.resourceId);
    this.inFlight.add(refKey(ref));
    return ref;
  }

  /** The request is done with its carrier call, whatever came of it. */
  settle(ref: IntentRef): void {
    this.inFlight.delete(refKey(ref));
  }

  isInFlight(ref: IntentRef): boolean {
    return this.inFlight.has(refKey(ref));
  }

  /**
   * Resolves the intent (false when something else already did: then the caller must not apply
   * its outcome a second time) and, when given, stores the response on the request's key.
   */
  async resolve(
    trx: Trx,
    ref: IntentRef,
    outcome: { state: Extract<IntentState, 'done' | 'failed'>; outcome: string; carrierSid?: string | null; response?: IntentResponse },
  ): Promise<boolean> {
    const at = this.deps.clock.now().toISOString();
    const changed = await repo.updateIntent(trx, ref, {
      state: outcome.state,
      outcome: outcome.outcome,
      ...(outcome.carrierSid !== undefined ? { carrier_sid: outcome.carrierSid } : {}),
      updated_at: at,
      resolved_at: at,
    });
    if (!changed) return false;
    if (outcome.response) {
      const intent = await repo.findIntent(trx, ref);
      const key = intent && idemKeyOf(intent);
      if (key) await completeOpenIdem(trx, key, outcome.response.status, responseBody(outcome.response, intent.request_id));
    }
    return true;
  }

  /** We hold something at the carrier (a number) that must be given back; the reconciler retries. */
  async markForRelease(db: Executor, ref: IntentRef, carrierSid: string, error: string | null): Promise<void> {
    await repo.updateIntent(db, ref, { state: 'release', carrier_sid: carrierSid, last_error: error, updated_at: this.deps.clock.now().toISOString() });
  }

  async noteAttempt(db: Executor, intent: CarrierIntentsTable, error: string | null): Promise<void> {
    await repo.updateIntent(db, intent, { attempts: intent.attempts + 1, last_error: error, updated_at: this.deps.clock.now().toISOString() });
  }
}
