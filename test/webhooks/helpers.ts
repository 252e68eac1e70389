import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Carrier } from '../../src/carriers/carrier.js';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import { databaseLocation, openDatabase } from '../../src/db/database.js';
import type { Mode } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import type { DeliveryWorkerOptions } from '../../src/webhooks/delivery-worker.js';
import type { Harness } from '../helpers/harness.js';
import { relayDeliveryNotifications } from '../../src/webhooks/delivery-notifier.js';

// A developer's endpoint on loopback: records every request and answers through `handler`
// (default 200), which tests swap to fail, stall or redirect.

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** Header values as strings, the shape `standardwebhooks` verifies. */
  signed: Record<string, string>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  handler: Handler;
  close(): Promise<void>;
}

export async function startReceiver(handler: Handler = (_req, res) => res.end('ok')): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, handler } as Receiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = req.headers;
      const signed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), signed });
      receiver.handler(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

export const status = (code: number): Handler => (_req, res) => {
  res.statusCode = code;
  res.end(`status ${code}`);
};

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Short retries for tests: three more attempts 30 ms apart, no jitter, quick polling. */
export const FAST: DeliveryWorkerOptions = { schedule: [30, 30, 30], jitter: 0, pollIntervalMs: 20 };

/**
 * "Restarts" the gateway: closes the harness's app and database without deleting the file, and
 * builds a new app on the same database (SQLite file or PostgreSQL schema) with the worker started, as the server does.
 */
export async function restart(h: Harness, worker: DeliveryWorkerOptions): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  await h.app.close();
  await h.opened.close();
  const opened = await openDatabase(databaseLocation(h.config));
  await relayDeliveryNotifications(opened);
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'test', phone)) !== undefined);
  const carriers: Record<Mode, Carrier> = { test: sim, live: sim };
  const app = await buildApp({ config: h.config, db: opened.db, clock: h.clock, carriers, startWebhookWorker: true, webhookWorker: worker });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
