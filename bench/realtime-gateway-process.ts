import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { SimCarrier } from '../src/carriers/sim/sim-carrier.js';
import { databaseLocation, migrateToLatest, openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createKey } from '../src/keys/key-service.js';
import { findActiveByPhone } from '../src/numbers/number-repository.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent, windowStats } from './shared.js';

// The real gateway for the Realtime benchmark, in its own process: a managed `realtime` number
// whose calls go to the fake Realtime server (BENCH_REALTIME_URL). Numbers come from the
// simulated carrier; everything after the voice webhook is the real Twilio path (signed
// webhook, signed Media Streams socket, RealtimeLeg, session, meter, transcript).
// BENCH_RECORDING=1 turns the number's `recording` on (once the gateway records calls).
// Commands: memory (after a full GC), reset (measurement window), sample (event loop, CPU, RSS).

const LIMIT = '10000000';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-rt-bench-'));
  const config = loadConfig({
    AGENTLINE_DB: join(dir, 'agentline.db'),
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    AGENTLINE_ALLOW_PRIVATE_URLS: 'true',
    AGENTLINE_RATE_LIMIT_PER_IP: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_KEY: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_WORKSPACE: LIMIT,
    AGENTLINE_REALTIME_URL: process.env.BENCH_REALTIME_URL!,
    AGENTLINE_REALTIME_CONNECT_TIMEOUT_MS: '20000',
    OPENAI_API_KEY: 'sk-bench',
    LOG_LEVEL: 'silent',
  });
  const opened = await openDatabase(databaseLocation(config), { backgroundCheckpoints: process.env.BENCH_SQLITE_INLINE_CHECKPOINTS !== '1' });
  await migrateToLatest(opened.db);
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'live', phone)) !== undefined);
  const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers: { test: sim, live: sim } });

  const { key } = await createKey({ db: opened.db, clock: systemClock }, { workspace: 'bench', mode: 'live', createWorkspace: true });
  const api = async (url: string, body: unknown) => {
    const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body).data;
  };
  await api('/v1/credits/purchase', { amount_cents: 1_000_000 });
  // No first_message: the greeting would be a TTS request, and this measures the model's audio path.
  const number = await api('/v1/numbers', {
    system_prompt: 'You are the benchmark agent.',
    media_mode: 'realtime',
    ...(process.env.BENCH_RECORDING === '1' ? { recording: true } : {}),
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const stats = windowStats(() => app.voice.registry.size);
  serveParent(
    (cmd) => stats.answer(cmd),
    async () => {
      await Promise.all(app.voice.registry.all().map((s) => s.close('gateway_shutdown')));
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );
  process.send?.({ port: (app.server.address() as AddressInfo).port, phone: number.phone_number as string });
}

await main();
