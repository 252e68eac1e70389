import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMediaCaller, type MediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { expectOk, fund } from '../helpers/harness.js';
import { ACCOUNT_SID, AUTH_TOKEN, eventually, newCallSid, PUBLIC, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';
import { activeMs, activity, bursts, mulawActivity, parseStereoWav } from './wav-analysis.js';
import { recordingFile } from '../../src/recordings/recording-service.js';

// A recorded `stream` call end to end: Twilio's webhook, a fake phone on the signed media
// socket talking in real time, the real speech pipeline against fake STT/TTS, a webhook agent,
// and the recording fetched through its signed link and read back channel by channel.

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

async function ring(phone: string): Promise<{ callId: string; callSid: string; caller: MediaCaller; startedAt: number }> {
  const callSid = newCallSid();
  const res = await v.twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
  expect(res.status).toBe(200);
  expect(res.text).not.toContain('<Recording'); // the gateway records stream calls itself
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)![1]!;
  v.twilioRest.calls.set(callSid, { sid: callSid, to: phone, from: '+14155550123', status: 'in-progress', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates: [] });
  const caller = await connectMediaCaller({
    wsUrl: `ws://127.0.0.1:${port}/carrier/twilio/media`,
    signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`,
    authToken: AUTH_TOKEN,
    callSid,
    customParameters: { callId },
  });
  return { callId, callSid, caller, startedAt: performance.now() };
}

/** The signed link, fetched as a browser would: no API key. */
const download = (url: string, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  expect(u.origin).toBe(PUBLIC);
  return v.h.app.inject({ method: 'GET', url: u.pathname + u.search, headers });
};

async function readyRecording(callId: string) {
  for (let i = 0; i < 60; i++) {
    const res = await v.api.get(`/v1/calls/${callId}/recording`);
    if (res.status === 200) return res.body.data as { url: string; format: string; channels: number; duration_seconds: number; size_bytes: number; expires_at: string };
    expect(res.status, res.text).toBe(404);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the recording never became ready');
}

describe('a recorded stream call', () => {
  let callId: string;
  let callSid: string;
  let numberId: string;
  let recording: Awaited<ReturnType<typeof readyRecording>>;
  let file: Buffer;
  let caller: MediaCaller;
  let callMs: number;
  let callerSpeech: Array<[number, number]>;
  const longReplyText = 'Let me look at the calendar for next week and the week after that, there are several options. ';

  it('records the greeting, a turn and a barge-in; the recording is ready when the call ends', async () => {
    const number = await v.number({ media_mode: 'stream', first_message: 'Hi, this is Acme.', endpointing_ms: 400, recording: true });
    expect(number).toMatchObject({ recording: true });
    numberId = number.id;
    const agentBefore = v.agent.requests.length;
    v.agent.script((req, n) => {
      if (n === agentBefore) return { steps: [{ role: true }, { delta: 'Sure. ' }, { delta: longReplyText }, { finish: 'stop' }, { done: true }] };
      return { steps: [{ role: true }, { toolCall: { index: 0, id: 'c1', name: 'end_call', arguments: '{"goodbye":"Bye."}' } }, { finish: 'tool_calls' }, { done: true }] };
    });
    speech.scriptStt((_req, n) => ({ text: n === 0 ? 'I need an appointment.' : 'Wait, stop.' }));
    const rung = await ring(number.phone_number);
    ({ callId, callSid, caller } = rung);

    // While the call is live there is nothing to fetch yet.
    await eventually(async () => caller.echoedMarks.length >= 1, 10_000); // the greeting played
    const during = await v.api.get(`/v1/calls/${callId}/recording`);
    expect(during.status).toBe(404);
    expect(during.body.error.message).toContain('still being recorded');

    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    // The long reply starts; once its first clause has played, the caller talks over it.
    const marks = caller.echoedMarks.length;
    await eventually(async () => caller.echoedMarks.length > marks, 15_000);
    const clears = caller.received.filter((f) => f.event === 'clear').length;
    await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
    await eventually(async () => caller.received.filter((f) => f.event === 'clear').length > clears, 15_000);
    expect((await caller.closed).code).toBe(1000); // the agent ended the call after "Bye."
    callMs = performance.now() - rung.startedAt;
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: String(Math.round(callMs / 1000)), SequenceNumber: '5' });

    recording = await readyRecording(callId);
    expect(recording).toMatchObject({ format: 'wav', channels: 2 });
    expect(recording.url).toMatch(/^https:\/\/gw\.example\.com\/v1\/recordings\/rec_[0-9A-Z]{26}\/audio\?expires=\d+&signature=[\w-]{43}$/);
    const ttl = Date.parse(recording.expires_at) - v.h.clock.now().getTime();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);

    const events = expectOk(await v.api.get('/v1/events?limit=100')).data as Array<{ type: string; data: any }>;
    const ready = events.filter((e) => e.type === 'call.recording.ready' && e.data.call_id === callId);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.data.recording).toMatchObject({ source: 'gateway', format: 'wav', channels: 2, duration_seconds: recording.duration_seconds, size_bytes: recording.size_bytes });
  }, 90_000);

  it('downloads without an API key: a 2-channel 8 kHz 16-bit WAV as long as the call', async () => {
    const res = await download(recording.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['accept-ranges']).toBe('bytes');
    file = res.rawPayload;
    expect(file.length).toBe(recording.size_bytes);
    const wav = parseStereoWav(file);
    expect(wav.durationSeconds).toBeCloseTo(recording.duration_seconds, 2);
    // As long as the call (socket open to close), within half a second.
    expect(Math.abs(wav.durationSeconds - callMs / 1000)).toBeLessThan(0.5);
  });

  it('has the caller on the left and the agent on the right, at the times they were heard', () => {
    const wav = parseStereoWav(file);
    const left = activity(wav.left);
    const right = activity(wav.right);
    callerSpeech = bursts(left, 400);
    const agentSpeech = bursts(right, 200);

    // The caller spoke twice (the same fixture); the left channel has exactly that much sound.
    const spoken = activeMs(mulawActivity(fixtureMulaw('hello.wav'))) * 2;
    expect(Math.abs(activeMs(left) - spoken)).toBeLessThanOrEqual(60);
    expect(callerSpeech, JSON.stringify(callerSpeech)).toHaveLength(2);

    // The agent channel holds what the phone played, not what was sent: `clear` dropped what
    // Twilio still held of the barged-in reply (up to the pacer's lead), so more was sent than
    // heard, and the recording has what was heard.
    const heard = activeMs(mulawActivity(caller.playedAudio()));
    const sent = activeMs(mulawActivity(Buffer.concat(caller.audioFrames())));
    expect(sent - heard).toBeGreaterThanOrEqual(100);
    // (20 ms windows: each edge of each clause may fall one window either way.)
    expect(Math.abs(activeMs(right) - heard)).toBeLessThanOrEqual(120);

    // Greeting first, from the start; then the reply after the caller's first words ended and
    // the endpointing silence passed; it stops soon after the caller barges in; "Bye." comes after.
    const [greeting, reply, bye] = agentSpeech;
    expect(agentSpeech.length, JSON.stringify(agentSpeech)).toBe(3);
    expect(greeting![0]).toBeLessThan(600);
    expect(greeting![1]).toBeLessThanOrEqual(callerSpeech[0]![0] + 40);
    expect(reply![0]).toBeGreaterThanOrEqual(callerSpeech[0]![1] + 400);
    expect(reply![1]).toBeGreaterThan(callerSpeech[1]![0]); // the caller talked over it...
    expect(reply![1]).toBeLessThan(callerSpeech[1]![0] + 1500); // ...and it stopped (barge-in + Twilio's lead)
    expect(bye![0]).toBeGreaterThan(callerSpeech[1]![1]);
  });

  it('answers range requests: 206 with Content-Range, open-ended and suffix ranges, 416 past the end', async () => {
    const size = file.length;
    const first = await download(recording.url, { range: 'bytes=0-43' });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-43/${size}`);
    expect(first.headers['content-length']).toBe('44');
    expect(first.rawPayload.equals(file.subarray(0, 44))).toBe(true);

    const tail = await download(recording.url, { range: `bytes=${size - 100}-` });
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(tail.rawPayload.equals(file.subarray(size - 100))).toBe(true);

    const suffix = await download(recording.url, { range: 'bytes=-10' });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.rawPayload.equals(file.subarray(size - 10))).toBe(true);

    const middle = await download(recording.url, { range: 'bytes=1000-1999' });
    expect(middle.rawPayload.equals(file.subarray(1000, 2000))).toBe(true);

    const past = await download(recording.url, { range: `bytes=${size}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(JSON.parse(past.body).error.code).toBe('range_not_satisfiable');
  });

  it('refuses a tampered or expired link, and another workspace sees no recording', async () => {
    const u = new URL(recording.url);
    const sig = u.searchParams.get('signature')!;
    const tampered = new URL(u);
    tampered.searchParams.set('signature', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const bad = await download(tampered.toString());
    expect(bad.statusCode).toBe(403);
    expect(JSON.parse(bad.body).error.code).toBe('forbidden');
    const longer = new URL(u);
    longer.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600));
    expect((await download(longer.toString())).statusCode).toBe(403);
    const unsigned = new URL(u);
    unsigned.search = '';
    expect((await download(unsigned.toString())).statusCode).toBe(403);

    // A fresh link each time; an old one dies at its expiry.
    v.h.clock.advance(3601_000);
    const expired = await download(recording.url);
    expect(expired.statusCode).toBe(403);
    expect(JSON.parse(expired.body).error.message).toContain('expired');
    const fresh = expectOk(await v.api.get(`/v1/calls/${callId}/recording`)).data;
    expect((await download(fresh.url)).statusCode).toBe(200);
    recording = fresh;

    const other = v.h.api(await v.h.key({ workspace: 'globex', mode: 'live' }));
    await fund(other, 1000);
    const theirs = await other.get(`/v1/calls/${callId}/recording`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await other.delete(`/v1/calls/${callId}/recording`)).status).toBe(404);
    expect((await download(recording.url)).statusCode).toBe(200); // still there
  });

  it('DELETE removes the file; its links stop working; a second DELETE is a 404', async () => {
    const row = await v.h.opened.db.selectFrom('recordings').selectAll().where('call_id', '=', callId).executeTakeFirstOrThrow();
    const path = recordingFile(v.h.config, row.path!);
    expect(existsSync(path)).toBe(true);
    const readOnly = v.h.api(await v.h.key({ workspace: 'acme', mode: 'live', scopes: ['calls:read'] }));
    expect((await readOnly.delete(`/v1/calls/${callId}/recording`)).status).toBe(403);

    expect(expectOk(await v.api.delete(`/v1/calls/${callId}/recording`)).data).toEqual({ call_id: callId, deleted: true });
    expect(existsSync(path)).toBe(false);
    expect((await download(recording.url)).statusCode).toBe(404);
    expect((await v.api.get(`/v1/calls/${callId}/recording`)).status).toBe(404);
    expect((await v.api.delete(`/v1/calls/${callId}/recording`)).status).toBe(404);
    // The call itself stays.
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data.id).toBe(callId);
  });

  it('a number without recording records nothing; POST /v1/calls and PATCH switch it', async () => {
    const patched = expectOk(await v.api.patch(`/v1/numbers/${numberId}`, { recording: false })).data;
    expect(patched.recording).toBe(false);
    const plain = await v.number({ media_mode: 'stream' });
    expect(plain).toMatchObject({ recording: false });
    const bad = await v.api.post('/v1/calls', { from: plain.id, to: '+14155550188', recording: 'yes' });
    expect(bad.status).toBe(422);
    const { callId: unrecorded, caller: c2 } = await ring(plain.phone_number);
    await new Promise((r) => setTimeout(r, 300));
    await c2.stop();
    const res = await v.api.get(`/v1/calls/${unrecorded}/recording`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('This call has no recording.');
    expect(await v.h.opened.db.selectFrom('recordings').selectAll().where('call_id', '=', unrecorded).execute()).toEqual([]);
  });
});
