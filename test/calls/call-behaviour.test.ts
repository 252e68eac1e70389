import { afterEach, describe, expect, it } from 'vitest';
import { RelayConnectError, connectRelayCaller } from '../fakes/fake-relay-caller.js';
import { expectOk } from '../helpers/harness.js';
import { AUTH_TOKEN, type VoiceHarness, eventually, newCallSid, sseReply, startVoiceHarness } from '../helpers/voice.js';

let v: VoiceHarness;
afterEach(async () => v?.close());

const turns = async (callId: string) => expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data.turns;

describe('managed agents', () => {
  it('streams the model through the openai SDK with the number\'s system prompt', async () => {
    v = await startVoiceHarness();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'You are Acme\'s receptionist.' }), 201).data;
    expect(num.mode).toBe('managed');
    v.openai.script(sseReply('Good ', 'morning!'));
    const { caller, callId } = await v.call(num.phone_number);
    caller.prompt('Hello?');
    expect(await caller.nextText()).toBe('Good morning!');
    const req = v.openai.requests[0]!;
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'system', content: "You are Acme's receptionist." }, { role: 'user', content: 'Hello?' }] });
    expect(req.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['end_call', 'transfer_call', 'send_digits', 'lookup_contact', 'create_ticket', 'create_task', 'log_note']);
    expect(v.agent.requests).toHaveLength(0);
    await caller.hangup();
    await eventually(async () => (await turns(callId)).length === 2);
  });

  it('end_call from the model: goodbye, end, then the action URL hangs up', async () => {
    v = await startVoiceHarness();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    v.openai.script({ steps: [{ role: true }, { toolCall: { index: 0, id: 'call_1', name: 'end_call', arguments: '{"goodbye":"Thanks for calling, bye!"}' } }, { finish: 'tool_calls' }, { done: true }] });
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('That is all, thanks.');
    expect(await caller.nextText()).toBe('Thanks for calling, bye!');
    const end = await caller.waitFor((f) => f.type === 'end', 5000);
    expect(JSON.parse(end.handoffData)).toEqual({ reason: 'agent_ended' });
    const action = await v.twilio('/carrier/twilio/relay-action', { CallSid: callSid, CallStatus: 'in-progress', SessionStatus: 'ended', HandoffData: end.handoffData });
    expect(action.text).toContain('<Hangup/>');
    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '20', SequenceNumber: '9' });
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ status: 'completed', end_reason: 'agent_ended' });
    // The goodbye is the text of the turn that called end_call: no empty turn before it.
    const t = await turns(callId);
    expect(t.map((x: { speaker: string; text: string }) => [x.speaker, x.text])).toEqual([['caller', 'That is all, thanks.'], ['agent', 'Thanks for calling, bye!']]);
    expect(t[1].tool_calls[0].function.name).toBe('end_call');
  });
});

