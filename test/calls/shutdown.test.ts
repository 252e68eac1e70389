import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { startServer } from '../../src/server.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { sseReply } from '../helpers/voice.js';

// Graceful shutdown (SIGTERM) in the middle of a test-mode call: the call's record is closed and
// billed before the database closes, so nothing is left "in-progress".

let dir: string;
let agent: FakeServer;
afterEach(async () => {
  await agent?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('closes and bills live test calls before the database closes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-shutdown-'));
    agent = await startFakeSseAgent();
    agent.script(sseReply('Hello!'));
    const config = loadConfig({ AGENTLINE_DB: join(dir, 'db.sqlite'), PORT: '0', LOG_LEVEL: 'silent', AGENTLINE_ALLOW_PRIVATE_URLS: 'true' });
    let printed = '';
    const server = await startServer(config, { print: (l) => (printed += l) });
    const key = /al_test_[0-9A-Za-z]{32}/.exec(printed)![0];
    const api = async (path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return ((await res.json()) as { data: any }).data;
    };
    await api('/v1/credits/purchase', { amount_cents: 1000 });
    const num = await api('/v1/numbers', { webhook_url: `${agent.url}/agent` });

    const phone = await SoftphoneClient.connect(server.url, key);
    const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
    phone.dial(num.phone_number);
    const { call_id } = await connected;
    const reply = new Promise((r) => phone.once('turnEnd', r));
    phone.say('hi');
    await reply;

    await server.stop();
    const opened = await openDatabase(config.dbPath);
    const call = await opened.db.selectFrom('calls').selectAll().where('id', '=', call_id).executeTakeFirstOrThrow();
    const minutes = await opened.db.selectFrom('ledger_entries').select('amount_cents').where('related_id', '=', call_id).execute();
    await opened.close();
    expect(call).toMatchObject({ status: 'completed', end_reason: 'gateway_shutdown', minutes_charged: 1, cost_cents: 3 });
    expect(minutes.map((m) => m.amount_cents)).toEqual([-3]);
  });
});
