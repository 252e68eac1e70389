import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { TwilioSmsSender } from '../../src/sms/sms-sender.js';
import { createTwilioClient } from '../../src/carriers/twilio/twilio-client.js';
import { loadConfig } from '../../src/config.js';
import type { SmsMessagesTable } from '../../src/db/schema.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { TwilioCarrier } from '../../src/carriers/twilio/twilio-carrier.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { type VoiceHarness, startVoiceHarness } from '../helpers/voice.js';

// A carrier call whose answer never comes back (a 5xx, a timeout) may or may not have acted: the
// request says so (502, outcome pending), keeps its Idempotency-Key, and the intent is settled
// against the carrier. A retry never sends again; it waits (409) and then replays the outcome.

let v: VoiceHarness | undefined;
let fake: FakeTwilioRest | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await v?.close();
  await h?.close();
  await fake?.close();
  v = fake = h = undefined;
});

const TO = '+16502530000';

describe('an SMS send the carrier did not answer', () => {
  it('accepted by the carrier: adopted once, and the retry replays the 201 even past the stale window', async () => {
    v = await startVoiceHarness({ env: { TWILIO_TIMEOUT_MS: '100' } });
    const clock = v.h.clock as ManualClock;
    const num = await v.number();
    const before = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents;
    v.twilioRest.failNext(/Messages\.json$/, { status: 503, code: 20503, message: 'Service unavailable', method: 'POST', commit: true });
    const body = { from: num.id, to: TO, body: 'did it go?' };
    const first = await v.api.post('/v1/sms', body, { 'idempotency-key': 'lost-answer' });
    expect(first.status).toBe(502);
    expect(first.body.error.details[0]).toMatchObject({ outcome: 'pending', sms_id: expect.stringMatching(/^sms_/) });
    expect(v.twilioRest.messages.size).toBe(1);

    // Past the old 60 s stale window a retry used to send a second message.
    clock.advance(61_000);
    const retry = await v.api.post('/v1/sms', body, { 'idempotency-key': 'lost-answer' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const [sent] = [...v.twilioRest.messages.values()];
    expect(v.twilioRest.messages.size).toBe(1);
    expect(retry.body.data).toMatchObject({ id: first.body.error.details[0].sms_id, body: 'did it go?' });
    expect(expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents).toBe(before - 1);
    const row = await v.h.opened.db.selectFrom('sms_messages').selectAll().where('id', '=', retry.body.data.id).executeTakeFirstOrThrow();
    expect(row.carrier_sid).toBe(sent!.sid);
    expect((await v.api.post('/v1/sms', body, { 'idempotency-key': 'lost-answer' })).body).toEqual(retry.body);
  });

  it('not accepted: 409 while the carrier may still act, then failed and refunded, and the retry replays that', async () => {
    v = await startVoiceHarness({ env: { TWILIO_TIMEOUT_MS: '100' } });
    const clock = v.h.clock as ManualClock;
    const num = await v.number();
    const before = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents;
    v.twilioRest.failNext(/Messages\.json$/, { status: 500, code: 20500, message: 'Internal error', method: 'POST' });
    const body = { from: num.id, to: TO, body: 'lost' };
    const first = await v.api.post('/v1/sms', body, { 'idempotency-key': 'not-sent' });
    expect(first.status).toBe(502);
    const during = await v.api.post('/v1/sms', body, { 'idempotency-key': 'not-sent' });
    expect(during.status).toBe(409);
    expect(during.body.error.code).toBe('idempotency_in_progress');

    clock.advance(5_000); // past the settle window (2 × TWILIO_TIMEOUT_MS + 1 s)
    const settled = await v.h.app.intents.runOnce();
    expect(settled).toEqual({ settled: 1, open: 0 });
    const retry = await v.api.post('/v1/sms', body, { 'idempotency-key': 'not-sent' });
    expect(retry.status).toBe(502);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.error.details[0]).toMatchObject({ outcome: 'refunded' });
    expect(v.twilioRest.messages.size).toBe(0);
    const sms = expectOk(await v.api.get(`/v1/sms/${retry.body.error.details[0].sms_id}`)).data;
    expect(sms).toMatchObject({ status: 'failed', error_code: 'not_sent' });
    expect(expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents).toBe(before);
  });
});

describe('reconciliation lookups page through the carrier lists', () => {
  it('finds the oldest unclaimed match three pages deep, skipping claimed ones', async () => {
    const account = `AC${'3'.repeat(32)}`;
    fake = await startFakeTwilioRest({ accountSid: account, authToken: 'tok' });
    const config = loadConfig({ TWILIO_ACCOUNT_SID: account, TWILIO_AUTH_TOKEN: 'tok', TWILIO_API_BASE_URL: fake.baseUrl });
    const client = createTwilioClient(config)!;
    const sender = new TwilioSmsSender(client, 'https://gw.example.com');
    const from = '+14155550100';
    const first = await client.messages.create({ to: TO, from, body: 'same text' });
    const second = await client.messages.create({ to: TO, from, body: 'same text' });
    for (let i = 0; i < 120; i++) await client.messages.create({ to: TO, from, body: `other ${i}` });
    const m = { to_number: TO, from_number: from, body: 'same text' } as SmsMessagesTable;
    const pagesBefore = fake.requests.filter((r) => r.method === 'GET').length;
    const found = await sender.findSent(m, new Date(Date.now() - 60_000), async (sid) => sid === first.sid);
    expect(found?.sid).toBe(second.sid);
    const pages = fake.requests.filter((r) => r.method === 'GET').slice(pagesBefore);
    expect(pages.length).toBe(3); // 122 messages, 50 a page
    expect(pages.every((p) => p.query.To === TO && p.query.From === from)).toBe(true);
  });
});

describe('a number release the carrier did not answer', () => {
  it('is finished by the reconciler: released at the carrier and here, once', async () => {
    const account = `AC${'4'.repeat(32)}`;
    fake = await startFakeTwilioRest({ accountSid: account, authToken: 'tok' });
    const env = { TWILIO_ACCOUNT_SID: account, TWILIO_AUTH_TOKEN: 'tok', TWILIO_API_BASE_URL: fake.baseUrl, PUBLIC_URL: 'https://gw.example.com' };
    h = await createHarness({ env, carriers: { live: new TwilioCarrier(createTwilioClient(loadConfig(env))) } });
    const api = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x', area_code: '415' }), 201).data;
    expect([...fake.numbers.values()][0]!.friendlyName).toBe(`agentline ${num.id}`);

    // Twilio releases it but the answer is lost.
    fake.failNext(/IncomingPhoneNumbers\/PN\w+\.json$/, { status: 500, code: 20500, message: 'Internal error', method: 'DELETE', commit: true });
    const res = await api.delete(`/v1/numbers/${num.id}`);
    expect(res.status).toBe(502);
    expect(res.body.error.details[0]).toMatchObject({ number_id: num.id, outcome: 'pending' });
    expect(fake.numbers.size).toBe(0);
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data.status).toBe('active');

    expect(await h.app.intents.runOnce()).toEqual({ settled: 1, open: 0 });
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data.status).toBe('released');
    expect(expectOk(await api.get('/v1/events?type=number.released')).data).toHaveLength(1);
    expect(await h.app.intents.runOnce()).toEqual({ settled: 0, open: 0 });
  });
});