describe('webhook tools, barge-in and DTMF', () => {
  it('transfer_call streamed by the webhook dials the number through the relay action', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script({ steps: [{ role: true }, { delta: 'One moment.' }, { toolCall: { index: 0, id: 't1', name: 'transfer_call', arguments: '{"to":"+14155550199"}' } }, { finish: 'tool_calls' }, { done: true }] });
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Can I talk to a person?');
    expect(await caller.nextText()).toBe('One moment.');
    expect(await caller.nextText()).toBe('Transferring you now.');
    const end = await caller.waitFor((f) => f.type === 'end', 5000);
    expect(JSON.parse(end.handoffData)).toEqual({ reason: 'transferred', transferTo: '+14155550199' });
    const action = await v.twilio('/carrier/twilio/relay-action', { CallSid: callSid, CallStatus: 'in-progress', SessionStatus: 'ended', HandoffData: end.handoffData });
    expect(action.text).toMatch(/<Dial callerId="\+1\d+">\+14155550199<\/Dial>/);
    await caller.hangup();
    await eventually(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.transfer_to === '+14155550199');
  });

  it('barge-in aborts the webhook request and keeps only what the caller heard', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    let release!: () => void;
    const never = new Promise<void>((r) => (release = r));
    v.agent.script((_req, n) => (n === 0 ? { steps: [{ role: true }, { delta: 'Our opening hours are ' }, { delta: 'Monday to Friday, ' }, { until: never }, { delta: 'nine to five.' }, { done: true }] } : sseReply('Of course.')));
    const { caller, callId } = await v.call(num.phone_number);
    caller.prompt('When are you open?');
    await caller.waitFor((f) => f.type === 'text' && f.token === 'Monday to Friday, ');
    caller.interrupt('Our opening hours are', 900);
    await v.agent.requests[0]!.closed;
    expect(v.agent.requests[0]!.closedEarly).toBe(true);
    caller.prompt('Sorry, and on weekends?');
    // The aborted cycle gets no last:true (ConversationRelay already stopped speaking it).
    await caller.waitFor((f) => f.type === 'text' && f.token === 'Of course.');
    expect(caller.received.filter((f) => f.type === 'text').map((f) => f.token)).toEqual(['Our opening hours are ', 'Monday to Friday, ', 'Of course.', '']);
    release();
    expect(v.agent.requests[1]!.body.messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'Our opening hours are' },
      { role: 'user', content: 'Sorry, and on weekends?' },
    ]);
    await caller.hangup();
    await eventually(async () => (await turns(callId)).length === 4);
    const t = await turns(callId);
    expect(t[1]).toMatchObject({ speaker: 'agent', text: 'Our opening hours are', interrupted: true });
  });

  it('send_digits from the agent presses keys towards the other party', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script({ steps: [{ role: true }, { delta: 'Choosing sales.' }, { toolCall: { index: 0, id: 'd1', name: 'send_digits', arguments: '{"digits":"1w2#"}' } }, { finish: 'tool_calls' }, { done: true }] });
    const { caller } = await v.call(num.phone_number);
    caller.prompt('Press 1 for sales.');
    expect(await caller.nextText()).toBe('Choosing sales.');
    expect(await caller.waitFor((f) => f.type === 'sendDigits')).toEqual({ type: 'sendDigits', digits: '1w2#' });
    expect(caller.received.some((f) => f.type === 'end')).toBe(false); // the call goes on
    await caller.hangup();
  });

  it('DTMF digits reach the agent as a user turn', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script(sseReply('You pressed one two.'));
    const { caller } = await v.call(num.phone_number);
    caller.dtmf('1');
    caller.dtmf('2');
    caller.dtmf('#');
    expect(await caller.nextText()).toBe('You pressed one two.');
    expect(v.agent.requests[0]!.body.messages.at(-1)).toEqual({ role: 'user', content: '[The caller pressed 1 2 # on the keypad]' });
    await caller.hangup();
  });
});

