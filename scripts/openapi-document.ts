import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createCarriers } from '../src/runtime.js';
import { systemClock } from '../src/clock.js';

// The OpenAPI document exactly as the gateway serves it, built from the real app on a throwaway
// SQLite file, for the linters and the client-type generator (no server, no network).

export async function buildOpenApiDocument(env: Record<string, string | undefined> = {}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-openapi-'));
  try {
    const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', ...env, AGENTLINE_DB: join(dir, 'agentline.db') });
    const opened = await openDatabase(config.dbPath);
    try {
      await migrateToLatest(opened.db);
      const { carriers, liveDialer, liveSmsSender } = createCarriers(config, opened);
      const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers, liveDialer, liveSmsSender });
      try {
        await app.ready();
        // Through the route, as a client would fetch it, so what is linted is what is served.
        const res = await app.inject({ method: 'GET', url: '/v1/openapi.json', headers: { host: new URL(config.publicUrl).host } });
        if (res.statusCode !== 200) throw new Error(`GET /v1/openapi.json answered ${res.statusCode}: ${res.body}`);
        return JSON.parse(res.body) as Record<string, unknown>;
      } finally {
        await app.close();
      }
    } finally {
      await opened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
