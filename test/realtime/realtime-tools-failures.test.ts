import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyContext, ScriptedReply } from '../fakes/fake-realtime.js';
import { expectOk } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';
import { type RealtimeRig, realtimeNumber, ring, slowly, startRealtimeRig, utterance } from './helpers.js';

// A realtime call's tools (CRM and call control) and what happens when the Realtime socket fails.

let rig: RealtimeRig;
let replies: Array<ScriptedReply | ((ctx: ReplyContext) => ScriptedReply)> = [];
let transcripts: string[] = [];

beforeAll(async () => {
  rig = await startRealtimeRig({
    realtime: {
      reply: (ctx) => {
        const r = replies.shift() ?? { say: 'Okay.' };
        return typeof r === 'function' ? r(ctx) : r;
      },
      get transcripts() {
        return transcripts;
      },
    },
  });
});
afterAll(async () => rig?.close());

const shipped = (name: string) => readFileSync(new URL(`../../media/${name}.ulaw`, import.meta.url));
const heardAudio = (caller: { audioFrames(): Buffer[] }) => Buffer.concat(caller.audioFrames());
type Turn = { speaker: string; text: string; tool_calls: Array<{ function: { name: string } }> | null };

describe('realtime tools', () => {
  it('runs a CRM tool, answers with function_call_output and response.create, then transfers through REST after the last words', async () => {
    replies = [
      { say: 'Let me open a ticket.', call: { name: 'create_ticket', arguments: { subject: 'Broken router' } } },
      { say: 'Your ticket is open.' },
      { say: 'Connecting you.', call: { name: 'transfer_call', arguments: { to: '+14155550199' } } },
    ];
    transcripts = ['My router is broken.', 'Can I talk to a person?'];
    const number = await realtimeNumber(rig);
    const before = rig.realtime.connections.length;
    const { callId, callSid, caller } = await ring(rig, number.phone_number);
    await rig.realtime.waitForConnections(before + 1);
    const conn = rig.realtime.connections[before]!;
    await eventually(async () => conn.session !== null);

    await caller.play(utterance());
    // The tool ran in the CRM; its result went back to the model, and only then a new response.
    await eventually(async () => conn.events.some((e) => e.type === 'response.create'), 10_000);
    const i = conn.events.findIndex((e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output');
    expect(i).toBeGreaterThanOrEqual(0);
    const output = (conn.events[i] as { item: { call_id: string; output: string } }).item;
    expect(output.call_id).toMatch(/^call_/);
    expect(JSON.parse(output.output)).toMatchObject({ ticket_id: expect.stringMatching(/^ticket_/) });
    expect(conn.events.findIndex((e) => e.type === 'response.create')).toBeGreaterThan(i);
    const tickets = expectOk(await rig.v.api.get('/v1/support/tickets')).data as Array<{ subject: string; call_id: string | null }>;
    expect(tickets.find((t) => t.subject === 'Broken router')).toMatchObject({ call_id: callId });

    // Wait for "Your ticket is open." to be heard, then ask for a person.
    await eventually(async () => conn.deltas.length >= 10 && caller.echoedMarks.length >= conn.deltas.length, 10_000);
    const ttsBefore = rig.speech.speech.length;
    await caller.play(utterance());
    expect((await caller.closed).code).toBe(1000);
    // The model's words, then the transfer line (exactly as agent-turn.ts says it), then the REST <Dial>.
    expect(rig.speech.speech.slice(ttsBefore).map((r) => r.body.input)).toEqual(['Transferring you now.']);
    expect(caller.received.at(-1)!.event).toBe('mark');
    expect(rig.v.twilioRest.calls.get(callSid)!.updates.map((u) => u.Twiml)).toEqual([
      `<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="${number.phone_number}">+14155550199</Dial></Response>`,
    ]);
    await slowly(async () => expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.transfer_to === '+14155550199');
    await slowly(async () => ((await rig.v.api.get(`/v1/calls/${callId}/transcript`)).body?.data?.turns?.length ?? 0) >= 5);
    const turns = expectOk(await rig.v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Turn[];
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['caller', 'My router is broken.'],
      ['agent', 'Let me open a ticket.'],
      ['agent', 'Your ticket is open.'],
      ['caller', 'Can I talk to a person?'],
      ['agent', 'Connecting you. Transferring you now.'],
    ]);
    expect(turns[1]!.tool_calls!.map((c) => c.function.name)).toEqual(['create_ticket']);
    expect(turns[4]!.tool_calls!.map((c) => c.function.name)).toEqual(['transfer_call']);
  }, 60_000);
});

describe('a failing Realtime socket', () => {
  it('plays the fallback, reconnects once seeded with the conversation, and ends politely when it fails again', async () => {
    replies = [{ say: 'I am back.' }];
    transcripts = ['Are you there?'];
    const number = await realtimeNumber(rig, { first_message: 'Hello from Acme.' });
    // The first open is refused: the caller hears the fallback, and the gateway tries once more.
    rig.realtime.refuseNext(503);
    const before = rig.realtime.connections.length;
    const { callId, callSid, caller } = await ring(rig, number.phone_number);
    await rig.realtime.waitForConnections(before + 1);
    const conn = rig.realtime.connections[before]!;
    await eventually(async () => conn.session !== null);
    await eventually(async () => heardAudio(caller).indexOf(shipped('fallback')) >= 0, 10_000);
    // The new session knows what was said so far.
    await eventually(async () => conn.events.some((e) => e.type === 'conversation.item.create' && JSON.stringify(e.item).includes('Hello from Acme.')));

    await caller.play(utterance());
    await eventually(async () => conn.deltas.length >= 6 && caller.echoedMarks.length >= 3, 10_000);

    // Mid-call, the model sends an error: fallback again, no second reconnect, the failure
    // goodbye (shipped audio), then the end through REST.
    conn.fail('error');
    expect((await caller.closed).code).toBe(1000);
    const audio = heardAudio(caller);
    const fallbackAt = audio.lastIndexOf(shipped('fallback'));
    expect(audio.indexOf(shipped('fallback'))).toBeLessThan(fallbackAt);
    expect(audio.indexOf(shipped('failure_goodbye'))).toBeGreaterThan(fallbackAt);
    expect(rig.realtime.connections.length).toBe(before + 1);
    expect(rig.v.twilioRest.calls.get(callSid)!.updates.map((u) => u.Twiml)).toEqual(['<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>']);
    await slowly(async () => expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.end_reason === 'agent_failed');
    const turns = expectOk(await rig.v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Turn[];
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['agent', 'Hello from Acme.'],
      ['system', "Sorry, I'm having trouble right now. Could you say that again?"],
      ['caller', 'Are you there?'],
      ['agent', 'I am back.'],
      ['system', "Sorry, I'm having trouble right now. Could you say that again?"],
      ['agent', "I'm sorry, I can't continue this call right now. Please try again later. Goodbye."],
    ]);
  }, 60_000);
});
