import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dtmfMulaw } from '../../src/media/dtmf-tones.js';
import type { MediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, type FakeSpeechServer, type TtsReply } from '../fakes/fake-speech.js';
import type { RecordedRequest } from '../fakes/fake-sse-agent.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { expectOk } from '../helpers/harness.js';
import { eventually, sseReply, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';
import { completed, HANGUP_TWIML, ringStream, type RestUpdate, silence, slowly, ttsAudio } from './stream-call-helpers.js';

// Stream calls end to end (fake Twilio REST and media socket, real Silero VAD, the real openai
// SDK against fake STT/TTS, fake agents, all on loopback): keys, tools, the hang-up API, the
// credit cut-off and a TTS failure mid-reply, each judged by what the caller hears and what the
// API shows afterwards.

const SHIPPED_FALLBACK = readFileSync(new URL('../../media/fallback.ulaw', import.meta.url));

let speech: FakeSpeechServer;
beforeAll(async () => {
  speech = await startFakeSpeech();
});
afterAll(async () => speech?.close());

const speechEnv = () => ({ AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech' });
const lastUser = (req: RecordedRequest) => {
  const messages = req.body.messages as Array<{ role: string; content: string | null }>;
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
};
const speak = (caller: MediaCaller) => caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
const ttsInputs = () => speech.speech.map((r) => r.body.input);

type Turn = { speaker: string; text: string; interrupted: boolean; tool_calls: Array<{ function: { name: string } }> | null; error: string | null };
const transcriptOf = async (v: VoiceHarness, callId: string) => expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Turn[];
const usedTool = (t: Turn, name: string) => (t.tool_calls ?? []).some((c) => c.function.name === name);

/** The caller hangs up; the session has stored the whole transcript once it is closed. */
async function hangUpAndReadTranscript(v: VoiceHarness, caller: MediaCaller, callId: string): Promise<Turn[]> {
  await caller.stop();
  await eventually(async () => !v.h.app.voice.registry.get(callId));
  return transcriptOf(v, callId);
}

/** Every mark the gateway had sent had come back when Twilio was told to end the call. */
function expectEndedAfterLastWords(update: RestUpdate, caller: MediaCaller) {
  const sent = caller.received.filter((f) => f.event === 'mark').map((f) => f.mark!.name);
  expect(update.sentMarks).toEqual(sent);
  expect(update.echoedMarks).toEqual(expect.arrayContaining(sent));
  expect(caller.received.at(-1)!.event).toBe('mark'); // no audio after the last words' mark
}

describe('stream calls: keys, tools, hang-up and failures', () => {
  let v: VoiceHarness;
  beforeAll(async () => {
    v = await startVoiceHarness({ env: speechEnv() });
  });
  afterAll(async () => v?.close());

  it('keys pressed during playback interrupt it (only the heard words are kept), then reach the agent as one turn', async () => {
    const number = await v.number({ media_mode: 'stream' });
    v.agent.script((req) => {
      const last = lastUser(req);
      if (last.startsWith('[The caller pressed')) return sseReply('Connecting you to sales.');
      return sseReply('Press one for sales. ', 'Press two for support, or stay on the line and I will read you the whole menu again, slowly and clearly.');
    });
    speech.scriptStt({ text: 'Hi' });
    const { caller, callId } = await ringStream(v, number.phone_number);
    await speak(caller);
    await eventually(async () => caller.echoedMarks.length >= 1, 15_000);
    const agentBefore = v.agent.requests.length;
    caller.dtmf('1');
    caller.dtmf('2');
    caller.dtmf('#');
    await caller.waitFor((f) => f.event === 'clear');
    await v.agent.waitForRequests(agentBefore + 1);
    const history = v.agent.requests[agentBefore]!.body.messages as Array<{ role: string; content: string }>;
    expect(history.slice(-3)).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Press one for sales.' },
      { role: 'user', content: '[The caller pressed 1 2 # on the keypad]' },
    ]);
    // The answer to the keys is heard whole.
    await eventually(async () => caller.echoedMarks.length >= 2 && ttsInputs().includes('Connecting you to sales.'), 15_000);
    const turns = await hangUpAndReadTranscript(v, caller, callId);
    expect(turns.map((t) => [t.speaker, t.text, t.interrupted])).toEqual([
      ['caller', 'Hi', false],
      ['agent', 'Press one for sales.', true],
      ['caller', '[The caller pressed 1 2 # on the keypad]', false],
      ['agent', 'Connecting you to sales.', false],
    ]);
  }, 60_000);

  it('send_digits is played to the caller as DTMF tones after the words before it', async () => {
    const number = await v.number({ media_mode: 'stream' });
    v.agent.script((req) =>
      (req.body.messages as Array<{ role: string }>).at(-1)!.role === 'tool'
        ? sseReply('Done.')
        : { steps: [{ role: true }, { delta: 'Dialing the extension.' }, { toolCall: { index: 0, id: 'd1', name: 'send_digits', arguments: '{"digits":"12#"}' } }, { finish: 'tool_calls' }, { done: true }] },
    );
    speech.scriptStt({ text: 'Put me through to extension twelve.' });
    const { caller, callId } = await ringStream(v, number.phone_number);
    await speak(caller);
    await eventually(async () => Buffer.concat(caller.audioFrames()).includes(dtmfMulaw('12#')), 15_000);
    const audio = Buffer.concat(caller.audioFrames());
    // The words first, then the tones.
    expect(audio.indexOf(dtmfMulaw('12#'))).toBeGreaterThanOrEqual(ttsAudio('Dialing the extension.').length);
    expect(audio.subarray(0, ttsAudio('Dialing the extension.').length).equals(ttsAudio('Dialing the extension.'))).toBe(true);
    expect((await hangUpAndReadTranscript(v, caller, callId)).some((t) => t.speaker === 'agent' && t.text.startsWith('Dialing the extension.') && usedTool(t, 'send_digits'))).toBe(true);
  }, 60_000);

  it('a managed agent looks the caller up in the CRM mid-call and speaks what it found', async () => {
    const contact = expectOk(await v.api.post('/v1/contacts', { name: 'Jane Doe', company_name: 'Acme Corp', phones: ['(628) 923-0000'] }), 201).data;
    const number = expectOk(await v.api.post('/v1/numbers', { system_prompt: 'You are Acme support.', media_mode: 'stream' }), 201).data;
    v.openai.script((_req, n) =>
      n === 0
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 'l1', name: 'lookup_contact', arguments: '{"phone":"+16289230000"}' } }, { finish: 'tool_calls' }, { done: true }] }
        : sseReply('I found you, Jane.'),
    );
    speech.scriptStt({ text: 'Do you know who I am?' });
    const openaiBefore = v.openai.requests.length;
    const { caller, callId } = await ringStream(v, number.phone_number, { from: '+16289230000' });
    await speak(caller);
    await eventually(async () => caller.echoedMarks.length >= 1 && ttsInputs().includes('I found you, Jane.'), 15_000);
    expect(v.openai.requests[openaiBefore]!.body.messages[0].content).toContain('Caller (from the CRM): Jane Doe, at Acme Corp');
    const second = v.openai.requests[openaiBefore + 1]!.body.messages;
    expect(second.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'l1' });
    expect(second.at(-1).content).toContain(contact.id);
    expect(Buffer.concat(caller.audioFrames()).equals(ttsAudio('I found you, Jane.'))).toBe(true);
    const turns = await hangUpAndReadTranscript(v, caller, callId);
    expect(turns.find((t) => t.speaker === 'agent')).toMatchObject({ text: 'I found you, Jane.', tool_calls: [{ function: { name: 'lookup_contact' } }] });
  }, 60_000);

  it('the hang-up API lets the last words play out, then ends the call through Twilio REST once their mark is back', async () => {
    const number = await v.number({ media_mode: 'stream' });
    v.agent.script(sseReply('Let me check. ', 'I am looking at your account history for the last twelve months now.'));
    speech.scriptStt({ text: 'What did I pay last year?' });
    const { caller, callId, callSid, restUpdates } = await ringStream(v, number.phone_number);
    await speak(caller);
    await eventually(async () => caller.echoedMarks.length >= 1, 15_000);
    expect(expectOk(await v.api.post(`/v1/calls/${callId}/hangup`)).data.id).toBe(callId);

    expect((await caller.closed).code).toBe(1000);
    // One REST update, <Hangup/>, sent only after the phone had played everything.
    expect(restUpdates.map((u) => [u.twiml, u.status])).toEqual([[HANGUP_TWIML, undefined]]);
    expectEndedAfterLastWords(restUpdates[0]!, caller);
    expect(caller.playedAudio().equals(ttsAudio('Let me check.', 'I am looking at your account history for the last twelve months now.'))).toBe(true);
    await completed(v, callSid, 12);
    await slowly(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.status === 'completed');
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ end_reason: 'hangup_requested', billed_minutes: 1 });
  }, 60_000);

  it('STT and TTS failures: the caller hears the pre-rendered fallback, the transcript keeps only what was heard, and the call goes on', async () => {
    const number = await v.number({ media_mode: 'stream' });
    v.agent.script((req) => (lastUser(req) === 'Are you there?' ? sseReply('Yes, I am here.') : sseReply('Your order shipped. ', 'It should arrive on Thursday afternoon.')));
    speech.scriptTts((req): TtsReply => (req.body.input === 'It should arrive on Thursday afternoon.' ? { status: 503 } : {}));
    const sttBefore = speech.transcriptions.length;
    speech.scriptStt((_req, n) => (n === sttBefore ? { status: 503 } : { text: n === sttBefore + 1 ? 'Where is my order?' : 'Are you there?' }));
    const { caller, callId } = await ringStream(v, number.phone_number);
    const agentBefore = v.agent.requests.length;

    // STT fails: the fallback recording, no agent turn.
    await speak(caller);
    await eventually(async () => caller.echoedMarks.length >= 1, 15_000);
    expect(Buffer.concat(caller.audioFrames()).equals(SHIPPED_FALLBACK)).toBe(true);
    expect(v.agent.requests.length).toBe(agentBefore);

    // TTS fails on the reply's second clause: its first clause, then the fallback recording.
    let framesBefore = caller.audioFrames().length;
    await caller.play(Buffer.concat([fixtureMulaw('second.ulaw'), silence(700)]));
    await eventually(async () => caller.echoedMarks.length >= 3, 15_000);
    expect(Buffer.concat(caller.audioFrames().slice(framesBefore)).equals(Buffer.concat([ttsAudio('Your order shipped.'), SHIPPED_FALLBACK]))).toBe(true);

    // The speech service is back for the next turn; the agent's history has what was heard.
    speech.scriptTts({});
    framesBefore = caller.audioFrames().length;
    await speak(caller);
    await eventually(async () => caller.echoedMarks.length >= 4, 15_000);
    expect(Buffer.concat(caller.audioFrames().slice(framesBefore)).equals(ttsAudio('Yes, I am here.'))).toBe(true);
    const history = v.agent.requests.at(-1)!.body.messages as Array<{ role: string; content: string }>;
    expect(history.slice(-3)).toEqual([
      { role: 'user', content: 'Where is my order?' },
      { role: 'assistant', content: 'Your order shipped.' },
      { role: 'user', content: 'Are you there?' },
    ]);

    const turns = await hangUpAndReadTranscript(v, caller, callId);
    const fallback = "Sorry, I'm having trouble right now. Could you say that again?";
    expect(turns.map((t) => [t.speaker, t.text, t.error === null ? null : t.error.split(':')[0]])).toEqual([
      ['system', fallback, 'stt http_status'],
      ['caller', 'Where is my order?', null],
      ['agent', 'Your order shipped.', 'tts http_status'],
      ['system', fallback, null],
      ['caller', 'Are you there?', null],
      ['agent', 'Yes, I am here.', null],
    ]);
  }, 90_000);
});

