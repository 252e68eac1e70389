import type { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { type SweepLocks, singleNodeLocks } from '../cluster/sweep-locks.js';
import type { Resolver } from '../net/url-safety.js';
import { type AttemptLimits, sendAttempt } from './delivery-attempt.js';
import { deliveryNotifier, PENDING } from './delivery-notifier.js';
import { DEFAULT_DISABLE_AFTER_MS, DEFAULT_SCHEDULE_MS, type RetryPolicy, recordOutcome } from './delivery-outcome.js';
import * as repo from './webhook-repository.js';

// Sends pending deliveries. Everything lives in rows (webhook_deliveries / webhook_attempts), so
// the worker holds no state worth losing: on start it picks up whatever is due, and a crash
// mid-attempt only means that attempt is made again after its lease (at-least-once). Attempts
// run concurrently up to `concurrency`, at most `perEndpointConcurrency` per endpoint, each
// bounded by timeouts, so a slow or hanging endpoint never holds up the others.
//
// Several nodes: picking what is due (new deliveries and retries coming due) is a sweep, run on
// one node at a time under the `deliveries` advisory lock, so the nodes do not all list and race
// for the same rows on every wake and poll; the attempts themselves run outside the lock, on the
// node that claimed them. The per-delivery claim stays the safety net (a lock lost with its
// session mid-pick cannot send a delivery twice within its lease). A node refused the lock tries
// again shortly, for what the holder had no free slots for. One node: no lock, as before.

export interface DeliveryWorkerDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  /** AGENTLINE_ALLOW_PRIVATE_URLS: otherwise private addresses are refused at connect time. */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** Several nodes: the cluster's advisory locks (default: one node, no lock). */
  locks?: SweepLocks;
}

export interface DeliveryWorkerOptions {
  concurrency?: number;
  perEndpointConcurrency?: number;
  /** Delays between attempts (ms); tests pass short ones. */
  schedule?: number[];
  jitter?: number;
  disableAfterMs?: number;
  /** Fallback poll for retries coming due; new deliveries wake the worker at once. */
  pollIntervalMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  maxResponseBytes?: number;
  /** How long stop() waits for in-flight attempts before aborting them. */
  stopTimeoutMs?: number;
  notifier?: EventEmitter;
  random?: () => number;
}

interface InFlight {
  endpointId: string;
  controller: AbortController;
  done: Promise<void>;
}

const LEASE_MARGIN_MS = 30_000;
/** After another node held the pick: look again this soon (it may have left rows for us). */
const REFUSED_RETRY_MS = 100;
const LOCK_NAME = 'deliveries';

