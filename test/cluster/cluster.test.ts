import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, type OpenedDatabase, openDatabase } from '../../src/db/database.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { sseReply } from '../helpers/voice.js';
import { freshSchemaName, testPostgresUrl } from '../helpers/test-database.js';
import { type GatewayNode, startGatewayNode } from './gateway-node.js';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.js';
import { signTwilioRequest } from '../../src/carriers/twilio/signature.js';
import { createKey } from '../../src/keys/key-service.js';
import { systemClock } from '../../src/clock.js';
import { startFakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { connectRelayCaller } from '../fakes/fake-relay-caller.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC, newCallSid } from '../helpers/voice.js';

// Two real gateway processes on one real PostgreSQL (a schema of their own), a round-robin
// proxy in front: what an operator runs behind a load balancer. Calls land on node A (their
// softphone sockets are there); the API reaches them through node B or the proxy; one
// workspace is charged from both nodes at once; node A is killed mid-call and node B recovers
// its call once A's lease expires; every call ends with exactly one call.ended. Last, node B
// drains on SIGTERM and a third node recovers the call it handed over. The nodes inherit the
// environment: `AGENTLINE_REDIS_URL=redis://127.0.0.1:6379 npx vitest run test/cluster` runs the
// same cluster with the bus and the rate-limit counters on Redis.

const URL = testPostgresUrl();
const schema = freshSchemaName();
const LEASE_SECONDS = 2;
let db: OpenedDatabase;
let agent: FakeServer;
let a: GatewayNode;
let b: GatewayNode;
let proxy: RoundRobinProxy;
let key: string;
let nodeEnv: Record<string, string>;
/** The customer's webhook endpoint: every delivery of call.ended, as received (retries included). */
let receiver: Server;
const received: { webhookId: string; callId: string }[] = [];
/** A live key and a live number (Twilio, behind the fake REST server), made in the status-callback test. */
let live: string;
let liveNumber: { id: string; phone_number: string };
let twilioRest: Awaited<ReturnType<typeof startFakeTwilioRest>>;
const phones: SoftphoneClient[] = [];

type Json = { status: number; body: any };
async function call(base: string, method: string, path: string, body?: unknown, as = key): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: await res.json() };
}
const ok = (r: Json, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body.data;
};

async function connectedCall(base: string, to: string): Promise<{ phone: SoftphoneClient; callId: string }> {
  const phone = await SoftphoneClient.connect(base, key);
  phones.push(phone);
  const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
  const ready = new Promise<void>((r) => phone.once('ready', r));
  phone.dial(to);
  const { call_id } = await connected;
  await ready;
  const reply = new Promise((r) => phone.once('turnEnd', r));
  phone.say('hello');
  await reply;
  return { phone, callId: call_id };
}

const signed = async (node: GatewayNode, path: string, params: Record<string, string>) =>
  fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC}${path}`, params) },
    body: new URLSearchParams(params).toString(),
  });

/** An inbound Twilio call to the live number whose webhook and relay socket reach `node`, one turn in. */
async function relayCall(node: GatewayNode) {
  const callSid = newCallSid();
  const from = '+15005550006';
  const twiml = await (await signed(node, '/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: liveNumber.phone_number, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' })).text();
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(twiml)![1]!;
  const caller = await connectRelayCaller({
    wsUrl: `ws://127.0.0.1:${node.port}/carrier/twilio/relay`,
    signedUrl: 'wss://gw.example.com/carrier/twilio/relay',
    authToken: AUTH_TOKEN,
    setup: { callSid, from, to: liveNumber.phone_number, direction: 'inbound' },
    customParameters: { callId },
  });
  caller.prompt('hello there');
  expect(await caller.nextText(15_000)).toContain('Hello from the agent.');
  return { callSid, callId, caller };
}

const callRow = (id: string) => db.db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      try {
        received.push({ webhookId: String(req.headers['webhook-id']), callId: (JSON.parse(body) as { data: { id: string } }).data.id });
      } catch {
        // not an event: ignored
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  agent = await startFakeSseAgent();
  agent.script(sseReply('Hello from the agent.'));
  twilioRest = await startFakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  nodeEnv = {
    PUBLIC_URL: PUBLIC,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilioRest.baseUrl,
    AGENTLINE_DATABASE_URL: `${URL}${URL.includes('?') ? '&' : '?'}schema=${schema}`,
    AGENTLINE_ALLOW_PRIVATE_URLS: 'true',
    AGENTLINE_NODE_LEASE_SECONDS: String(LEASE_SECONDS),
    AGENTLINE_DRAIN_SECONDS: '2',
    ...(process.env.CLUSTER_TEST_LOG_LEVEL ? { LOG_LEVEL: process.env.CLUSTER_TEST_LOG_LEVEL } : {}),
  };
  // A first, alone: it migrates the new schema and prints the bootstrap key.
  a = await startGatewayNode('node-a', nodeEnv);
  key = /al_test_[0-9A-Za-z]{32}/.exec(a.output())![0];
  b = await startGatewayNode('node-b', nodeEnv);
  proxy = await startRoundRobinProxy([{ host: '127.0.0.1', port: a.port }, { host: '127.0.0.1', port: b.port }]);
  db = await openDatabase(URL, { schema, poolSize: 2 });
}, 180_000);