describe('stream calls: the credit cut-off', () => {
  let v: VoiceHarness;
  afterAll(async () => v?.close());

  it('the caller hears the goodbye, then Twilio is told <Hangup/> once its mark is back; one minute charged', async () => {
    // Minutes are shortened to 400 ms; each costs $3.00 and the balance (after the number fee) pays for one.
    v = await startVoiceHarness({ env: { ...speechEnv(), AGENTLINE_BILLING_MINUTE_MS: '400', AGENTLINE_PRICE_INBOUND_MINUTE_CENTS: '300' }, credits: 1000 });
    const number = await v.number({ media_mode: 'stream' });
    expect(expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents).toBe(500);
    const { caller, callId, callSid, restUpdates } = await ringStream(v, number.phone_number);

    expect((await caller.closed).code).toBe(1000);
    expect(ttsInputs().slice(-2)).toEqual(['This call has reached its time limit.', 'Goodbye.']);
    expect(caller.playedAudio().equals(ttsAudio('This call has reached its time limit.', 'Goodbye.'))).toBe(true);
    expect(restUpdates.map((u) => u.twiml)).toEqual([HANGUP_TWIML]);
    expectEndedAfterLastWords(restUpdates[0]!, caller);

    expect(expectOk(await v.api.get(`/v1/credits/ledger?related_id=${callId}&kind=call_minutes`)).data).toHaveLength(1);
    await completed(v, callSid, 1);
    await slowly(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.status === 'completed');
    const call = expectOk(await v.api.get(`/v1/calls/${callId}`)).data;
    expect(call.end_reason).toBe('insufficient_credits');
    const balance = expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents;
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(balance).toBe(500 - call.cost_cents);
    const ledger = expectOk(await v.api.get('/v1/credits/ledger')).data as Array<{ amount_cents: number }>;
    expect(ledger.reduce((s, e) => s + e.amount_cents, 0)).toBe(balance);
    const turns = await transcriptOf(v, callId);
    expect(turns.at(-1)).toMatchObject({ speaker: 'agent', text: 'This call has reached its time limit. Goodbye.' });
  }, 60_000);
});
