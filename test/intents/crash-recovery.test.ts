import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { apiClient, createLiveKey, type Gateway, type GatewayEnv, poll, startGateway } from './gateway-process.js';

// Carrier side effects happen exactly once through a crash. A real gateway process with live
// keys, talking to the fake Twilio in this process, SIGKILLs itself at each step of an SMS send
// and a number purchase (after the intent commit, after the carrier accepted, after recording).
// Started again on the same database, it reconciles with the carrier; then the carrier holds
// exactly one message / number per request (or none, refunded), our records agree with it, the
// money moved once, and a retry with the same Idempotency-Key replays the one outcome.

const ACCOUNT = `AC${'7'.repeat(32)}`;
const TO = '+16502530000';
let dir: string;
let fake: FakeTwilioRest;
let env: GatewayEnv;
let call: ReturnType<typeof apiClient>;
let numberId: string;

async function inDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const opened = await openDatabase(env.dbPath);
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

const openIntents = () => inDb(async (db) => (await db.selectFrom('carrier_intents').select('resource_id').where('state', 'in', ['pending', 'release']).execute()).length);
const ledgerFor = (id: string) => inDb((db) => db.selectFrom('ledger_entries').select(['kind', 'amount_cents']).where('related_id', '=', id).execute());
const balance = () => inDb(async (db) => (await db.selectFrom('balances').select('balance_cents').where('mode', '=', 'live').executeTakeFirstOrThrow()).balance_cents);

/** Runs `request` on a gateway armed with `failpoint`, which must die of SIGKILL during it. */
async function crashDuring(failpoint: string, request: (gw: Gateway) => Promise<unknown>): Promise<void> {
  const gw = await startGateway(env, { failpoint });
  await expect(request(gw)).rejects.toThrow();
  expect(await gw.exited).toBe('SIGKILL');
}

/** The carrier holds no number we have not recorded as active (nothing bought and forgotten). */
async function expectNoOrphanNumbers() {
  const ours = await inDb((db) => db.selectFrom('numbers').select(['carrier_sid', 'status']).where('mode', '=', 'live').execute());
  const active = new Set(ours.filter((n) => n.status === 'active').map((n) => n.carrier_sid));
  expect([...fake.numbers.values()].filter((n) => !active.has(n.sid)).map((n) => n.friendlyName)).toEqual([]);
}

/** No outbound message is left queued with no carrier SID (neither sent nor refunded). */
async function expectNoStuckSms() {
  const stuck = await inDb((db) => db.selectFrom('sms_messages').select(['id', 'status']).where('direction', '=', 'outbound').where('carrier_sid', 'is', null).where('status', '!=', 'failed').execute());
  expect(stuck).toEqual([]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-crash-'));
  fake = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: 'tok' });
  env = { dbPath: join(dir, 'agentline.db'), twilioBaseUrl: fake.baseUrl, accountSid: ACCOUNT, authToken: 'tok' };
  call = apiClient(await createLiveKey(env, 'acme'));
  const gw = await startGateway(env);
  try {
    expect((await call(gw.url, 'POST', '/v1/credits/purchase', { amount_cents: 100_000 })).status).toBe(201);
    const num = await call(gw.url, 'POST', '/v1/numbers', { system_prompt: 'SMS sender', area_code: '415' });
    expect(num.status).toBe(201);
    numberId = num.body.data.id;
  } finally {
    await gw.stop();
  }
}, 60_000);

afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an SMS send interrupted by kill -9', () => {
  const cases: Array<{ failpoint: string; key: boolean; sent: boolean }> = [
    { failpoint: 'sms.after_intent', key: true, sent: false },
    { failpoint: 'sms.after_carrier', key: true, sent: true },
    { failpoint: 'sms.after_record', key: true, sent: true },
    { failpoint: 'sms.after_carrier', key: false, sent: true },
  ];
  for (const c of cases) {
    it(`${c.failpoint}${c.key ? '' : ' (no Idempotency-Key)'}: ${c.sent ? 'adopted, charged once' : 'failed and refunded'}`, async () => {
      const text = `hello from ${c.failpoint}${c.key ? '' : ' without a key'}`;
      const body = { from: numberId, to: TO, body: text };
      const idem = c.key ? `sms-${c.failpoint}` : undefined;
      const before = await balance();
      await crashDuring(c.failpoint, (gw) => call(gw.url, 'POST', '/v1/sms', body, idem));

      const gw = await startGateway(env);
      try {
        await poll(async () => ((await openIntents()) === 0 ? true : undefined), 'every intent settled');
        const atCarrier = [...fake.messages.values()].filter((m) => m.body === text);
        expect(atCarrier).toHaveLength(c.sent ? 1 : 0);
        const rows = await inDb((db) => db.selectFrom('sms_messages').selectAll().where('body', '=', text).execute());
        expect(rows).toHaveLength(1);
        const row = rows[0]!;
        const ledger = await ledgerFor(row.id);
        if (c.sent) {
          expect(row).toMatchObject({ carrier_sid: atCarrier[0]!.sid, refunded: 0 });
          expect(row.status).not.toBe('failed');
          expect(ledger).toEqual([{ kind: 'sms', amount_cents: -1 }]);
          expect(await balance()).toBe(before - 1);
        } else {
          expect(row).toMatchObject({ status: 'failed', refunded: 1, carrier_sid: null });
          expect(ledger.map((e) => e.amount_cents).sort()).toEqual([-1, 1]);
          expect(await balance()).toBe(before);
        }
        await expectNoStuckSms();

        if (idem) {
          const retry = await call(gw.url, 'POST', '/v1/sms', body, idem);
          const again = await call(gw.url, 'POST', '/v1/sms', body, idem);
          expect(retry.headers.get('idempotent-replayed')).toBe('true');
          expect(again.body).toEqual(retry.body);
          if (c.sent) {
            expect(retry.status).toBe(201);
            expect(retry.body.data).toMatchObject({ id: row.id, body: text });
          } else {
            expect(retry.status).toBe(502);
            expect(retry.body.error).toMatchObject({ code: 'carrier_error', details: [{ sms_id: row.id, outcome: 'refunded' }] });
          }
          // The retries asked the carrier for nothing: still one message (or none).
          expect([...fake.messages.values()].filter((m) => m.body === text)).toHaveLength(c.sent ? 1 : 0);
          expect(await balance()).toBe(c.sent ? before - 1 : before);
        }
        const events = await call(gw.url, 'GET', `/v1/events?type=${c.sent ? 'sms.sent' : 'sms.failed'}`);
        expect(events.body.data.filter((e: { data: { id: string } }) => e.data.id === row.id)).toHaveLength(1);
      } finally {
        await gw.stop();
      }
    }, 60_000);
  }
});

describe('a number purchase interrupted by kill -9', () => {
  const cases: Array<{ failpoint: string; key: boolean; kept: boolean }> = [
    { failpoint: 'number.after_intent', key: true, kept: false },
    { failpoint: 'number.after_carrier', key: true, kept: true },
    { failpoint: 'number.after_record', key: true, kept: true },
    // Bought, but nobody can collect it (the client saw the connection drop and has no key): released.
    { failpoint: 'number.after_carrier', key: false, kept: false },
  ];
  for (const c of cases) {
    it(`${c.failpoint}${c.key ? '' : ' (no Idempotency-Key)'}: ${c.kept ? 'adopted, charged once' : 'no number, no charge'}`, async () => {
      const prompt = `agent for ${c.failpoint}${c.key ? '' : ' without a key'}`;
      const body = { system_prompt: prompt, area_code: '415' };
      const idem = c.key ? `num-${c.failpoint}` : undefined;
      const before = await balance();
      await crashDuring(c.failpoint, (gw) => call(gw.url, 'POST', '/v1/numbers', body, idem));
      const intent = await inDb((db) => db.selectFrom('carrier_intents').selectAll().where('kind', '=', 'number.buy').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow());
      const friendlyName = `agentline ${intent.resource_id}`;

      const gw = await startGateway(env);
      try {
        await poll(async () => ((await openIntents()) === 0 ? true : undefined), 'every intent settled');
        const atCarrier = [...fake.numbers.values()].filter((n) => n.friendlyName === friendlyName);
        const rows = await inDb((db) => db.selectFrom('numbers').selectAll().where('system_prompt', '=', prompt).execute());
        const fees = await ledgerFor(intent.resource_id);
        if (c.kept) {
          expect(atCarrier).toHaveLength(1);
          expect(rows).toHaveLength(1);
          expect(rows[0]).toMatchObject({ id: intent.resource_id, status: 'active', carrier_sid: atCarrier[0]!.sid, phone_number: atCarrier[0]!.phoneNumber });
          expect(fees).toEqual([{ kind: 'number_fee', amount_cents: -500 }]);
          expect(await balance()).toBe(before - 500);
        } else {
          expect(atCarrier).toEqual([]);
          expect(rows).toEqual([]);
          expect(fees).toEqual([]);
          expect(await balance()).toBe(before);
        }
        await expectNoOrphanNumbers();

        if (idem) {
          const retry = await call(gw.url, 'POST', '/v1/numbers', body, idem);
          const again = await call(gw.url, 'POST', '/v1/numbers', body, idem);
          expect(retry.headers.get('idempotent-replayed')).toBe('true');
          expect(again.body).toEqual(retry.body);
          if (c.kept) {
            expect(retry.status).toBe(201);
            expect(retry.body.data).toMatchObject({ id: intent.resource_id, phone_number: rows[0]!.phone_number, status: 'active' });
          } else {
            expect(retry.status).toBe(502);
            expect(retry.body.error).toMatchObject({ code: 'carrier_error', details: [{ number_id: intent.resource_id, outcome: 'not_bought' }] });
          }
          expect([...fake.numbers.values()].filter((n) => n.friendlyName.startsWith('agentline '))).toHaveLength(await inDb(async (db) => (await db.selectFrom('numbers').select('id').where('mode', '=', 'live').where('status', '=', 'active').execute()).length));
          expect(await balance()).toBe(c.kept ? before - 500 : before);
        }
        const provisioned = await call(gw.url, 'GET', '/v1/events?type=number.provisioned');
        expect(provisioned.body.data.filter((e: { data: { id: string } }) => e.data.id === intent.resource_id)).toHaveLength(c.kept ? 1 : 0);
      } finally {
        await gw.stop();
      }
    }, 60_000);
  }
});

