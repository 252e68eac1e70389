import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

let v: VoiceHarness;
afterEach(async () => v?.close());

let smsCounter = 0;
const inbound = (num: string, from: string, body: string) =>
  v.twilio('/carrier/twilio/sms', { MessageSid: `SM${String(++smsCounter).padStart(32, '0')}`, AccountSid: 'AC', From: from, To: num, Body: body, NumSegments: '1', SmsStatus: 'received' });

const sentByFake = () => [...v.twilioRest.messages.values()];

describe('outbound SMS (live, through the twilio SDK)', () => {
  it('prices segments, follows status callbacks out of order and repeated, and emits events', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const before = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents;
    const sms = expectOk(await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: 'x'.repeat(161), metadata: { order: '42' } }), 201).data;
    expect(sms).toMatchObject({ status: 'queued', segments: 2, encoding: 'GSM-7', cost_cents: 2, direction: 'outbound', metadata: { order: '42' } });
    expect(expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents).toBe(before - 2);
    const sent = sentByFake()[0]!;
    expect(sent).toMatchObject({ to: '+16287654321', from: num.phone_number });
    const status = (s: string, extra: Record<string, string> = {}) =>
      v.twilio('/carrier/twilio/sms-status', { MessageSid: sent.sid, MessageStatus: s, ...extra }, { query: `sms_id=${sms.id}` });
    await status('delivered');
    await status('sent'); // late
    await status('delivered'); // repeated
    expect(expectOk(await v.api.get(`/v1/sms/${sms.id}`)).data.status).toBe('delivered');
    const types = expectOk(await v.api.get('/v1/events?type=sms.*')).data.map((e: { type: string }) => e.type);
    expect(types).toEqual(['sms.delivered', 'sms.sent']);
  });

  it('a failed send is refunded and keeps the carrier error; 402 sends nothing', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_PRICE_SMS_SEGMENT_CENTS: '400' }, credits: 1000 });
    const num = await v.number();
    const sms = expectOk(await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: 'hello' }), 201).data;
    await v.twilio('/carrier/twilio/sms-status', { MessageSid: sentByFake()[0]!.sid, MessageStatus: 'failed', ErrorCode: '30007', ErrorMessage: 'Carrier violation' }, { query: `sms_id=${sms.id}` });
    const failed = expectOk(await v.api.get(`/v1/sms/${sms.id}`)).data;
    expect(failed).toMatchObject({ status: 'failed', error_code: '30007' });
    const ledger = expectOk(await v.api.get(`/v1/credits/ledger?related_id=${sms.id}`)).data;
    expect(ledger.map((e: { kind: string; amount_cents: number }) => [e.kind, e.amount_cents])).toEqual([['refund', 400], ['sms', -400]]);

    // 500 left pays one 400-cent segment; two segments are refused before anything is sent.
    const count = sentByFake().length;
    const poor = await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: 'y'.repeat(200) });
    expect(poor.status).toBe(402);
    expect(sentByFake()).toHaveLength(count);
    expect(expectOk(await v.api.get('/v1/sms')).data).toHaveLength(1);

    v.twilioRest.failNext(/Messages\.json$/, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const rejected = await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: 'hi' });
    expect(rejected.status).toBe(502);
    const stored = expectOk(await v.api.get(`/v1/sms/${rejected.body.error.details[0].sms_id}`)).data;
    expect(stored).toMatchObject({ status: 'failed', error_code: '21211' });
    expect(expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents).toBe(500);
  });
});

describe('inbound SMS answered by the agent', () => {
  it('a webhook agent replies in a thread per counterpart, with channel sms', async () => {
    v = await startVoiceHarness();
    const num = await v.number({ system_prompt: 'You text back.' });
    v.agent.script((_r, n) => (n === 0 ? sseReply('Hi! ', 'How can I help?') : sseReply('We open at 9.')));
    const r1 = await inbound(num.phone_number, '+16288001111', 'Hello');
    expect(r1.status).toBe(200);
    expect(r1.text).toContain('<Response/>');
    await eventually(async () => sentByFake().length === 1);
    expect(sentByFake()[0]).toMatchObject({ to: '+16288001111', from: num.phone_number, body: 'Hi! How can I help?' });
    expect(v.agent.requests[0]!.body.metadata).toMatchObject({ channel: 'sms', number_id: num.id, from: '+16288001111' });

    await inbound(num.phone_number, '+16288001111', 'When do you open?');
    await eventually(async () => sentByFake().length === 2);
    expect(v.agent.requests[1]!.body.messages).toEqual([
      { role: 'system', content: 'You text back.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! How can I help?' },
      { role: 'user', content: 'When do you open?' },
    ]);
    const thread = expectOk(await v.api.get('/v1/sms?counterpart=%2B16288001111')).data;
    expect(thread.map((m: { direction: string; agent_reply: boolean }) => [m.direction, m.agent_reply])).toEqual([
      ['outbound', true], ['inbound', false], ['outbound', true], ['inbound', false],
    ]);
    expect(thread[0].cost_cents).toBe(1);
    const received = expectOk(await v.api.get('/v1/events?type=sms.received')).data;
    expect(received).toHaveLength(2);
  });

  it('a managed agent replies through the openai SDK; a repeated webhook is ignored', async () => {
    v = await startVoiceHarness();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'Managed SMS agent.' }), 201).data;
    v.openai.script(sseReply('Managed reply.'));
    const params = { MessageSid: 'SM' + 'f'.repeat(32), From: '+16288002222', To: num.phone_number, Body: 'Hi' };
    await v.twilio('/carrier/twilio/sms', params);
    await v.twilio('/carrier/twilio/sms', params);
    await eventually(async () => sentByFake().length === 1);
    expect(sentByFake()[0]!.body).toBe('Managed reply.');
    await new Promise((r) => setTimeout(r, 100));
    expect(v.openai.requests).toHaveLength(1);
    expect(expectOk(await v.api.get('/v1/sms?direction=inbound')).data).toHaveLength(1);
  });

  it('STOP opts out (confirmation, silent agent, 422 on send); START opts back in; HELP answers', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script(sseReply('Agent here.'));
    const stop = await inbound(num.phone_number, '+16288003333', 'STOP');
    expect(stop.text).toContain('<Message>You have successfully been unsubscribed');
    await inbound(num.phone_number, '+16288003333', 'are you there?');
    await new Promise((r) => setTimeout(r, 100));
    expect(v.agent.requests).toHaveLength(0);
    const blocked = await v.api.post('/v1/sms', { from: num.id, to: '+16288003333', body: 'Promo!' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('recipient_opted_out');

    const help = await inbound(num.phone_number, '+16288003333', 'help');
    expect(help.text).toContain('Reply STOP to unsubscribe');
    const start = await inbound(num.phone_number, '+16288003333', 'Start');
    expect(start.text).toContain('re-subscribed');
    expect((await v.api.post('/v1/sms', { from: num.id, to: '+16288003333', body: 'Welcome back' })).status).toBe(201);
  });

  it('refuses forged messaging webhooks', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const res = await v.twilio('/carrier/twilio/sms', { MessageSid: 'SM1', From: '+16288004444', To: num.phone_number, Body: 'hi' }, { signature: 'bogus' });
    expect(res.status).toBe(403);
    expect(expectOk(await v.api.get('/v1/sms')).data).toEqual([]);
  });
});
