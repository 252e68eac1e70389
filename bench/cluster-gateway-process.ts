import type { AddressInfo } from 'node:net';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { SimCarrier } from '../src/carriers/sim/sim-carrier.js';
import { Cluster } from '../src/cluster/cluster.js';
import { databaseLocation, migrateToLatest, openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createKey } from '../src/keys/key-service.js';
import { findActiveByPhone } from '../src/numbers/number-repository.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent, windowStats } from './shared.js';

// One gateway node of the cluster benchmark (cluster-bench.ts): the real app on PostgreSQL
// (BENCH_DATABASE_URL, a schema of the run's own) joined to the cluster under BENCH_NODE_ID, with
// the Twilio routes on loopback as in gateway-process.ts. The first node (BENCH_SETUP=1) migrates
// and makes the bench workspace and its number; the others join the same database. Answers the
// bench's `memory`, `reset` and `sample` commands like gateway-process.ts.

const LIMIT = '10000000';

async function main() {
  const config = loadConfig({
    AGENTLINE_DATABASE_URL: process.env.BENCH_DATABASE_URL,
    AGENTLINE_NODE_ID: process.env.BENCH_NODE_ID,
    ...(process.env.BENCH_REDIS_URL ? { AGENTLINE_REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9', // nothing listens there; inbound calls need no REST
    AGENTLINE_ALLOW_PRIVATE_URLS: 'true',
    AGENTLINE_RATE_LIMIT_PER_IP: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_KEY: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_WORKSPACE: LIMIT,
    LOG_LEVEL: 'silent',
  });
  const opened = await openDatabase(databaseLocation(config), { poolSize: config.databasePoolSize, backgroundCheckpoints: true });
  if (process.env.BENCH_SETUP === '1') await migrateToLatest(opened.db);
  const quiet = { warn() {}, error() {}, info() {}, debug() {} };
  const cluster = await Cluster.start({ db: opened.db, clock: systemClock, log: quiet }, { ...config.cluster!, databaseUrl: config.databaseUrl! });
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'live', phone)) !== undefined);
  const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers: { test: sim, live: sim }, cluster }); // no logger: silent

  let phone: string | null = null;
  if (process.env.BENCH_SETUP === '1') {
    const { key } = await createKey({ db: opened.db, clock: systemClock }, { workspace: 'bench', mode: 'live', createWorkspace: true });
    const api = async (url: string, body: unknown) => {
      const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body).data;
    };
    await api('/v1/credits/purchase', { amount_cents: 1_000_000 });
    const number = await api('/v1/numbers', { webhook_url: `${process.env.BENCH_AGENT_URL}/agent`, first_message: 'Hi, this is the bench agent.' });
    phone = number.phone_number as string;
  }

  await app.listen({ port: 0, host: '127.0.0.1' });
  const stats = windowStats(() => app.voice.registry.size);
  serveParent(
    (cmd) => stats.answer(cmd),
    async () => {
      await Promise.all(app.voice.registry.all().map((s) => s.close('gateway_shutdown')));
      await app.close();
      await cluster.close({ handOver: true });
      await opened.close();
    },
  );
  process.send?.({ port: (app.server.address() as AddressInfo).port, phone });
}

await main();
