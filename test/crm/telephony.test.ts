import { afterEach, describe, expect, it } from 'vitest';
import { logQuietSmsThreads } from '../../src/crm/telephony/conversation-crm.js';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

// Calls and SMS land in the CRM: matched to a contact, the agent gets the caller's context, the
// managed agent's CRM tools act on that contact, and the conversation is logged on its timeline.

let v: VoiceHarness;
afterEach(async () => v?.close());

const CALLER = '+16289230000';

async function contactWithTicket() {
  const contact = expectOk(await v.api.post('/v1/contacts', { name: 'Jane Doe', email: 'jane@acme.com', company_name: 'Acme Corp', phones: ['(628) 923-0000'] }), 201).data;
  expectOk(await v.api.post('/v1/support/tickets', { subject: 'Billing address wrong', contact_id: contact.id }), 201);
  return contact;
}

describe('calls in the CRM', () => {
  it('a known caller to a managed number: context, a ticket via create_ticket, a call activity on the contact', async () => {
    v = await startVoiceHarness();
    const contact = await contactWithTicket();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'You are Acme support.' }), 201).data;
    v.openai.script((_req, n) =>
      n === 0
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 'tc1', name: 'create_ticket', arguments: '{"subject":"Cannot download invoice","priority":"high"}' } }, { finish: 'tool_calls' }, { done: true }] }
        : sseReply("I've opened a ticket for you."),
    );

    const { caller, callId, callSid } = await v.call(num.phone_number, { from: CALLER });
    caller.prompt("I can't download my invoice.");
    expect(await caller.nextText()).toBe("I've opened a ticket for you.");

    const first = v.openai.requests[0]!.body;
    expect(first.messages[0].content).toContain('You are Acme support.');
    expect(first.messages[0].content).toContain(`Caller (from the CRM): Jane Doe, at Acme Corp (contact ${contact.id}`);
    expect(first.messages[0].content).toContain('Open tickets: Billing address wrong');
    const second = v.openai.requests[1]!.body.messages;
    expect(second.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'tc1' }] });
    expect(second.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'tc1' });
    expect(JSON.parse(second.at(-1).content).ticket_id).toMatch(/^ticket_/);

    await caller.hangup();
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '95', SequenceNumber: '4' });

    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ contact_id: contact.id });
    const tickets = expectOk(await v.api.get(`/v1/support/tickets?contact_id=${contact.id}&source=phone`)).data;
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ subject: 'Cannot download invoice', priority: 'high', source: 'phone', call_id: callId });
    const messages = expectOk(await v.api.get(`/v1/support/tickets/${tickets[0].id}/messages`)).data;
    expect(messages[0].body).toContain("caller: I can't download my invoice.");
    expect(messages[0].body).toContain("agent: I've opened a ticket for you.");

    const activities = expectOk(await v.api.get(`/v1/activities?related_resource_id=${contact.id}`)).data;
    expect(activities.map((a: { type: string }) => a.type).sort()).toEqual(['agent_action', 'call']);
    const callActivity = activities.find((a: { type: string }) => a.type === 'call');
    expect(callActivity).toMatchObject({ summary: 'Inbound call, 2 min, caller_hangup', metadata: { call_id: callId, transcript_url: `/v1/calls/${callId}/transcript` } });

    const timeline = expectOk(await v.api.get(`/v1/contacts/${contact.id}/timeline`)).data.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['call', 'ticket', 'activity']));
  });

  it('webhook agents get the contact id in metadata and a header; unknown callers have none', async () => {
    v = await startVoiceHarness();
    const contact = await contactWithTicket();
    const num = await v.number();
    v.agent.script(sseReply('Hello Jane.'));
    const known = await v.call(num.phone_number, { from: CALLER });
    known.caller.prompt('Hi');
    await known.caller.nextText();
    expect(v.agent.requests[0]!.body.metadata.contact_id).toBe(contact.id);
    expect(v.agent.requests[0]!.headers['x-agentline-contact-id']).toBe(contact.id);
    expect(v.agent.requests[0]!.body.tools).toHaveLength(3); // call tools only: webhook agents use the API for the CRM
    await known.caller.hangup();

    const stranger = await v.call(num.phone_number, { from: '+16289990000' });
    stranger.caller.prompt('Hi');
    await stranger.caller.nextText();
    expect(v.agent.requests[1]!.body.metadata.contact_id).toBeUndefined();
    expect(expectOk(await v.api.get(`/v1/calls/${stranger.callId}`)).data.contact_id).toBeNull();
    await stranger.caller.hangup();
  });
});

