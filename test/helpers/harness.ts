import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Carrier } from '../../src/carriers/carrier.js';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import { type OpenedDatabase, migrateToLatest } from '../../src/db/database.js';
import { openTestDatabase } from './test-database.js';
import type { Mode } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import { createKey, revokeKey } from '../../src/keys/key-service.js';
import type { KeyScope } from '../../src/http/scopes.js';
import type { Resolver } from '../../src/net/url-safety.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import type { Dialer } from '../../src/calls/dialer.js';
import type OpenAI from 'openai';
import type { DeliveryWorkerOptions } from '../../src/webhooks/delivery-worker.js';
import type { SmsSender } from '../../src/sms/sms-sender.js';
import { relayDeliveryNotifications } from '../../src/webhooks/delivery-notifier.js';

// The real app on a fresh database, driven through fastify's inject (no sockets needed for
// plain REST). Tests that need the network listen on loopback themselves. The database is a
// SQLite file, or with AGENTLINE_TEST_DATABASE=postgres a schema of its own on the test
// PostgreSQL, dropped on close (test-database.ts).

export interface Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

export interface Harness {
  app: FastifyInstance;
  opened: OpenedDatabase;
  config: Config;
  clock: ManualClock;
  dir: string;
  key(opts?: { workspace?: string; mode?: Mode; scopes?: KeyScope[]; readOnly?: boolean }): Promise<string>;
  keyWithId(opts?: { workspace?: string; mode?: Mode; scopes?: KeyScope[]; readOnly?: boolean }): Promise<{ id: string; key: string; workspaceId: string }>;
  revoke(id: string): Promise<void>;
  request(opts: InjectOptions): Promise<Response>;
  api(key: string | null): Api;
  close(): Promise<void>;
}

export interface Api {
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  delete(url: string, headers?: Record<string, string>): Promise<Response>;
}

export async function createHarness(opts: {
  env?: Record<string, string>;
  carriers?: Partial<Record<Mode, Carrier>>;
  resolve?: Resolver;
  clock?: ManualClock;
  liveDialer?: Dialer;
  openai?: OpenAI;
  liveSmsSender?: SmsSender;
  /** Webhook delivery worker tuning (short retry schedules); the worker is started by the test. */
  webhookWorker?: DeliveryWorkerOptions;
} = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-test-'));
  const testDb = await openTestDatabase(join(dir, 'agentline.db'), opts.env);
  const config = loadConfig({ AGENTLINE_DB: join(dir, 'agentline.db'), AGENTLINE_ALLOW_PRIVATE_URLS: 'true', ...testDb.env, ...opts.env });
  const opened = testDb.opened;
  await migrateToLatest(opened.db);
  await relayDeliveryNotifications(opened);
  const clock = opts.clock ?? new ManualClock(new Date(), { realtime: true });
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'test', phone)) !== undefined);
  const carriers: Record<Mode, Carrier> = { test: sim, live: sim, ...opts.carriers };
  const app = await buildApp({ config, db: opened.db, clock, carriers, resolve: opts.resolve, liveDialer: opts.liveDialer, openai: opts.openai, liveSmsSender: opts.liveSmsSender, webhookWorker: opts.webhookWorker });
  await app.ready();

  const request = async (o: InjectOptions): Promise<Response> => {
    const res = await app.inject(o);
    let body: unknown;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body, text: res.body };
  };

  const api = (key: string | null): Api => {
    const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    const withBody = (method: 'POST' | 'PATCH') => (url: string, body?: unknown, headers: Record<string, string> = {}) =>
      request({
        method,
        url,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    return {
      get: (url, headers = {}) => request({ method: 'GET', url, headers: { ...auth, ...headers } }),
      post: withBody('POST'),
      patch: withBody('PATCH'),
      delete: (url, headers = {}) => request({ method: 'DELETE', url, headers: { ...auth, ...headers } }),
    };
  };

  let counter = 0;
  const keyWithId: Harness['keyWithId'] = async (o = {}) => {
    const created = await createKey(
      { db: opened.db, clock },
      { workspace: o.workspace ?? `ws${++counter}`, mode: o.mode ?? 'test', scopes: o.scopes, readOnly: o.readOnly, createWorkspace: true },
    );
    return { id: created.id, key: created.key, workspaceId: created.workspace_id };
  };

  return {
    app,
    opened,
    config,
    clock,
    dir,
    keyWithId,
    key: async (o) => (await keyWithId(o)).key,
    revoke: async (id) => {
      await revokeKey({ db: opened.db, clock }, id);
    },
    request,
    api,
    async close() {
      await app.close();
      await testDb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Buys credits for the key's workspace (test helper; goes through the API). */
export async function fund(api: Api, cents: number): Promise<void> {
  const res = await api.post('/v1/credits/purchase', { amount_cents: cents });
  if (res.status !== 201) throw new Error(`funding failed: ${res.status} ${res.text}`);
}

export const expectOk = (res: Response, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  return res.body;
};
