import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import * as repo from '../../idempotency/idempotency-repository.js';

// Idempotency-Key on every POST and PATCH (api-conventions.md "Idempotency").
// The key is reserved before the handler runs (a parallel duplicate gets 409
// idempotency_in_progress). Services whose write is local store the response inside their own
// transaction (`request.idempotency.saveInTx`), so the resource and the key row commit together;
// for everything else the response is stored as it is sent. 5xx responses release the key.
// A reservation left by a crash is released after STALE_MS, so the retry can run: a local write
// that had committed would have committed its key row with it. A reservation whose request had
// started a carrier side effect (an intent, src/intents/) is never released that way: the
// intent is reconciled on the spot when it can be (and its outcome replayed), else the retry
// gets 409 idempotency_in_progress until the reconciler has settled it.
//
// The scope is the matched route and its decoded parameters, not the raw URL, so every spelling
// of one path (`/v1/credits/purchas%65`, `/v1/%63redits/purchase`) shares one key.

const STALE_MS = 60_000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyHandle {
  readonly key: repo.IdemKey;
  readonly requestId: string;
  saveInTx(trx: Trx, status: number, data: unknown): Promise<void>;
  /**
   * Keeps the key reserved whatever this request answers: its outcome is left to the intent
   * reconciler, which stores it on the key (an unanswered carrier call).
   */
  holdForReconciliation(): void;
}

interface Internal extends IdempotencyHandle {
  saved: boolean;
  held: boolean;
}

/** Settles the open carrier intents of a key where it can; 'open' while any is left. */
export type SettleKey = (key: repo.IdemKey) => Promise<'open' | 'none'>;

/** `/v1/calls/:id/hangup|id=call_…`: the route as declared, with its parameters decoded. */
export function idempotencyScopeOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (!route) return request.url.split('?')[0]!;
  const params = Object.entries((request.params ?? {}) as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return params.length ? `${route}|${params.join('&')}` : route;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyHandle | null;
  }
  interface FastifyContextConfig {
    /** false: the header is accepted but nothing is stored (responses holding a one-time secret, e.g. install tokens). */
    idempotency?: false;
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const fingerprintOf = (request: FastifyRequest) =>
  createHash('sha256').update(JSON.stringify(canonical(request.body ?? null))).digest('hex');

export function installIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock; ttlHours: number; settleKey?: SettleKey }): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST' && request.method !== 'PATCH') return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined || !request.auth || request.routeOptions.config?.idempotency === false) return;
    const value = Array.isArray(raw) ? raw[0]! : raw;
    if (!KEY_SHAPE.test(value)) {
      throw new ApiError('bad_request', 'Idempotency-Key must be 1-255 printable ASCII characters.', [
        { field: 'Idempotency-Key', error: 'invalid_format' },
      ]);
    }
    const key: repo.IdemKey = {
      workspace_id: request.auth.workspaceId,
      mode: request.auth.scope.mode,
      method: request.method,
      path: idempotencyScopeOf(request),
      idem_key: value,
    };
    const fingerprint = fingerprintOf(request);
    const now = deps.clock.now();

    for (let attempt = 0; attempt < 2; attempt++) {
      const reserved = await repo.reserveIdem(deps.db, {
        ...key,
        fingerprint,
        state: 'in_progress',
        response_status: null,
        response_body: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + deps.ttlHours * 3600_000).toISOString(),
      });
      if (reserved) {
        const handle: Internal = {
          key,
          requestId: request.id,
          saved: false,
          held: false,
          holdForReconciliation() {
            this.held = true;
          },
          async saveInTx(trx, status, data) {
            const body = JSON.stringify({ data, request_id: request.id });
            // Commits or rolls back with the caller's transaction; onSend checks which.
            await repo.completeIdem(trx, key, status, body);
          },
        };
        request.idempotency = handle;
        return;
      }
      let existing = await repo.findIdem(deps.db, key);
      if (!existing) continue; // released between our insert and read: try once more
      let intentsOpen = false;
      if (existing.state === 'in_progress' && existing.fingerprint === fingerprint && deps.settleKey) {
        intentsOpen = (await deps.settleKey(key)) === 'open';
        existing = await repo.findIdem(deps.db, key);
        if (!existing) continue;
      }
      const expired = existing.expires_at <= now.toISOString();
      const stale = existing.state === 'in_progress' && !intentsOpen && now.getTime() - Date.parse(existing.created_at) > STALE_MS;
      if ((expired && !intentsOpen) || stale) {
        await repo.deleteIdem(deps.db, key);
        continue;
      }
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError('idempotency_conflict', 'This Idempotency-Key was used with a different request body.');
      }
      if (existing.state === 'in_progress') {
        throw new ApiError(
          'idempotency_in_progress',
          intentsOpen
            ? 'The request with this Idempotency-Key is waiting for the carrier to confirm what it did; retry shortly for its outcome.'
            : 'A request with this Idempotency-Key is still running; retry shortly.',
        );
      }
      reply.header('idempotent-replayed', 'true');
      return reply.code(existing.response_status ?? 200).type('application/json; charset=utf-8').send(existing.response_body);
    }
    throw new ApiError('idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry shortly.');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const handle = request.idempotency as Internal | null;
    if (!handle || handle.saved) return payload;
    handle.saved = true;
    if (handle.held) return payload; // the reconciler stores this key's outcome
    const row = await repo.findIdem(deps.db, handle.key);
    if (row?.state === 'done') return payload; // stored by the service, in its transaction
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await repo.deleteIdem(deps.db, handle.key);
    } else {
      await repo.completeIdem(deps.db, handle.key, reply.statusCode, payload);
    }
    return payload;
  });

  // A request that errors out before onSend (e.g. the client went away) must not hold its key.
  app.addHook('onResponse', async (request) => {
    const handle = request.idempotency as Internal | null;
    if (handle && !handle.saved && !handle.held) {
      handle.saved = true;
      await repo.deleteIdem(deps.db, handle.key);
    }
  });
}
