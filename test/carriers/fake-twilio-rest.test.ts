import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CarrierError } from '../../src/carriers/carrier.js';
import { TwilioCarrier } from '../../src/carriers/twilio/twilio-carrier.js';
import { createTwilioClient, type TwilioClient } from '../../src/carriers/twilio/twilio-client.js';
import { loadConfig } from '../../src/config.js';
import { type FakeTwilioRest, smsSegments, startFakeTwilioRest } from '../fakes/fake-twilio-rest.js';

// The real `twilio` SDK, through the gateway's own client factory, against the loopback fake.

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);

function clientFor(fake: FakeTwilioRest, token = 'x'): TwilioClient {
  const config = loadConfig({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: token, TWILIO_API_BASE_URL: fake.baseUrl });
  const client = createTwilioClient(config);
  if (!client) throw new Error('client not configured');
  return client;
}

const provisionRequest = {
  areaCode: '415',
  friendlyName: 'support line',
  voiceUrl: 'https://gw.example.com/carrier/twilio/voice',
  smsUrl: 'https://gw.example.com/carrier/twilio/sms',
  statusCallbackUrl: 'https://gw.example.com/carrier/twilio/status',
};

describe('fake Twilio REST server with the real twilio SDK', () => {
  let fake: FakeTwilioRest;
  let client: TwilioClient;

  beforeEach(async () => {
    fake = await startFakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: 'x' });
    client = clientFor(fake);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('lists available numbers in an area code', async () => {
    const list = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, voiceEnabled: true, limit: 3 });
    expect(list.map((n) => n.phoneNumber)).toEqual(['+12125550100', '+12125550101', '+12125550102']);
    expect(list[0]!.friendlyName).toBe('(212) 555-0100');
    const req = fake.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/AvailablePhoneNumbers/US/Local.json` });
    expect(req.query).toMatchObject({ AreaCode: '212', VoiceEnabled: 'true', PageSize: '3' });
  });

  it('buys, updates, fetches and releases a number', async () => {
    const bought = await client.incomingPhoneNumbers.create({ areaCode: '646', voiceUrl: 'https://a/voice', smsUrl: 'https://a/sms' });
    expect(bought.sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect(bought.phoneNumber).toBe('+16465550100');
    expect(bought.voiceUrl).toBe('https://a/voice');
    const updated = await client.incomingPhoneNumbers(bought.sid).update({ voiceUrl: 'https://b/voice' });
    expect(updated.voiceUrl).toBe('https://b/voice');
    expect(fake.numbers.get(bought.sid)!.voiceUrl).toBe('https://b/voice');
    expect((await client.incomingPhoneNumbers(bought.sid).fetch()).smsUrl).toBe('https://a/sms');
    expect(await client.incomingPhoneNumbers(bought.sid).remove()).toBe(true);
    expect(fake.numbers.size).toBe(0);
    await expect(client.incomingPhoneNumbers(bought.sid).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('creates, redirects and hangs up a call; repeated params arrive as arrays', async () => {
    const call = await client.calls.create({
      to: '+14155550123',
      from: '+14155550100',
      twiml: '<Response><Hangup/></Response>',
      statusCallback: 'https://gw.example.com/carrier/twilio/status',
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      statusCallbackMethod: 'POST',
    });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe('queued');
    const stored = fake.calls.get(call.sid)!;
    expect(stored.statusCallbackEvent).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(stored.params.StatusCallbackMethod).toBe('POST');

    await client.calls(call.sid).update({ twiml: '<Response><Say>bye</Say></Response>' });
    expect(stored.twiml).toBe('<Response><Say>bye</Say></Response>');
    const done = await client.calls(call.sid).update({ status: 'completed' });
    expect(done.status).toBe('completed');
    await expect(client.calls(call.sid).update({ url: 'https://x/y' })).rejects.toMatchObject({ status: 400, code: 21220 });
    await expect(client.calls.create({ to: '+1', from: '+2' } as never)).rejects.toMatchObject({ code: 21205 });
  });

  it('sends a message and counts segments', async () => {
    const msg = await client.messages.create({ to: '+14155550123', from: '+14155550100', body: 'x'.repeat(161), statusCallback: 'https://s' });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(msg.numSegments).toBe('2');
    expect(fake.messages.get(msg.sid)).toMatchObject({ body: 'x'.repeat(161), statusCallback: 'https://s', numSegments: 2 });
    expect(smsSegments('héllo')).toBe(1);
    expect(smsSegments('ü'.repeat(160))).toBe(1);
    expect(smsSegments('日本'.repeat(36))).toBe(2);
  });

  it('answers 401 to a wrong auth token', async () => {
    const wrong = clientFor(fake, 'not-the-token');
    await expect(wrong.messages.create({ to: '+1', from: '+2', body: 'hi' })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('TwilioCarrier provisions and releases a number with the gateway URLs', async () => {
    const carrier = new TwilioCarrier(client);
    const number = await carrier.provisionNumber(provisionRequest);
    expect(number.phoneNumber).toBe('+14155550100');
    expect(fake.numbers.get(number.carrierSid)).toMatchObject({
      friendlyName: 'support line',
      voiceUrl: provisionRequest.voiceUrl,
      voiceMethod: 'POST',
      smsUrl: provisionRequest.smsUrl,
      statusCallback: provisionRequest.statusCallbackUrl,
    });
    // The second purchase skips the owned number.
    expect((await carrier.provisionNumber(provisionRequest)).phoneNumber).toBe('+14155550101');
    await carrier.releaseNumber(number.carrierSid);
    expect(fake.numbers.has(number.carrierSid)).toBe(false);
    await carrier.releaseNumber(number.carrierSid); // already gone (404) is fine
  });

  it('TwilioCarrier moves on when a listed number was bought by someone else (21422)', async () => {
    fake.failNext(/IncomingPhoneNumbers\.json$/, { status: 400, code: 21422, message: 'PhoneNumber is not available.' });
    const number = await new TwilioCarrier(client).provisionNumber(provisionRequest);
    expect(number.phoneNumber).toBe('+14155550101');
  });

  it('an injected failure becomes a CarrierError', async () => {
    fake.failNext(/AvailablePhoneNumbers/, { status: 503, code: 20503, message: 'Service unavailable' });
    const err = await new TwilioCarrier(client).provisionNumber(provisionRequest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CarrierError);
    expect(err).toMatchObject({ carrierCode: 20503, retryable: true });
    expect((err as Error).message).toContain('Service unavailable');

    fake.failNext(/IncomingPhoneNumbers\/PN/, { status: 400, code: 20001, message: 'Nope', method: 'DELETE' });
    const bought = await new TwilioCarrier(client).provisionNumber(provisionRequest);
    await expect(new TwilioCarrier(client).releaseNumber(bought.carrierSid)).rejects.toMatchObject({
      name: 'CarrierError',
      carrierCode: 20001,
      retryable: false,
    });
  });

  it('no numbers in an area code is a CarrierError, not a crash', async () => {
    await fake.close();
    fake = await startFakeTwilioRest({ accountSid: ACCOUNT_SID, unavailableAreaCodes: ['907'] });
    client = clientFor(fake);
    await expect(new TwilioCarrier(client).provisionNumber({ ...provisionRequest, areaCode: '907' })).rejects.toMatchObject({
      carrierCode: 'no_numbers_available',
    });
  });

  it('a persistent 429 becomes a retryable CarrierError', async () => {
    // Three failures: enough even if the SDK's 429 auto-retry (maxRetries 2) were active. It is
    // not today: twilio() applies autoRetry only to a RequestClient it builds itself, and
    // createTwilioClient supplies its own httpClient, so one 429 reaches the carrier directly.
    for (let i = 0; i < 3; i++) fake.failNext(/AvailablePhoneNumbers/, { status: 429, code: 20429, message: 'Too Many Requests' });
    await expect(new TwilioCarrier(client).provisionNumber(provisionRequest)).rejects.toMatchObject({
      name: 'CarrierError',
      carrierCode: 20429,
      retryable: true,
    });
  });
});