describe('SMS in the CRM', () => {
  it('matches texts to the contact and logs the thread once it goes quiet', async () => {
    v = await startVoiceHarness();
    const contact = await contactWithTicket();
    const num = await v.number();
    v.agent.script(sseReply('Thanks Jane!'));
    await v.twilio('/carrier/twilio/sms', { MessageSid: 'SM' + '1'.repeat(32), From: CALLER, To: num.phone_number, Body: 'Hello there' });
    await eventually(async () => expectOk(await v.api.get('/v1/sms?direction=outbound')).data.length === 1);
    const thread = expectOk(await v.api.get(`/v1/sms?counterpart=${encodeURIComponent(CALLER)}`)).data;
    expect(thread.map((m: { contact_id: string }) => m.contact_id)).toEqual([contact.id, contact.id]);

    const deps = { db: v.h.opened.db, clock: v.h.clock, log: v.h.app.log };
    expect(await logQuietSmsThreads(deps, 10 * 60_000)).toBe(0); // still active
    v.h.clock.advance(11 * 60_000);
    expect(await logQuietSmsThreads(deps, 10 * 60_000)).toBe(1);
    expect(await logQuietSmsThreads(deps, 10 * 60_000)).toBe(0); // once per quiet spell
    const sms = expectOk(await v.api.get(`/v1/activities?related_resource_id=${contact.id}&type=sms`)).data;
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ summary: 'SMS conversation, 2 messages' });
    expect(sms[0].body).toBe('them: Hello there\nus: Thanks Jane!');
  });
});

describe('leads for strangers', () => {
  it('a number with crm.create_leads opens one lead per unknown caller or texter', async () => {
    v = await startVoiceHarness();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'Sales line.', crm: { create_leads: true } }), 201).data;
    expect(num.crm).toEqual({ create_leads: true });
    v.openai.script(sseReply('Hi!'));
    const a = await v.call(num.phone_number, { from: '+16287770001' });
    await a.caller.hangup();
    const b = await v.call(num.phone_number, { from: '+16287770001' }); // calls again: same lead
    await b.caller.hangup();
    await v.twilio('/carrier/twilio/sms', { MessageSid: 'SM' + '2'.repeat(32), From: '+16287770002', To: num.phone_number, Body: 'Do you ship to Canada?' });
    const leads = expectOk(await v.api.get('/v1/leads')).data;
    expect(leads.map((l: { source: string; phone: string }) => [l.source, l.phone]).sort()).toEqual([['phone', '+16287770001'], ['sms', '+16287770002']]);
    expect(expectOk(await v.api.get('/v1/events?type=lead.created')).data).toHaveLength(2);

    // Known contacts and numbers without the setting open none.
    expectOk(await v.api.post('/v1/contacts', { name: 'Known', phones: ['+16287770003'] }), 201);
    const c = await v.call(num.phone_number, { from: '+16287770003' });
    await c.caller.hangup();
    const plain = await v.number();
    const d = await v.call(plain.phone_number, { from: '+16287770004' });
    await d.caller.hangup();
    expect(expectOk(await v.api.get('/v1/leads')).data).toHaveLength(2);
  });

  it('a managed SMS agent can open a ticket for the texter, source sms', async () => {
    v = await startVoiceHarness();
    const contact = await contactWithTicket();
    const num = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'Support by text.' }), 201).data;
    v.openai.script((_r, n) =>
      n === 0
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 't1', name: 'create_ticket', arguments: '{"subject":"Package arrived damaged"}' } }, { finish: 'tool_calls' }, { done: true }] }
        : sseReply('Sorry about that, I opened ticket for you.'),
    );
    await v.twilio('/carrier/twilio/sms', { MessageSid: 'SM' + '3'.repeat(32), From: CALLER, To: num.phone_number, Body: 'My package arrived damaged' });
    await eventually(async () => expectOk(await v.api.get('/v1/sms?direction=outbound')).data.length === 1);
    const tickets = expectOk(await v.api.get(`/v1/support/tickets?contact_id=${contact.id}&source=sms`)).data;
    expect(tickets).toHaveLength(1);
    expect(tickets[0].subject).toBe('Package arrived damaged');
    expect(v.openai.requests[0]!.body.messages[0].content).toContain('Caller (from the CRM): Jane Doe');
  });
});