describe('no dead air', () => {
  it('a slow agent gets the fallback line after the first-token timeout; a 500 too; three failures end the call', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS: '300' } });
    const num = await v.number();
    v.agent.script((_req, n) => (n === 1 ? { status: 500, body: 'boom' } : { hang: true }));
    const { caller, callId } = await v.call(num.phone_number);
    caller.prompt('Hello?');
    expect(await caller.nextText()).toBe("Sorry, I'm having trouble right now. Could you say that again?");
    await v.agent.requests[0]!.closed; // the hung request was aborted
    caller.prompt('Hello??');
    expect(await caller.nextText()).toBe("Sorry, I'm having trouble right now. Could you say that again?");
    caller.prompt('Anyone there?');
    expect(await caller.nextText()).toContain("I'm sorry, I can't continue this call right now");
    const end = await caller.waitFor((f) => f.type === 'end', 8000);
    expect(JSON.parse(end.handoffData).reason).toBe('agent_failed');
    await caller.hangup();
    await eventually(async () => (await turns(callId)).length >= 7);
    const errors = (await turns(callId)).filter((t: { error: string | null }) => t.error).map((t: { error: string }) => t.error);
    expect(errors[0]).toBe('timeout');
    expect(errors[1]).toContain('500');
  });

  it('one hung agent does not delay another call', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS: '3000' } });
    const slow = await v.number();
    const fast = await v.number();
    v.agent.script((req) => (req.body.metadata.number_id === slow.id ? { hang: true } : sseReply('Fast answer.')));
    const a = await v.call(slow.phone_number);
    const b = await v.call(fast.phone_number);
    a.caller.prompt('Hello slow');
    b.caller.prompt('Hello fast');
    expect(await b.caller.nextText()).toBe('Fast answer.');
    // The fast call was answered while the slow agent still hangs and its caller heard nothing yet.
    // (On PostgreSQL the slow call's session may still be starting when the fast answer comes.)
    await eventually(async () => v.agent.requests.some((r) => r.body.metadata.number_id === slow.id));
    expect(v.agent.requests.find((r) => r.body.metadata.number_id === slow.id)!.closedEarly).toBe(false);
    expect(a.caller.received.filter((f) => f.type === 'text')).toEqual([]);
    await a.caller.hangup();
    await b.caller.hangup();
  });
});

describe('signatures', () => {
  it('refuses forged webhooks (403) and changes nothing', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const params = { CallSid: newCallSid(), From: '+15005550006', To: num.phone_number, Direction: 'inbound' };
    for (const signature of ['', 'Zm9yZ2Vk', 'bm90IGl0']) {
      const res = await v.twilio('/carrier/twilio/voice', params, { signature });
      expect(res.status).toBe(403);
    }
    const tampered = await v.twilio('/carrier/twilio/status', { CallSid: 'CA1', CallStatus: 'completed' }, { signature: 'x' });
    expect(tampered.status).toBe(403);
    expect(expectOk(await v.api.get('/v1/calls')).data).toEqual([]);
  });

  it('refuses a relay WebSocket with a forged signature before the upgrade', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const { callId, caller } = await v.call(num.phone_number);
    const forged = connectRelayCaller({ wsUrl: `${v.wsBase}/carrier/twilio/relay`, signedUrl: 'wss://gw.example.com/carrier/twilio/relay', authToken: 'wrong-token', customParameters: { callId } });
    await expect(forged).rejects.toBeInstanceOf(RelayConnectError);
    await expect(forged).rejects.toMatchObject({ status: 403 });
    // The https:// URL is not what Twilio signs for a socket.
    const wrongScheme = connectRelayCaller({ wsUrl: `${v.wsBase}/carrier/twilio/relay`, signedUrl: 'https://gw.example.com/carrier/twilio/relay', authToken: AUTH_TOKEN, customParameters: { callId } });
    await expect(wrongScheme).rejects.toMatchObject({ status: 403 });
    await caller.hangup();
  });
});

describe('refusals', () => {
  it('inbound_mode off, unknown numbers and an empty balance get a spoken reason and no charge', async () => {
    v = await startVoiceHarness();
    const off = await v.number({ inbound_mode: 'off' });
    const r1 = await v.twilio('/carrier/twilio/voice', { CallSid: newCallSid(), From: '+15005550006', To: off.phone_number, Direction: 'inbound' });
    expect(r1.text).toContain('<Say');
    expect(r1.text).toContain('<Hangup/>');
    expect(r1.text).not.toContain('ConversationRelay');
    const r2 = await v.twilio('/carrier/twilio/voice', { CallSid: newCallSid(), From: '+15005550006', To: '+19999999999', Direction: 'inbound' });
    expect(r2.text).toContain('not in service');
    const calls = expectOk(await v.api.get('/v1/calls')).data;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ end_reason: 'refused_inbound_off', cost_cents: 0 });
    expect(expectOk(await v.api.get('/v1/credits/ledger?kind=call_minutes')).data).toEqual([]);
  });
});
