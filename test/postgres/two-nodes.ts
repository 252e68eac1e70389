import type { FastifyInstance } from 'fastify';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import type { Carrier } from '../../src/carriers/carrier.js';
import { databaseLocation, type OpenedDatabase, openDatabase } from '../../src/db/database.js';
import type { Mode } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import { createHarness, type Harness, type Response } from '../helpers/harness.js';
import { testOnPostgres } from '../helpers/test-database.js';

// Two gateway "nodes" on one PostgreSQL schema: the harness's app and pool (node A), and a second
// app on a second pool (node B), as two processes behind a load balancer would be. Concurrent
// work is split across both pools, so the transactions really overlap in the database.

export const onPostgres = testOnPostgres();

export interface TwoNodes {
  h: Harness;
  b: { app: FastifyInstance; opened: OpenedDatabase; request(method: string, url: string, key: string, body?: unknown, headers?: Record<string, string>): Promise<Response> };
  close(): Promise<void>;
}

export async function startTwoNodes(opts: { env?: Record<string, string> } = {}): Promise<TwoNodes> {
  const h = await createHarness({ env: opts.env });
  const opened = await openDatabase(databaseLocation(h.config), { poolSize: 10 });
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'test', phone)) !== undefined);
  const carriers: Record<Mode, Carrier> = { test: sim, live: sim };
  const app = await buildApp({ config: h.config, db: opened.db, clock: h.clock, carriers });
  await app.ready();
  const request = async (method: string, url: string, key: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  };
  return {
    h,
    b: { app, opened, request },
    async close() {
      await app.close();
      await opened.close();
      await h.close();
    },
  };
}

/** `n` copies of `fn`, alternating between the two nodes' databases, started together. */
export function race<T>(n: number, fn: (node: 0 | 1, i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(Array.from({ length: n }, (_, i) => fn((i % 2) as 0 | 1, i)));
}
