import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../../src/carriers/twilio/twilio-client.js';
import { TwilioCarrier } from '../../src/carriers/twilio/twilio-carrier.js';
import { loadConfig } from '../../src/config.js';
import { startFakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// Live keys provision through the real `twilio` SDK, sent to a fake Twilio REST server on
// loopback with TWILIO_API_BASE_URL.

const ACCOUNT = `AC${'1'.repeat(32)}`;
let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeTwilioRest>>;
afterEach(async () => {
  await h?.close();
  await fake?.close();
});

async function liveHarness() {
  fake = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: 'tok' });
  const env = { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 'tok', TWILIO_API_BASE_URL: fake.baseUrl, PUBLIC_URL: 'https://gw.example.com' };
  const twilio = new TwilioCarrier(createTwilioClient(loadConfig(env)));
  h = await createHarness({ env, carriers: { live: twilio } });
  const api = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
  await fund(api, 1000);
  return api;
}

describe('live numbers through Twilio', () => {
  it('searches the area code, buys with our URLs, and releases on DELETE', async () => {
    const api = await liveHarness();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'Live agent', area_code: '415' }), 201).data;
    expect(num).toMatchObject({ livemode: true, status: 'active' });
    expect(num.phone_number).toMatch(/^\+1415\d{7}$/);

    const search = fake.requests.find((r) => r.method === 'GET' && r.path.includes('/AvailablePhoneNumbers/US/Local.json'));
    expect(search?.query).toMatchObject({ AreaCode: '415' });
    const buy = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/IncomingPhoneNumbers.json'));
    expect(buy?.params).toMatchObject({
      PhoneNumber: num.phone_number,
      VoiceUrl: 'https://gw.example.com/carrier/twilio/voice',
      SmsUrl: 'https://gw.example.com/carrier/twilio/sms',
      StatusCallback: 'https://gw.example.com/carrier/twilio/status',
    });
    expect(fake.numbers.size).toBe(1);

    expectOk(await api.delete(`/v1/numbers/${num.id}`));
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path.includes('/IncomingPhoneNumbers/PN'))).toBe(true);
    expect(fake.numbers.size).toBe(0);
  });

  it('a Twilio error is a 502 carrier_error with no number and no charge', async () => {
    const api = await liveHarness();
    fake.failNext(/IncomingPhoneNumbers\.json$/, { status: 400, code: 21631, message: 'Address required' });
    const res = await api.post('/v1/numbers', { system_prompt: 'Live agent', area_code: '415' });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: 'carrier_error', details: [{ carrier_code: 21631 }] });
    expect(res.body.error.message).toContain('Address required');
    expect(expectOk(await api.get('/v1/numbers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(1000);
  });

  it('live keys without Twilio configured get a clear 502', async () => {
    h = await createHarness({ carriers: { live: new TwilioCarrier(null) } });
    const api = h.api(await h.key({ mode: 'live' }));
    await fund(api, 1000);
    const res = await api.post('/v1/numbers', { system_prompt: 'x' });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain('TWILIO_ACCOUNT_SID');
  });

  it('test keys never reach Twilio', async () => {
    fake = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: 'tok' });
    const env = { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 'tok', TWILIO_API_BASE_URL: fake.baseUrl };
    h = await createHarness({ env, carriers: { live: new TwilioCarrier(createTwilioClient(loadConfig(env))) } });
    const api = h.api(await h.key({ mode: 'test' }));
    await fund(api, 1000);
    expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201);
    expect(fake.requests).toEqual([]);
  });
});
