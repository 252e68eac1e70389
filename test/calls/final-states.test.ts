import { afterEach, describe, expect, it } from 'vitest';
import { markConnected } from '../../src/calls/call-service.js';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, sseReply, startVoiceHarness } from '../helpers/voice.js';

// completed, busy, no-answer, failed and canceled are final: whatever order Twilio's status
// callbacks (and our own hang-ups) arrive in, the first final status stays. Only the carrier's
// duration may still reconcile the bill, once.

let v: VoiceHarness;
afterEach(async () => v?.close());

const getCall = async (id: string) => expectOk(await v.api.get(`/v1/calls/${id}`)).data;
const endedEvents = async (id: string) =>
  expectOk(await v.api.get('/v1/events?type=call.ended&limit=100')).data.filter((e: { data: { id: string } }) => e.data.id === id);

describe('call final states', () => {
  it('a completed call stays completed through later failed, busy, no-answer, canceled, ringing and in-progress callbacks', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script(sseReply('Hi.'));
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Hello');
    await caller.nextText();
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '30', SequenceNumber: '4' });
    const later: Array<Record<string, string>> = [
      { CallStatus: 'failed', CallDuration: '600' },
      { CallStatus: 'busy' },
      { CallStatus: 'no-answer', CallDuration: '0' },
      { CallStatus: 'canceled' },
      { CallStatus: 'ringing' },
      { CallStatus: 'in-progress' },
    ];
    for (const [i, p] of later.entries()) {
      expect((await v.twilio('/carrier/twilio/status', { CallSid: callSid, SequenceNumber: String(5 + i), ...p })).status).toBe(204);
    }
    expect(await getCall(callId)).toMatchObject({ status: 'completed', duration_seconds: 30, billed_minutes: 1 });
    expect(await endedEvents(callId)).toHaveLength(1);
  });

  it('a busy outbound call stays busy when a late answer and a completed callback follow, and is not billed', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const placed = expectOk(await v.api.post('/v1/calls', { from: num.id, to: '+16287654321' }), 201).data;
    const sid = [...v.twilioRest.calls.keys()][0]!;
    await v.twilio('/carrier/twilio/status', { CallSid: sid, CallStatus: 'busy', CallDuration: '0', SequenceNumber: '2' });
    const answer = await v.twilio('/carrier/twilio/voice', { CallSid: sid, From: num.phone_number, To: '+16287654321', Direction: 'outbound-api', CallStatus: 'in-progress' }, { query: `call_id=${placed.id}` });
    expect(answer.text).toContain('<Hangup/>');
    await v.twilio('/carrier/twilio/status', { CallSid: sid, CallStatus: 'completed', CallDuration: '65', SequenceNumber: '4' });
    expect(await getCall(placed.id)).toMatchObject({ status: 'busy', billed_minutes: 0, cost_cents: 0 });
    expect(await endedEvents(placed.id)).toHaveLength(1);
  });

  it('a call we hung up before the answer stays canceled, even if the relay connects late', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const placed = expectOk(await v.api.post('/v1/calls', { from: num.id, to: '+16287654321' }), 201).data;
    const sid = [...v.twilioRest.calls.keys()][0]!;
    const stale = await v.h.opened.db.selectFrom('calls').selectAll().where('id', '=', placed.id).executeTakeFirstOrThrow();
    expect(expectOk(await v.api.post(`/v1/calls/${placed.id}/hangup`)).data.status).toBe('canceled');
    await v.twilio('/carrier/twilio/status', { CallSid: sid, CallStatus: 'completed', CallDuration: '0', SequenceNumber: '3' });
    expect(await getCall(placed.id)).toMatchObject({ status: 'canceled', billed_minutes: 0 });

    // The relay setup raced the cancel: it read the call before it ended and connects now.
    const after = await markConnected({ db: v.h.opened.db, clock: v.h.clock, config: v.h.config, log: v.h.app.log }, stale);
    expect(after.status).toBe('canceled');
    expect(await getCall(placed.id)).toMatchObject({ status: 'canceled', answered_at: null });
    expect(expectOk(await v.api.get('/v1/events?type=call.started')).data).toHaveLength(0);
  });
});