afterAll(async () => {
  if (process.env.CLUSTER_TEST_LOGS) process.stderr.write(`--- node-a\n${a?.output()}\n--- node-b\n${b?.output()}\n`);
  for (const p of phones) p.hangup();
  await proxy?.close();
  await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
  await agent?.close();
  await twilioRest?.close();
  await new Promise((r) => receiver?.close(r));
  await db?.close();
  await dropSchema(URL, schema);
}, 60_000);

describe('two gateway nodes on one PostgreSQL', () => {
  it('charges one workspace from both nodes at once: the ledger never overdraws and sums to the balance', async () => {
    ok(await call(proxy.url, 'POST', '/v1/credits/purchase', { amount_cents: 2000 }), 201);
    ok(await call(proxy.url, 'POST', '/v1/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, event_types: ['call.ended'] }), 201);
    // Numbers cost 500 a month: 2000 pays for four, whichever node each request lands on.
    const tries = await Promise.all(Array.from({ length: 10 }, () => call(proxy.url, 'POST', '/v1/numbers', { webhook_url: `${agent.url}/agent` })));
    expect(tries.filter((t) => t.status === 201)).toHaveLength(4);
    expect(tries.filter((t) => t.status === 402)).toHaveLength(6);
    const balance = ok(await call(proxy.url, 'GET', '/v1/credits/balance')).balance_cents;
    expect(balance).toBe(0);
    const entries = await db.db.selectFrom('ledger_entries').select('amount_cents').execute();
    expect(entries.reduce((s, e) => s + Number(e.amount_cents), 0)).toBe(balance);
    expect(new Set(proxy.picks.slice(-10))).toEqual(new Set([0, 1]));
  }, 60_000);

  it('hangs up a call held by node A through node B, and rings a softphone registered on B from a call placed on A', async () => {
    ok(await call(proxy.url, 'POST', '/v1/credits/purchase', { amount_cents: 5000 }), 201);
    const numbers = ok(await call(a.url, 'GET', '/v1/numbers')) as { id: string; phone_number: string }[];
    const { phone, callId } = await connectedCall(a.url, numbers[0]!.phone_number);
    expect(await db.db.selectFrom('call_owners').select('node_id').where('call_id', '=', callId).executeTakeFirst()).toEqual({ node_id: 'node-a' });

    const ended = new Promise((r) => phone.once('end', r));
    const hung = await call(b.url, 'POST', `/v1/calls/${callId}/hangup`);
    expect(hung.status, JSON.stringify(hung.body)).toBe(200);
    await ended;
    await expect.poll(async () => (await callRow(callId)).status, { timeout: 15_000 }).toBe('completed');
    expect(await callRow(callId)).toMatchObject({ end_reason: 'hangup_requested', turn_count: 2 });

    // A softphone registered on node B; the call is placed through node A and rings it there.
    const ringer = await SoftphoneClient.connect(b.url, key);
    phones.push(ringer);
    const registered = new Promise((r) => ringer.once('registered', r));
    ringer.register('+14155552671');
    await registered;
    const incoming = new Promise<{ call_id: string }>((r) => ringer.once('incoming', r));
    const placed = ok(await call(a.url, 'POST', '/v1/calls', { from: numbers[1]!.id, to: '+14155552671' }), 201);
    expect((await incoming).call_id).toBe(placed.id);
    // Still ringing, hung up through A: node B (which rings it) cancels it.
    const canceled = new Promise((r) => ringer.once('end', r));
    ok(await call(a.url, 'POST', `/v1/calls/${placed.id}/hangup`));
    await canceled;
    await expect.poll(async () => (await callRow(placed.id)).status, { timeout: 15_000 }).toBe('canceled');
  }, 120_000);

  it('a carrier status callback landing on the node that does not hold the call ends it after the owner recorded its turns', async () => {
    // Twilio: a live number, an inbound call whose webhook and relay socket reach node A.
    live = (await createKey({ db: db.db, clock: systemClock }, { workspace: 'default', mode: 'live' })).key;
    ok(await call(proxy.url, 'POST', '/v1/credits/purchase', { amount_cents: 5000 }, live), 201);
    liveNumber = ok(await call(a.url, 'POST', '/v1/numbers', { webhook_url: `${agent.url}/agent` }, live), 201);
    const { callSid, callId, caller } = await relayCall(a);
    // The caller hangs up; Twilio's completed callback lands on node B. B asks A to close the
    // session first, so the turns and the end reason are in before call.ended goes out.
    const res = await signed(b, '/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: '4', SequenceNumber: '5', Timestamp: new Date().toUTCString() });
    expect(res.status).toBe(204);
    const row = await callRow(callId);
    expect(row).toMatchObject({ status: 'completed', end_reason: 'caller_hangup', turn_count: 2, duration_source: 'carrier' });
    const ready = await db.db.selectFrom('events').select('data').where('type', '=', 'call.transcript.ready').where('data', 'like', `%${callId}%`).execute();
    expect(ready.map((e) => JSON.parse(e.data).turn_count)).toEqual([2]);
    const turns = await db.db.selectFrom('call_turns').select('seq').where('call_id', '=', callId).execute();
    expect(turns).toHaveLength(2);
    await caller.hangup().catch(() => undefined);
  }, 90_000);

  it('recovers the call of a node killed mid-call once its lease expires; every call.ended once, delivered under one event id', async () => {
    const numbers = ok(await call(a.url, 'GET', '/v1/numbers')) as { id: string; phone_number: string }[];
    const { callId } = await connectedCall(a.url, numbers[2]!.phone_number);
    await a.kill('SIGKILL');
    const killedAt = Date.now();
    // B does not touch it while A's lease runs, then closes and bills it.
    await expect
      .poll(async () => (await callRow(callId)).status, { timeout: 30_000, interval: 250 })
      .toBe('completed')
      .catch(async (err: unknown) => {
        const nodes = await db.db.selectFrom('cluster_nodes').selectAll().execute();
        const owners = await db.db.selectFrom('call_owners').selectAll().execute();
        throw new Error(`${String(err)}\nnodes ${JSON.stringify(nodes)}\nowners ${JSON.stringify(owners)}\nnow ${new Date().toISOString()}`);
      });
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 - 1500);
    expect(await callRow(callId)).toMatchObject({ end_reason: 'recovered', minutes_charged: 1 });
    // The API still answers through the proxy (the dead node is skipped).
    const got = ok(await call(proxy.url, 'GET', `/v1/calls/${callId}`));
    expect(got.status).toBe('completed');

    // Every call ended exactly once: no call.ended lost, none doubled.
    const calls = await db.db.selectFrom('calls').select(['id', 'status']).execute();
    const ends = await db.db.selectFrom('events').select(['data']).where('type', '=', 'call.ended').execute();
    const endedIds = ends.map((e) => (JSON.parse(e.data) as { id: string }).id).sort();
    expect(endedIds).toEqual(calls.map((c) => c.id).sort());
    expect(calls.every((c) => ['completed', 'canceled', 'no-answer', 'busy', 'failed'].includes(c.status))).toBe(true);

    // And the customer's endpoint got each test call's call.ended — at least once, and always
    // under the same event id, whichever node delivered it and though node A died meanwhile.
    const testCalls = (await db.db.selectFrom('calls').select('id').where('mode', '=', 'test').execute()).map((c) => c.id).sort();
    await expect.poll(() => [...new Set(received.map((r) => r.callId))].sort(), { timeout: 30_000, interval: 250 }).toEqual(testCalls);
    for (const id of testCalls) expect(new Set(received.filter((r) => r.callId === id).map((r) => r.webhookId)).size).toBe(1);
  }, 90_000);

  it('drains on SIGTERM: no new call, the live ones may finish, the rest go to another node', async () => {
    const numbers = ok(await call(b.url, 'GET', '/v1/numbers')) as { id: string; phone_number: string }[];
    const finishing = await connectedCall(b.url, numbers[3]!.phone_number);
    const left = await relayCall(b); // a Twilio call: the carrier keeps it up when the node goes
    const exited = b.kill('SIGTERM');
    // Draining: the balancer's health check and new calls are refused; live calls go on.
    await expect.poll(async () => (await fetch(`${b.url}/readyz`)).status, { timeout: 10_000, interval: 100 }).toBe(503);
    const refused = await call(b.url, 'POST', '/v1/calls', { from: numbers[3]!.id, to: '+14155552671' });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('unavailable');
    const reply = new Promise((r) => finishing.phone.once('turnEnd', r));
    finishing.phone.say('are you still there?');
    await reply;
    finishing.phone.hangup();
    await expect.poll(async () => (await callRow(finishing.callId)).status, { timeout: 10_000 }).toBe('completed');
    expect((await callRow(finishing.callId)).end_reason).toBe('caller_hangup');
    // The Twilio call outlives the drain (2 s): the node records its session's end and exits,
    // its lease lapsed at once; the call is still up at the carrier, for another node to recover.
    expect(await exited).toBe(0);
    expect(await callRow(left.callId)).toMatchObject({ status: 'in-progress', end_reason: 'gateway_shutdown', turn_count: 2 });
    const node = await db.db.selectFrom('cluster_nodes').selectAll().where('id', '=', 'node-b').executeTakeFirstOrThrow();
    expect(node.lease_expires_at <= new Date().toISOString()).toBe(true);
    const c = await startGatewayNode('node-c', nodeEnv);
    try {
      await expect.poll(async () => (await callRow(left.callId)).status, { timeout: 20_000, interval: 250 }).toBe('completed');
      expect(await callRow(left.callId)).toMatchObject({ end_reason: 'gateway_shutdown', minutes_charged: 1, turn_count: 2 });
    } finally {
      await c.kill('SIGKILL');
    }
  }, 120_000);
});
