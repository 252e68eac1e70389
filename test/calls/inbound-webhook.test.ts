import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

let v: VoiceHarness;
afterEach(async () => v?.close());

describe('inbound call to a webhook number', () => {
  it('answers with ConversationRelay TwiML, streams the agent reply, and records, bills and reports the call', async () => {
    v = await startVoiceHarness();
    const num = await v.number({ first_message: 'Hi, Acme here. How can I help?', voice_id: 'voice123', language: 'en-GB' });
    v.agent.script(sseReply('Sure, ', 'I can ', 'help with that.'));

    const { caller, callId, callSid, twiml } = await v.call(num.phone_number, { from: '+16289230000' });
    expect(twiml).toContain('<ConversationRelay url="wss://gw.example.com/carrier/twilio/relay"');
    expect(twiml).toContain('welcomeGreeting="Hi, Acme here. How can I help?"');
    expect(twiml).toContain('dtmfDetection="true"');
    expect(twiml).toContain('interruptible="any"');
    expect(twiml).toContain('language="en-GB"');
    expect(twiml).toContain('voice="voice123"');
    expect(twiml).toContain('action="https://gw.example.com/carrier/twilio/relay-action"');

    caller.prompt("Hi, I'd like to schedule an appointment.");
    expect(await caller.nextText()).toBe('Sure, I can help with that.');
    // Each delta went out as its own frame, in order.
    expect(caller.received.filter((f) => f.type === 'text').map((f) => f.token)).toEqual(['Sure, ', 'I can ', 'help with that.', '']);

    const sent = v.agent.requests[0]!;
    expect(sent.body).toMatchObject({
      model: 'custom',
      stream: true,
      messages: [
        { role: 'system', content: 'You are a helpful test agent.' },
        { role: 'assistant', content: 'Hi, Acme here. How can I help?' },
        { role: 'user', content: "Hi, I'd like to schedule an appointment." },
      ],
      metadata: { call_id: callId, number_id: num.id, from: '+16289230000', to: num.phone_number, direction: 'inbound', channel: 'voice' },
    });
    expect(sent.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['end_call', 'transfer_call', 'send_digits']);
    expect(sent.headers['x-agentline-call-id']).toBe(callId);
    const secret = expectOk(await v.api.get(`/v1/numbers/${num.id}`)).data.webhook_secret;
    expect(() => new Webhook(secret).verify(sent.rawBody, sent.headers as Record<string, string>)).not.toThrow();

    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ status: 'in-progress', direction: 'inbound', billed_minutes: 1, cost_cents: 3 });

    await caller.hangup();
    const done = await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '75', SequenceNumber: '3', AccountSid: 'AC' });
    expect(done.status).toBe(204);
    const call = expectOk(await v.api.get(`/v1/calls/${callId}`)).data;
    expect(call).toMatchObject({ status: 'completed', duration_seconds: 75, billed_minutes: 2, cost_cents: 6, end_reason: 'caller_hangup', turn_count: 3 });

    const transcript = expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data;
    expect(transcript.turns.map((t: { speaker: string; text: string }) => [t.speaker, t.text])).toEqual([
      ['agent', 'Hi, Acme here. How can I help?'],
      ['caller', "Hi, I'd like to schedule an appointment."],
      ['agent', 'Sure, I can help with that.'],
    ]);
    const agentTurn = transcript.turns[2];
    expect(agentTurn.timings.first_token_ms).toBeGreaterThanOrEqual(0);
    expect(agentTurn.timings.gateway_added_ms).toBeGreaterThanOrEqual(0);
    // ConversationRelay does its own speech: the gateway has no speech timings to report.
    expect(agentTurn.timings).toMatchObject({ endpointing_ms: null, stt_ms: null, tts_first_byte_ms: null, first_audio_ms: null });
    expect(agentTurn.interrupted).toBe(false);

    const ledger = expectOk(await v.api.get(`/v1/credits/ledger?related_id=${callId}`)).data;
    expect(ledger.map((e: { kind: string; amount_cents: number }) => [e.kind, e.amount_cents])).toEqual([['call_minutes', -3], ['call_minutes', -3]]);
    const events = expectOk(await v.api.get('/v1/events?type=call.*')).data.map((e: { type: string }) => e.type);
    expect(events).toEqual(['call.transcript.ready', 'call.ended', 'call.started']);

    // A repeated callback changes nothing.
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '75', SequenceNumber: '3', AccountSid: 'AC' });
    expect(expectOk(await v.api.get('/v1/credits/ledger')).data.filter((e: { kind: string }) => e.kind === 'call_minutes')).toHaveLength(2);
  });
});
