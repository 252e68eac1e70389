import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, startVoiceHarness } from '../helpers/voice.js';

// Delivered, undelivered and failed are final: whatever order Twilio's delivery reports arrive
// in, the first final status stays, and only a failure is refunded, once.

let v: VoiceHarness;
afterEach(async () => v?.close());

describe('SMS final states', () => {
  it('no final status moves to another, in any order; a refund happens only for a failure, once', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_PRICE_SMS_SEGMENT_CENTS: '7' } });
    const num = await v.number();
    const finals = ['delivered', 'undelivered', 'failed'] as const;
    const pairs = finals.flatMap((first) => finals.map((second) => [first, second] as const));
    for (const [first, second] of pairs) {
      const sms = expectOk(await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: `${first} then ${second}` }), 201).data;
      const sid = [...v.twilioRest.messages.values()].find((m) => m.body === `${first} then ${second}`)!.sid;
      const report = (status: string, extra: Record<string, string> = {}) =>
        v.twilio('/carrier/twilio/sms-status', { MessageSid: sid, MessageStatus: status, ...extra }, { query: `sms_id=${sms.id}` });
      await report('sent');
      await report(first, first === 'delivered' ? {} : { ErrorCode: '30003', ErrorMessage: 'Unreachable' });
      await report(second, second === 'delivered' ? {} : { ErrorCode: '30005', ErrorMessage: 'Unknown destination' });
      await report('sent'); // a late report of an earlier state, too

      const after = expectOk(await v.api.get(`/v1/sms/${sms.id}`)).data;
      expect(after.status, `${first} then ${second}`).toBe(first);
      expect(after.error_code, `${first} then ${second}`).toBe(first === 'delivered' ? null : '30003');
      const ledger = expectOk(await v.api.get(`/v1/credits/ledger?related_id=${sms.id}`)).data.map((e: { kind: string; amount_cents: number }) => [e.kind, e.amount_cents]);
      expect(ledger, `${first} then ${second}`).toEqual(first === 'failed' ? [['refund', 7], ['sms', -7]] : [['sms', -7]]);
    }
    // One final event per message: the first final status's.
    const events = expectOk(await v.api.get('/v1/events?type=sms.*&limit=100')).data.map((e: { type: string }) => e.type);
    expect(events.filter((t: string) => t === 'sms.delivered')).toHaveLength(3);
    expect(events.filter((t: string) => t === 'sms.failed')).toHaveLength(6);
  });

  it('a failure report for an inbound message changes nothing', async () => {
    v = await startVoiceHarness();
    const num = await v.number({ inbound_mode: 'off' });
    const sid = `SM${'9'.repeat(32)}`;
    await v.twilio('/carrier/twilio/sms', { MessageSid: sid, AccountSid: 'AC', From: '+16288001111', To: num.phone_number, Body: 'hello', NumSegments: '1' });
    const received = expectOk(await v.api.get('/v1/sms')).data.find((m: { direction: string }) => m.direction === 'inbound');
    expect(received.status).toBe('received');
    await v.twilio('/carrier/twilio/sms-status', { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30003' });
    expect(expectOk(await v.api.get(`/v1/sms/${received.id}`)).data).toMatchObject({ status: 'received', error_code: null });
    expect(expectOk(await v.api.get('/v1/events?type=sms.failed')).data).toHaveLength(0);
  });
});