describe('an outbound call interrupted by kill -9', () => {
  const cases: Array<{ failpoint: string; placed: boolean }> = [
    { failpoint: 'call.after_intent', placed: false },
    { failpoint: 'call.after_carrier', placed: true },
    { failpoint: 'call.after_record', placed: true },
  ];
  for (const c of cases) {
    it(`${c.failpoint}: ${c.placed ? 'adopted, and hung up at the carrier' : 'closed as failed, never billed'}`, async () => {
      const idem = `call-${c.failpoint}`;
      const body = { from: numberId, to: TO, metadata: { step: c.failpoint } };
      const before = await balance();
      const callsBefore = new Set(fake.calls.keys());
      await crashDuring(c.failpoint, (gw) => call(gw.url, 'POST', '/v1/calls', body, idem));

      const gw = await startGateway(env);
      try {
        await poll(async () => ((await openIntents()) === 0 ? true : undefined), 'every intent settled');
        const atCarrier = [...fake.calls.values()].filter((x) => !callsBefore.has(x.sid));
        expect(atCarrier).toHaveLength(c.placed ? 1 : 0);
        const rows = await inDb((db) => db.selectFrom('calls').selectAll().where('metadata', '=', JSON.stringify(body.metadata)).execute());
        expect(rows).toHaveLength(1);
        const row = await poll(async () => {
          const r = await inDb((db) => db.selectFrom('calls').selectAll().where('id', '=', rows[0]!.id).executeTakeFirstOrThrow());
          return ['failed', 'completed', 'canceled'].includes(r.status) ? r : undefined;
        }, 'the call closed');
        expect(row).toMatchObject({ carrier_sid: c.placed ? atCarrier[0]!.sid : null, cost_cents: 0 });
        // The gateway that placed it is gone, so no leg is left up at the carrier.
        if (c.placed) await poll(async () => (fake.calls.get(atCarrier[0]!.sid)!.status === 'completed' ? true : undefined), 'hung up at the carrier');
        expect(await balance()).toBe(before);

        const retry = await call(gw.url, 'POST', '/v1/calls', body, idem);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        if (c.placed) {
          expect(retry.status).toBe(201);
          expect(retry.body.data.id).toBe(row.id);
        } else {
          expect(retry.status).toBe(502);
          expect(retry.body.error).toMatchObject({ code: 'carrier_error', details: [{ call_id: row.id, outcome: 'not_placed' }] });
        }
        expect([...fake.calls.values()].filter((x) => !callsBefore.has(x.sid))).toHaveLength(c.placed ? 1 : 0);
      } finally {
        await gw.stop();
      }
    }, 60_000);
  }
});
