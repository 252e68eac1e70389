import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMediaCaller, type MediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { expectOk } from '../helpers/harness.js';
import { ACCOUNT_SID, AUTH_TOKEN, eventually, newCallSid, PUBLIC, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';

// A `stream` number's call end to end through the real app: Twilio's voice webhook answers
// <Connect><Stream>, a fake phone joins /carrier/twilio/media with a signed upgrade and talks in
// real time; the real Silero VAD, the real openai SDK against fake STT/TTS servers, the fake
// webhook agent and the fake Twilio REST API do the rest.

let v: VoiceHarness;
let speech: FakeSpeechServer;
let port: number;

beforeAll(async () => {
  speech = await startFakeSpeech();
  v = await startVoiceHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech' } });
  port = (v.h.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await v?.close();
  await speech?.close();
});

const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

/** Polls the API gently (the rate limit counts every request). */
async function slowly(check: () => Promise<boolean>, tries = 40): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not met');
}

async function ring(phone: string): Promise<{ callId: string; callSid: string; twiml: string; caller: MediaCaller }> {
  const callSid = newCallSid();
  const res = await v.twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
  expect(res.status).toBe(200);
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)?.[1];
  expect(callId, res.text).toBeDefined();
  // The call exists at the (fake) carrier, so the REST end can redirect it.
  v.twilioRest.calls.set(callSid, { sid: callSid, to: phone, from: '+14155550123', status: 'in-progress', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates: [] });
  const caller = await connectMediaCaller({
    wsUrl: `ws://127.0.0.1:${port}/carrier/twilio/media`,
    signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`,
    authToken: AUTH_TOKEN,
    callSid,
    customParameters: { callId: callId! },
  });
  return { callId: callId!, callSid, twiml: res.text, caller };
}

describe('a stream-mode call', () => {
  it('answers <Connect><Stream>, greets, takes a turn, keeps only what was heard on barge-in, and hangs up after the last words', async () => {
    const number = await v.number({ media_mode: 'stream', first_message: 'Hi, this is Acme.', voice_id: 'verse', endpointing_ms: 400 });
    const { callId, callSid, twiml, caller } = await ring(number.phone_number);
    expect(twiml).toContain('<Connect><Stream url="wss://gw.example.com/carrier/twilio/media"><Parameter name="callId"');
    expect(twiml).not.toContain('ConversationRelay');

    // The greeting, through our TTS with the number's voice, played and confirmed.
    await eventually(async () => caller.echoedMarks.length >= 1);
    expect(speech.speech[0]!.body).toMatchObject({ input: 'Hi, this is Acme.', voice: 'verse', model: 'gpt-4o-mini-tts' });
    expect(speech.speech[0]!.headers.authorization).toBe('Bearer sk-speech');
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data.status).toBe('in-progress');

    // One turn: speech → STT → the agent → TTS → audio.
    speech.scriptStt({ text: 'I need an appointment.' });
    const agentBefore = v.agent.requests.length;
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    await v.agent.waitForRequests(agentBefore + 1);
    const sent = v.agent.requests[agentBefore]!.body.messages as Array<{ role: string; content: string }>;
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'I need an appointment.' });
    await eventually(async () => speech.speech.some((s) => s.body.input === 'Hello') && caller.echoedMarks.length >= 2);

    // Barge-in: the caller talks over a long reply once its first clause has played.
    const longReply = agentBefore + 1;
    v.agent.script((req, n) => {
      if (n === longReply) {
        return { steps: [{ role: true }, { delta: 'Sure. ' }, { delta: 'Let me look at the calendar for next week and the week after that, there are several options. ' }, { delta: 'Mornings are best.' }, { finish: 'stop' }, { done: true }] };
      }
      if (JSON.stringify(req.body.messages).includes('Wait, stop.')) {
        return { steps: [{ role: true }, { toolCall: { index: 0, id: 'c1', name: 'end_call', arguments: '{"goodbye":"Okay, goodbye."}' } }, { finish: 'tool_calls' }, { done: true }] };
      }
      return { steps: [{ role: true }, { delta: 'Hello' }, { finish: 'stop' }, { done: true }] };
    });
    speech.scriptStt((_req, n) => ({ text: n === 1 ? 'Tuesday works.' : 'Wait, stop.' }));
    const marksBefore = caller.echoedMarks.length;
    await caller.play(Buffer.concat([fixtureMulaw('second.ulaw'), silence(700)]));
    await eventually(async () => caller.echoedMarks.length > marksBefore, 15_000);
    const clearsBefore = caller.received.filter((f) => f.event === 'clear').length;
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    await eventually(async () => caller.received.filter((f) => f.event === 'clear').length > clearsBefore, 15_000);

    // The interrupting words became the next turn; the transcript keeps only what was heard.
    await eventually(async () => v.agent.requests.some((r) => JSON.stringify(r.body.messages).includes('Wait, stop.')), 15_000);
    const history = v.agent.requests.at(-1)!.body.messages as Array<{ role: string; content: string }>;
    expect(history.slice(-3)).toEqual([
      { role: 'user', content: 'Tuesday works.' },
      { role: 'assistant', content: 'Sure.' },
      { role: 'user', content: 'Wait, stop.' },
    ]);

    // The agent hangs up: its goodbye plays out, its mark comes back, and only then is Twilio
    // told to hang up (REST <Hangup/>) and the stream closed.
    expect((await caller.closed).code).toBe(1000);
    expect(speech.speech.at(-1)!.body.input).toBe('Okay, goodbye.');
    const lastMark = caller.received.filter((f) => f.event === 'mark').at(-1)!.mark!.name;
    expect(caller.echoedMarks.at(-1)).toBe(lastMark);
    expect(caller.received.at(-1)!.event).toBe('mark'); // nothing was cut after the goodbye
    const updates = v.twilioRest.calls.get(callSid)!.updates;
    expect(updates.map((u) => u.Twiml)).toEqual(['<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>']);
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: '20', SequenceNumber: '5' });
    await slowly(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.status === 'completed');
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data.end_reason).toBe('agent_ended');
    const turns = expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Array<{ speaker: string; text: string; interrupted: boolean; timings: Record<string, number | null> }>;
    expect(turns.find((t) => t.speaker === 'agent' && t.text.startsWith('Sure')), JSON.stringify(turns)).toMatchObject({ text: 'Sure.', interrupted: true });
    // Every reply the caller heard carries the speech pipeline's timings; the greeting answers
    // no caller turn, so it has none.
    expect(turns[0]!.timings).toMatchObject({ endpointing_ms: null, stt_ms: null, tts_first_byte_ms: null, first_audio_ms: null });
    const firstReply = turns.find((t) => t.speaker === 'agent' && t.text === 'Hello')!;
    for (const reply of [firstReply, turns.find((t) => t.text === 'Sure.')!]) {
      const t = reply.timings;
      for (const k of ['endpointing_ms', 'stt_ms', 'tts_first_byte_ms', 'first_audio_ms', 'first_token_ms', 'gateway_added_ms']) expect(t[k], `${k}: ${JSON.stringify(t)}`).toEqual(expect.any(Number));
      for (const k of ['endpointing_ms', 'stt_ms', 'tts_first_byte_ms', 'first_audio_ms']) expect(t[k]).toBeGreaterThanOrEqual(0);
      // First audio comes after the silence was waited and the transcript came back.
      expect(t.first_audio_ms).toBeGreaterThanOrEqual(t.stt_ms!);
      expect(t.first_audio_ms).toBeGreaterThanOrEqual(t.endpointing_ms!);
    }
    expect(turns.at(-1)).toMatchObject({ speaker: 'agent', text: 'Okay, goodbye.' });
  }, 90_000);

  it('an STT failure plays the pre-rendered fallback; transfer_call dials through the REST API after the last words', async () => {
    const number = await v.number({ media_mode: 'stream' });
    v.agent.script({ steps: [{ role: true }, { delta: 'One moment.' }, { toolCall: { index: 0, id: 't1', name: 'transfer_call', arguments: '{"to":"+14155550199"}' } }, { finish: 'tool_calls' }, { done: true }] });
    const { callId, callSid, caller } = await ring(number.phone_number);
    const agentBefore = v.agent.requests.length;
    const ttsBefore = speech.speech.length;

    // The speech service fails: the caller hears the shipped fallback prompt, no TTS needed.
    speech.scriptStt({ status: 503 });
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    await eventually(async () => caller.echoedMarks.length === 1, 15_000);
    expect(Buffer.concat(caller.audioFrames()).equals(readFileSync(new URL('../../media/fallback.ulaw', import.meta.url)))).toBe(true);
    expect(speech.speech.length).toBe(ttsBefore);
    expect(v.agent.requests.length).toBe(agentBefore);

    speech.scriptStt({ text: 'Can I talk to a person?' });
    await caller.play(Buffer.concat([fixtureMulaw('second.ulaw'), silence(700)]));
    expect((await caller.closed).code).toBe(1000);
    expect(speech.speech.slice(ttsBefore).map((r) => r.body.input)).toEqual(['One moment.', 'Transferring you now.']);
    expect(caller.received.at(-1)!.event).toBe('mark');
    expect(v.twilioRest.calls.get(callSid)!.updates.map((u) => u.Twiml)).toEqual([
      `<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="${number.phone_number}">+14155550199</Dial></Response>`,
    ]);
    await slowly(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.transfer_to === '+14155550199');
  }, 60_000);
});
