import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '../../src/carriers/twilio/signature.js';
import { openDatabase } from '../../src/db/database.js';
import { connectMediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { sseReply } from '../helpers/voice.js';
import { apiClient, createLiveKey, type GatewayEnv, poll, startGateway } from '../intents/gateway-process.js';
import { silence } from './stream-call-helpers.js';

// A gateway process killed (SIGKILL) in the middle of a stream call, with the agent's reply
// still playing: no session survives, Twilio would keep the call up. Started again on the same
// database, the gateway hangs the call up at the carrier once, closes and bills it once, and
// says so once (call.ended); Twilio's late status callback and a further restart change nothing.

const ACCOUNT = `AC${'9'.repeat(32)}`;
const TOKEN = 'stream-crash-token';
const PUBLIC = 'https://gw.example.com';
const CALLER = '+14155550123';

let dir: string;
let twilio: FakeTwilioRest;
let speech: FakeSpeechServer;
let agent: FakeServer;
let env: GatewayEnv;
let extra: Record<string, string>;
let api: ReturnType<typeof apiClient>;

async function inDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const opened = await openDatabase(env.dbPath);
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

/** A Twilio webhook, signed over the public URL, posted to the gateway process. */
async function twilioPost(base: string, path: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TOKEN, `${PUBLIC}${path}`, params) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-stream-crash-'));
  twilio = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: TOKEN });
  speech = await startFakeSpeech();
  agent = await startFakeSseAgent();
  env = { dbPath: join(dir, 'agentline.db'), twilioBaseUrl: twilio.baseUrl, accountSid: ACCOUNT, authToken: TOKEN };
  extra = { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech', AGENTLINE_ALLOW_PRIVATE_URLS: 'true' };
  api = apiClient(await createLiveKey(env, 'acme'));
}, 60_000);

afterAll(async () => {
  await Promise.all([twilio?.close(), speech?.close(), agent?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a stream call through kill -9', () => {
  it('is hung up at the carrier once, finalized and billed once after the restart', async () => {
    let gw = await startGateway(env, { env: extra });
    expect((await api(gw.url, 'POST', '/v1/credits/purchase', { amount_cents: 10_000 })).status).toBe(201);
    const created = await api(gw.url, 'POST', '/v1/numbers', { webhook_url: `${agent.url}/agent`, system_prompt: 'Support.', media_mode: 'stream', area_code: '415' });
    expect(created.status).toBe(201);
    const phone = created.body.data.phone_number as string;

    // Twilio rings the gateway; the phone joins the media stream and asks something.
    const callSid = `CA${'c'.repeat(32)}`;
    const answer = await twilioPost(gw.url, '/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT, From: CALLER, To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
    expect(answer.status).toBe(200);
    const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(answer.text)![1]!;
    twilio.calls.set(callSid, { sid: callSid, to: phone, from: CALLER, status: 'in-progress', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates: [] });
    agent.script(sseReply('Let me see. ', 'I am reading through every order you placed with us over the last two years.'));
    speech.scriptStt({ text: 'Where are my orders?' });
    const caller = await connectMediaCaller({ wsUrl: `${gw.url.replace('http', 'ws')}/carrier/twilio/media`, signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`, authToken: TOKEN, callSid, customParameters: { callId } });
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    await poll(async () => (caller.echoedMarks.length >= 1 ? true : undefined), 'the first words of the reply played');

    // The process dies mid-reply: the stream drops, nothing was ended at the carrier.
    gw.child.kill('SIGKILL');
    expect(await gw.exited).toBe('SIGKILL');
    await caller.closed;
    expect(twilio.calls.get(callSid)!.updates).toEqual([]);
    expect(await inDb(async (db) => (await db.selectFrom('calls').select('status').where('id', '=', callId).executeTakeFirstOrThrow()).status)).toBe('in-progress');

    gw = await startGateway(env, { env: extra });
    try {
      const call = await poll(async () => {
        const c = (await api(gw.url, 'GET', `/v1/calls/${callId}`)).body.data;
        return c.status === 'completed' ? c : undefined;
      }, 'the call closed by recovery');
      expect(call).toMatchObject({ end_reason: 'recovered', billed_minutes: 1 });
      // Hung up at the carrier exactly once.
      expect(twilio.calls.get(callSid)!.updates).toEqual([{ Status: 'completed' }]);
      const minutes = (await api(gw.url, 'GET', `/v1/credits/ledger?related_id=${callId}`)).body.data as Array<{ kind: string; amount_cents: number }>;
      expect(minutes.map((e) => e.kind)).toEqual(['call_minutes']);
      expect(-minutes[0]!.amount_cents).toBe(call.cost_cents);
      const ended = (await api(gw.url, 'GET', '/v1/events?type=call.ended')).body.data.filter((e: { data: { id: string } }) => e.data.id === callId);
      expect(ended).toHaveLength(1);

      // Twilio's own status callback arrives late: the call was already closed, nothing moves.
      twilio.calls.get(callSid)!.status = 'completed';
      const late = await twilioPost(gw.url, '/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT, CallStatus: 'completed', CallDuration: '9', SequenceNumber: '7' });
      expect(late.status).toBeLessThan(300);
      expect((await api(gw.url, 'GET', `/v1/calls/${callId}`)).body.data).toMatchObject({ status: 'completed', billed_minutes: 1, cost_cents: call.cost_cents });
      expect((await api(gw.url, 'GET', `/v1/credits/ledger?related_id=${callId}`)).body.data).toHaveLength(1);
    } finally {
      await gw.stop();
    }

    // Another restart: nothing left to recover, nothing asked of the carrier again.
    gw = await startGateway(env, { env: extra });
    try {
      expect(twilio.calls.get(callSid)!.updates).toEqual([{ Status: 'completed' }]);
      expect((await api(gw.url, 'GET', `/v1/credits/ledger?related_id=${callId}`)).body.data).toHaveLength(1);
      expect((await api(gw.url, 'GET', '/v1/events?type=call.ended')).body.data.filter((e: { data: { id: string } }) => e.data.id === callId)).toHaveLength(1);
    } finally {
      await gw.stop();
    }
  }, 120_000);
});
