import { afterEach, describe, expect, it } from 'vitest';
import { recoverInterruptedCalls } from '../../src/calls/recovery.js';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

let v: VoiceHarness;
afterEach(async () => v?.close());

const ledgerFor = async (id: string) =>
  expectOk(await v.api.get(`/v1/credits/ledger?related_id=${id}`)).data.map((e: { kind: string; amount_cents: number }) => [e.kind, e.amount_cents]).reverse();

describe('minute metering', () => {
  it('ends the call at the minute boundary with a goodbye when credits run out', async () => {
    // Minutes are shortened to 400 ms; each costs $3.00 and the balance pays for three.
    v = await startVoiceHarness({ env: { AGENTLINE_BILLING_MINUTE_MS: '400', AGENTLINE_PRICE_INBOUND_MINUTE_CENTS: '300' }, credits: 1000 });
    const num = await v.number();
    const balanceBefore = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents; // 1000 - 500 number fee
    expect(balanceBefore).toBe(500);
    v.agent.script(sseReply('Hello there.'));
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Hi');
    expect(await caller.nextText()).toBe('Hello there.');
    expect(await caller.nextText(3000)).toBe('This call has reached its time limit. Goodbye.');
    const end = await caller.waitFor((f) => f.type === 'end', 5000);
    expect(JSON.parse(end.handoffData).reason).toBe('insufficient_credits');
    // 500 cents pay one $3 minute: exactly one minute was charged before the call ended.
    expect(expectOk(await v.api.get(`/v1/credits/ledger?related_id=${callId}&kind=call_minutes`)).data).toHaveLength(1);
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '1', SequenceNumber: '5' });
    const call = expectOk(await v.api.get(`/v1/calls/${callId}`)).data;
    expect(call).toMatchObject({ status: 'completed', end_reason: 'insufficient_credits' });
    const balance = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents;
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(balance).toBe(500 - call.cost_cents);
    const ledger = expectOk(await v.api.get('/v1/credits/ledger')).data;
    expect(ledger.reduce((s: number, e: { amount_cents: number }) => s + e.amount_cents, 0)).toBe(balance);
  });

  it('refunds minutes charged beyond the carrier\'s final duration', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_BILLING_MINUTE_MS: '300' } });
    const num = await v.number();
    v.agent.script(sseReply('Hi.'));
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Hello');
    await caller.nextText();
    await eventually(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.billed_minutes >= 3);
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '0', SequenceNumber: '4' });
    const call = expectOk(await v.api.get(`/v1/calls/${callId}`)).data;
    expect(call).toMatchObject({ billed_minutes: 0, cost_cents: 0 });
    const entries = await ledgerFor(callId);
    expect(entries.at(-1)![0]).toBe('refund');
    expect(entries.reduce((s: number, e: [string, number]) => s + e[1], 0)).toBe(0);
  });

  it('status callbacks out of order do not move a call backwards', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const { caller, callId, callSid } = await v.call(num.phone_number);
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '30', SequenceNumber: '4' });
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'ringing', SequenceNumber: '1' });
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ status: 'completed', duration_seconds: 30, billed_minutes: 1 });
  });
});

describe('crash recovery', () => {
  it('closes calls whose sessions are gone, billed from the carrier or their last known time', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script(sseReply('Hello.'));
    const a = await v.call(num.phone_number);
    const b = await v.call(num.phone_number);
    a.caller.prompt('hi');
    await a.caller.nextText();
    v.h.clock.advance(5_000);
    // The process dies: sockets drop, no status callback ever arrives.
    await a.caller.hangup();
    await b.caller.hangup();
    await eventually(async () => v.h.app.voice.registry.size === 0);
    expect(expectOk(await v.api.get(`/v1/calls/${a.callId}`)).data.status).toBe('in-progress');

    // The carrier still knows call B as completed after 125 s.
    v.twilioRest.calls.set(b.callSid, { sid: b.callSid, to: num.phone_number, from: '+15005550006', status: 'completed', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates: [], duration: 125 });
    const recovered = await recoverInterruptedCalls({ db: v.h.opened.db, clock: v.h.clock, config: v.h.config, log: v.h.app.log, dialers: v.h.app.voice.dialers });
    expect(recovered).toBe(2);

    const callA = expectOk(await v.api.get(`/v1/calls/${a.callId}`)).data;
    expect(callA).toMatchObject({ status: 'completed', end_reason: 'caller_hangup', billed_minutes: 1 });
    const callB = expectOk(await v.api.get(`/v1/calls/${b.callId}`)).data;
    expect(callB).toMatchObject({ status: 'completed', duration_seconds: 125, billed_minutes: 3, cost_cents: 9 });
    const events = expectOk(await v.api.get('/v1/events?type=call.ended')).data;
    expect(events).toHaveLength(2);
    expect(await recoverInterruptedCalls({ db: v.h.opened.db, clock: v.h.clock, config: v.h.config, log: v.h.app.log, dialers: v.h.app.voice.dialers })).toBe(0);
  });
});
