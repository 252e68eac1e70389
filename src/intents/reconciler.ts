import type { FastifyBaseLogger } from 'fastify';
import type { Dialer } from '../calls/dialer.js';
import type { Carrier } from '../carriers/carrier.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { CarrierIntentsTable, IntentKind, Mode } from '../db/schema.js';
import type { IdemKey } from '../idempotency/idempotency-repository.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { reconcileCallHangup, reconcileCallPlace } from './call-reconciler.js';
import { type IntentBook, intentRef } from './intent-service.js';
import * as repo from './intent-repository.js';
import { reconcileNumberBuy, reconcileNumberRelease } from './number-reconciler.js';
import { reconcileSmsSend } from './sms-reconciler.js';

// Settles carrier intents no request is finishing any more (the process that made them died,
// or the carrier never answered): asks the carrier what it did, adopts what it did, refunds
// what it did not, gives back what we do not want. Runs at start, on every sweep, and on the
// spot when a retry arrives with the key of an unsettled intent.

export interface ReconcileDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  intents: IntentBook;
  carrierFor(mode: Mode): Carrier;
  senders: Record<Mode, SmsSender>;
  dialers: Record<Mode, Dialer>;
}

/**
 * `settled`: resolved now. `later`: the carrier could not tell yet (or could not be reached);
 * the next run tries again.
 */
export type ReconcileResult = 'settled' | 'later';

export type KindReconciler = (deps: ReconcileDeps, intent: CarrierIntentsTable) => Promise<ReconcileResult>;

const RECONCILERS: Record<IntentKind, KindReconciler> = {
  'sms.send': reconcileSmsSend,
  'number.buy': reconcileNumberBuy,
  'number.release': reconcileNumberRelease,
  'call.place': reconcileCallPlace,
  'call.hangup': reconcileCallHangup,
};

const BATCH = 200;
const MAX_BACKOFF_MS = 60_000;

/**
 * How long after its intent a carrier request may still land at the carrier (it was sent just
 * before the crash): until then, "the carrier has no record" is not yet an answer.
 */
export function settleWindowMs(config: Config): number {
  return 2 * config.twilio.timeoutMs + 1000;
}

export function isSettleable(deps: Pick<ReconcileDeps, 'clock' | 'config'>, intent: CarrierIntentsTable): boolean {
  return deps.clock.now().getTime() - Date.parse(intent.created_at) >= settleWindowMs(deps.config);
}

export class Reconciler {
  /** Intents being reconciled right now (the sweep and an on-the-spot retry may overlap). */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: ReconcileDeps) {}

  /** One pass over every open intent. */
  async runOnce(): Promise<{ settled: number; open: number }> {
    const open = await repo.listOpenIntents(this.deps.db, BATCH);
    let settled = 0;
    for (const intent of open) if ((await this.reconcile(intent)) === 'settled') settled++;
    return { settled, open: open.length - settled };
  }

  /** For the idempotency plugin: settle what a key started, if possible; 'open' while any is left. */
  async settleKey(key: IdemKey): Promise<'open' | 'none'> {
    const open = await repo.listOpenIntentsForKey(this.deps.db, key);
    let left = 0;
    for (const intent of open) if ((await this.reconcile(intent)) !== 'settled') left++;
    return left > 0 ? 'open' : 'none';
  }

  private async reconcile(intent: CarrierIntentsTable): Promise<ReconcileResult> {
    const ref = intentRef(intent.kind, intent.resource_id);
    const id = `${intent.kind}:${intent.resource_id}`;
    if (this.deps.intents.isInFlight(ref) || this.busy.has(id)) return 'later';
    // A carrier that failed to answer is asked again after 2, 4, 8 ... 60 s, not on every run.
    const backoffMs = intent.attempts > 0 ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** intent.attempts) : 0;
    if (this.deps.clock.now().getTime() - Date.parse(intent.updated_at) < backoffMs) return 'later';
    this.busy.add(id);
    try {
      const result = await RECONCILERS[intent.kind](this.deps, intent);
      if (result === 'settled') this.deps.log.info({ kind: intent.kind, resource_id: intent.resource_id }, 'carrier intent reconciled');
      return result;
    } catch (err) {
      this.deps.log.warn({ err, kind: intent.kind, resource_id: intent.resource_id }, 'could not reconcile a carrier intent; will retry');
      await this.deps.intents.noteAttempt(this.deps.db, intent, err instanceof Error ? err.message : String(err)).catch(() => undefined);
      return 'later';
    } finally {
      this.busy.delete(id);
    }
  }
}
