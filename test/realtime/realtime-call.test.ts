import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyContext, ScriptedReply } from '../fakes/fake-realtime.js';
import { expectOk } from '../helpers/harness.js';
import { ACCOUNT_SID, eventually } from '../helpers/voice.js';
import { type RealtimeRig, realtimeNumber, ring, slowly, startRealtimeRig, utterance } from './helpers.js';

// A `realtime` number's call end to end through the real app: <Connect><Stream>, the signed
// Media Streams socket, one Realtime WebSocket per call to a fake GA Realtime server, the fake
// Twilio REST API for the end of the call, and the stored transcript.

let rig: RealtimeRig;
/** The reply script of the test running: by the reply's index on its connection. */
let replies: Array<ScriptedReply | ((ctx: ReplyContext) => ScriptedReply)> = [];
let transcripts: string[] = [];

beforeAll(async () => {
  rig = await startRealtimeRig({
    realtime: {
      reply: (ctx) => {
        const r = replies[ctx.n] ?? { say: 'Okay.' };
        return typeof r === 'function' ? r(ctx) : r;
      },
      get transcripts() {
        return transcripts;
      },
    },
  });
});
afterAll(async () => rig?.close());

type Turn = { speaker: string; text: string; interrupted: boolean; timings: Record<string, number | null>; tool_calls: Array<{ function: { name: string } }> | null };
const turnsOf = async (callId: string) => expectOk(await rig.v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Turn[];

describe('a realtime call', () => {
  it('greets exactly as written, passes audio through both ways in order, and keeps the transcript with first_audio_ms', async () => {
    replies = [{ say: 'Sure, I can help with that.' }, { say: 'Thanks for calling, goodbye.', call: { name: 'end_call', arguments: {} } }];
    transcripts = ['I need an appointment.', 'That is all.'];
    const number = await realtimeNumber(rig, { first_message: 'Hi, this is Acme.', voice_id: 'marin', endpointing_ms: 300 });
    const before = rig.realtime.connections.length;
    const { callId, callSid, twiml, caller } = await ring(rig, number.phone_number);
    expect(twiml).toContain('<Connect><Stream url="wss://gw.example.com/carrier/twilio/media"><Parameter name="callId"');
    await rig.realtime.waitForConnections(before + 1);
    const conn = rig.realtime.connections[before]!;
    await eventually(async () => conn.session !== null);

    // One socket per call, GA protocol: model in the URL, the bearer key, μ-law both ways.
    expect(conn.url.searchParams.get('model')).toBe('gpt-realtime');
    expect(conn.headers.authorization).toBe('Bearer sk-test');
    expect(conn.session).toMatchObject({
      type: 'realtime',
      output_modalities: ['audio'],
      audio: {
        input: { format: { type: 'audio/pcmu' }, turn_detection: { type: 'server_vad', silence_duration_ms: 300 }, transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' } },
        output: { format: { type: 'audio/pcmu' }, voice: 'marin' },
      },
    });
    expect(conn.session!.instructions).toContain('You are the Acme front desk.');
    const tools = (conn.session!.tools as Array<{ name: string }>).map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['end_call', 'transfer_call', 'send_digits', 'create_ticket']));

    // The greeting is the gateway's: synthesized exactly as written, in the number's voice, and
    // the model is told it was said.
    await eventually(async () => caller.echoedMarks.length >= 1);
    expect(rig.speech.speech.at(-1)!.body).toMatchObject({ input: 'Hi, this is Acme.', voice: 'marin' });
    await eventually(async () => conn.events.some((e) => e.type === 'conversation.item.create' && JSON.stringify(e.item).includes('Hi, this is Acme.')));
    const greetingFrames = caller.audioFrames().length;
    expect(conn.deltas.length).toBe(0); // nothing of the model's came before it

    // A turn: the caller's audio reaches the model untouched, the model's audio reaches the caller
    // untouched, frame for frame, in order, each followed by a mark.
    const said = utterance();
    await caller.play(said);
    // Six words, two deltas each: the whole reply plays before the caller speaks again.
    await eventually(async () => caller.echoedMarks.length >= 1 + 12 && conn.deltas.length >= 12, 10_000);
    expect(conn.appended().indexOf(said.subarray(0, 3200))).toBeGreaterThanOrEqual(0);
    const received = caller.audioFrames().slice(greetingFrames);
    expect(received).toEqual(conn.deltas);
    const firstDelta = caller.received.findIndex((f) => f.event === 'media' && Buffer.from(f.media!.payload, 'base64').equals(conn.deltas[0]!));
    expect(caller.received[firstDelta + 1]!.event).toBe('mark');

    // The next turn ends the call: the model's goodbye plays out, then Twilio is told (REST).
    await caller.play(utterance());
    expect((await caller.closed).code).toBe(1000);
    expect(caller.audioFrames().slice(greetingFrames)).toEqual(conn.deltas);
    expect(caller.received.at(-1)!.event).toBe('mark');
    expect(caller.echoedMarks.at(-1)).toBe(caller.received.at(-1)!.mark!.name);
    expect(rig.v.twilioRest.calls.get(callSid)!.updates.map((u) => u.Twiml)).toEqual(['<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>']);
    const output = conn.events.find((e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output');
    expect(output).toBeDefined();

    await rig.v.twilio('/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: '12', SequenceNumber: '5' });
    await slowly(async () => expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.status === 'completed');
    expect(expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.end_reason).toBe('agent_ended');
    const turns = await turnsOf(callId);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['agent', 'Hi, this is Acme.'],
      ['caller', 'I need an appointment.'],
      ['agent', 'Sure, I can help with that.'],
      ['caller', 'That is all.'],
      ['agent', 'Thanks for calling, goodbye.'],
    ]);
    for (const reply of [turns[2]!, turns[4]!]) {
      expect(reply.timings.first_audio_ms).toEqual(expect.any(Number));
      expect(reply.timings.first_audio_ms).toBeGreaterThanOrEqual(0);
      expect(reply.timings.endpointing_ms).toEqual(expect.any(Number));
      expect(reply.timings).toMatchObject({ stt_ms: null, tts_first_byte_ms: null, first_token_ms: null });
    }
    expect(turns[4]!.tool_calls!.map((c) => c.function.name)).toEqual(['end_call']);
    // The model's usage figures of every response (response.done) are the workspace's token usage.
    // Two model responses: (100 in + 3 out a word) each, as the fake reports them.
    await slowly(async () => expectOk(await rig.v.api.get('/v1/usage/stats')).data.token_usage.current === 230);
  }, 60_000);

  it('barge-in clears Twilio, truncates the model at what was heard, and keeps the heard words', async () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    replies = [{ say: long, msPerWord: 200 }, { say: 'Sorry, go ahead.' }];
    transcripts = ['Tell me everything.', 'Stop there.'];
    const number = await realtimeNumber(rig);
    const before = rig.realtime.connections.length;
    const { callId, caller } = await ring(rig, number.phone_number);
    await rig.realtime.waitForConnections(before + 1);
    const conn = rig.realtime.connections[before]!;
    await eventually(async () => conn.session !== null);
    // The gateway and the fake phone share this process: a late event loop delays the phone's
    // mark echoes and its receipt of `clear`, and the phone keeps playing meanwhile.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();

    await caller.play(utterance());
    // Once about a second of the long reply has played, the caller talks over it.
    await eventually(async () => caller.echoedMarks.length >= 10, 10_000);
    const clearsBefore = caller.received.filter((f) => f.event === 'clear').length;
    await caller.play(utterance());
    await eventually(async () => caller.received.filter((f) => f.event === 'clear').length > clearsBefore, 10_000);
    await eventually(async () => conn.events.some((e) => e.type === 'conversation.item.truncate'));
    const truncate = conn.events.find((e) => e.type === 'conversation.item.truncate') as { item_id: string; content_index: number; audio_end_ms: number };
    // The audio the phone actually played before the clear, within one frame.
    const played = caller.playedAudio().length / 8;
    lag.disable();
    const lateMs = Math.max(0, lag.max / 1e6 - 5);
    expect(truncate.content_index).toBe(0);
    // Within one frame of what was played, either way, plus the time a message takes from the
    // gateway to the phone on a busy machine (a few ms) and however late this machine ran the event
    // loop (0 on a quiet one). The gateway's clock for the head starts when it sends audio and
    // restarts when a mark echo reaches it; the phone's starts when the audio reaches it: a late
    // delivery puts the gateway ahead, a late echo or `clear` puts it behind.
    const skewMs = 5 + lateMs;
    expect(truncate.audio_end_ms - played, `event loop up to ${lateMs.toFixed(0)} ms late`).toBeLessThanOrEqual(20 + skewMs);
    expect(played - truncate.audio_end_ms, `event loop up to ${lateMs.toFixed(0)} ms late`).toBeLessThanOrEqual(20 + skewMs);
    expect(truncate.audio_end_ms).toBeLessThan(long.split(' ').length * 200);

    await eventually(async () => (await turnsOf(callId)).length >= 3, 10_000).catch(() => undefined);
    await caller.stop();
    await slowly(async () => (await turnsOf(callId)).some((t) => t.text === 'Sorry, go ahead.') || (await turnsOf(callId)).length >= 4);
    const turns = await turnsOf(callId);
    const cut = turns.find((t) => t.speaker === 'agent' && t.interrupted)!;
    expect(cut, JSON.stringify(turns)).toBeDefined();
    // The words whose audio played: about 200 ms a word.
    const heardWords = cut.text.split(' ').length;
    expect(long.startsWith(cut.text)).toBe(true);
    expect(Math.abs(heardWords - truncate.audio_end_ms / 200)).toBeLessThanOrEqual(1);
    expect(turns.map((t) => t.speaker).slice(0, 3)).toEqual(['caller', 'agent', 'caller']);
  }, 60_000);
});