export class DeliveryWorker {
  private readonly policy: RetryPolicy;
  private readonly limits: AttemptLimits;
  private readonly concurrency: number;
  private readonly perEndpoint: number;
  private readonly pollIntervalMs: number;
  private readonly stopTimeoutMs: number;
  private readonly leaseMs: number;
  private readonly notifier: EventEmitter;
  private readonly inFlight = new Map<string, InFlight>();
  private running = false;
  private stopping = false;
  private wakeQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    options: DeliveryWorkerOptions = {},
  ) {
    this.policy = {
      schedule: options.schedule ?? DEFAULT_SCHEDULE_MS,
      jitter: options.jitter ?? 0.2,
      disableAfterMs: options.disableAfterMs ?? DEFAULT_DISABLE_AFTER_MS,
      random: options.random ?? Math.random,
    };
    this.limits = {
      allowPrivate: deps.allowPrivate,
      lookup: deps.resolve,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 5_000,
      maxResponseBytes: options.maxResponseBytes ?? 64 * 1024,
    };
    this.concurrency = options.concurrency ?? 16;
    this.perEndpoint = Math.min(options.perEndpointConcurrency ?? 4, this.concurrency);
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.leaseMs = this.limits.connectTimeoutMs + this.limits.headersTimeoutMs + this.limits.bodyTimeoutMs + LEASE_MARGIN_MS;
    this.notifier = options.notifier ?? deliveryNotifier;
  }

  get isRunning(): boolean {
    return this.running;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.notifier.on(PENDING, this.wake);
    this.timer = setInterval(this.wake, this.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops picking work, lets in-flight attempts finish for up to stopTimeoutMs, then aborts them. */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      clearInterval(this.timer);
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.notifier.off(PENDING, this.wake);
    }
    this.stopping = true;
    try {
      await this.chain;
      if (!(await this.settleWithin(this.stopTimeoutMs))) {
        for (const flight of this.inFlight.values()) flight.controller.abort();
        await this.settleWithin(this.stopTimeoutMs);
      }
    } finally {
      this.stopping = false;
    }
  }

  /** Sends what is due now (up to the concurrency limit) and waits for those attempts. */
  async runOnce(): Promise<number> {
    const launched = await this.fill();
    await Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
    return launched;
  }

  private readonly wake = (): void => {
    if (!this.running || this.wakeQueued) return;
    this.wakeQueued = true;
    this.fill(() => (this.wakeQueued = false)).catch((err: unknown) =>
      this.deps.log.error({ err }, 'webhook worker could not pick deliveries; retrying at the next poll'),
    );
  };

  /**
   * Picks are serialized so two wakes cannot both launch past the concurrency limit, and run
   * under the cluster's lock: 0 when another node is picking (a wake comes back shortly).
   */
  private fill(onStart?: () => void): Promise<number> {
    const run = this.chain.then(async () => {
      onStart?.();
      if (this.stopping || this.inFlight.size >= this.concurrency) return 0;
      const launched = await (this.deps.locks ?? singleNodeLocks).run(LOCK_NAME, () => this.fillNow());
      if (launched === null) this.retrySoon();
      return launched ?? 0;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private retrySoon(): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.wake();
    }, REFUSED_RETRY_MS);
    this.retryTimer.unref();
  }

  private async fillNow(): Promise<number> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0 || this.stopping) return 0;
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    // Each in-flight attempt can make at most one candidate skippable (its endpoint is full),
    // so `free + inFlight` candidates always suffice to fill every free slot.
    const due = await repo.listDue(this.deps.db, nowIso, this.perEndpoint, free + this.inFlight.size, [...this.inFlight.keys()]);
    const perEndpoint = new Map<string, number>();
    for (const flight of this.inFlight.values()) perEndpoint.set(flight.endpointId, (perEndpoint.get(flight.endpointId) ?? 0) + 1);
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    let launched = 0;
    for (const row of due) {
      if (launched >= free) break;
      const busy = perEndpoint.get(row.endpoint_id) ?? 0;
      if (busy >= this.perEndpoint) continue;
      if (!(await repo.claimDelivery(this.deps.db, row.id, nowIso, leaseUntil))) continue;
      perEndpoint.set(row.endpoint_id, busy + 1);
      this.launch(row);
      launched++;
    }
    return launched;
  }

  private launch(row: repo.DueDelivery): void {
    const controller = new AbortController();
    const done = this.deliver(row, controller.signal)
      .catch((err: unknown) => this.deps.log.error({ err, delivery_id: row.id }, 'webhook delivery could not be recorded; it is retried after its lease'))
      .finally(() => {
        this.inFlight.delete(row.id);
        this.wake(); // a slot is free
      });
    this.inFlight.set(row.id, { endpointId: row.endpoint_id, controller, done });
  }

  private async deliver(row: repo.DueDelivery, signal: AbortSignal): Promise<void> {
    const work = await repo.loadWork(this.deps.db, row.id);
    if (!work) {
      // Deleted, or its endpoint was paused meanwhile: hand the row back untouched.
      await repo.updateDelivery(this.deps.db, row.id, { next_attempt_at: row.next_attempt_at });
      return;
    }
    const startedAt = this.deps.clock.now();
    const { endpoint, event } = work;
    const secrets = [endpoint.secret];
    if (endpoint.previous_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > startedAt.toISOString()) {
      secrets.push(endpoint.previous_secret);
    }
    const body = JSON.stringify({ id: event.id, type: event.type, created_at: event.created_at, livemode: event.mode === 'live', data: JSON.parse(event.data) as unknown });
    const result = await sendAttempt({ url: endpoint.url, secrets, messageId: event.id, body }, this.limits, startedAt.getTime(), signal);
    if (result.aborted) {
      // Cut short by stop(): not the endpoint's failure. Due again at once after a restart.
      await repo.updateDelivery(this.deps.db, row.id, { next_attempt_at: row.next_attempt_at });
      return;
    }
    await recordOutcome(this.deps.db, this.policy, {
      deliveryId: row.id,
      attemptCount: work.attempt_count,
      endpoint,
      startedAt,
      finishedAt: this.deps.clock.now(),
      result,
    });
  }

  /** True when every in-flight attempt settled within `ms`. */
  private async settleWithin(ms: number): Promise<boolean> {
    if (this.inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const settled = Promise.allSettled([...this.inFlight.values()].map((f) => f.done)).then(() => true as const);
    try {
      return await Promise.race([settled, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
