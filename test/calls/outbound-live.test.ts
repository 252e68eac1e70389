import { afterEach, describe, expect, it } from 'vitest';
import { connectRelayCaller } from '../fakes/fake-relay-caller.js';
import { expectOk } from '../helpers/harness.js';
import { AUTH_TOKEN, type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

let v: VoiceHarness;
afterEach(async () => v?.close());

describe('outbound live calls', () => {
  it('places the call through the twilio SDK, connects it to the agent on answer, and bills outbound minutes', async () => {
    v = await startVoiceHarness();
    const num = await v.number({ first_message: 'Hello from the number' });
    v.agent.script(sseReply('Great, see you then.'));
    const placed = expectOk(await v.api.post('/v1/calls', { from: num.id, to: '+16287654321', first_message: 'Hi! Calling about your appointment.', system_prompt: 'You confirm appointments.' }), 201).data;
    expect(placed).toMatchObject({ status: 'queued', direction: 'outbound', from: num.phone_number, to: '+16287654321', livemode: true });

    const created = [...v.twilioRest.calls.values()][0]!;
    expect(created.to).toBe('+16287654321');
    expect(created.from).toBe(num.phone_number);
    expect(created.url).toBe(`https://gw.example.com/carrier/twilio/voice?call_id=${placed.id}`);
    expect(created.statusCallback).toBe('https://gw.example.com/carrier/twilio/status');
    expect(created.statusCallbackEvent).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(Number(created.params.TimeLimit)).toBeGreaterThanOrEqual(60);

    await v.twilio('/carrier/twilio/status', { CallSid: created.sid, CallStatus: 'ringing', SequenceNumber: '1' });
    expect(expectOk(await v.api.get(`/v1/calls/${placed.id}`)).data.status).toBe('ringing');

    // The callee answers: Twilio fetches the answer URL.
    const answer = await v.twilio('/carrier/twilio/voice', { CallSid: created.sid, From: num.phone_number, To: '+16287654321', Direction: 'outbound-api', CallStatus: 'in-progress' }, { query: `call_id=${placed.id}` });
    expect(answer.text).toContain('welcomeGreeting="Hi! Calling about your appointment."');
    const caller = await connectRelayCaller({
      wsUrl: `${v.wsBase}/carrier/twilio/relay`,
      signedUrl: 'wss://gw.example.com/carrier/twilio/relay',
      authToken: AUTH_TOKEN,
      setup: { callSid: created.sid, from: num.phone_number, to: '+16287654321', direction: 'outbound-api' },
      customParameters: { callId: placed.id },
    });
    caller.prompt('Yes, I will be there.');
    expect(await caller.nextText()).toBe('Great, see you then.');
    expect(v.agent.requests[0]!.body.messages[0]).toEqual({ role: 'system', content: 'You confirm appointments.' });
    expect(v.agent.requests[0]!.body.metadata.direction).toBe('outbound');

    const hung = await v.api.post(`/v1/calls/${placed.id}/hangup`);
    expect(hung.status).toBe(200);
    expect(created.updates.at(-1)).toMatchObject({ Status: 'completed' });
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: created.sid, CallStatus: 'completed', CallDuration: '65', SequenceNumber: '4' });
    const call = expectOk(await v.api.get(`/v1/calls/${placed.id}`)).data;
    expect(call).toMatchObject({ status: 'completed', billed_minutes: 2, cost_cents: 10, end_reason: 'hangup_requested' });
    const filtered = expectOk(await v.api.get(`/v1/calls?direction=outbound&number_id=${num.id}&status=completed`)).data;
    expect(filtered.map((c: { id: string }) => c.id)).toEqual([placed.id]);
    expect(expectOk(await v.api.get('/v1/calls?direction=inbound')).data).toEqual([]);
  });

  it('a carrier failure leaves no call record; busy and no-answer end without charge', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.twilioRest.failNext(/Calls\.json$/, { status: 400, code: 21215, message: 'Geographic permission required' });
    const res = await v.api.post('/v1/calls', { from: num.id, to: '+16287654321' });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain('Geographic permission');
    expect(expectOk(await v.api.get('/v1/calls')).data).toEqual([]);

    const placed = expectOk(await v.api.post('/v1/calls', { from: num.id, to: '+16287654321' }), 201).data;
    const sid = [...v.twilioRest.calls.keys()][0]!;
    await v.twilio('/carrier/twilio/status', { CallSid: sid, CallStatus: 'busy', CallDuration: '0', SequenceNumber: '2' });
    await eventually(async () => expectOk(await v.api.get(`/v1/calls/${placed.id}`)).data.status === 'busy');
    expect(expectOk(await v.api.get(`/v1/calls/${placed.id}`)).data).toMatchObject({ cost_cents: 0, end_reason: 'busy' });
  });
});
