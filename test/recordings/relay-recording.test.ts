import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavHeader } from '../../src/recordings/wav-file.js';
import { expectOk } from '../helpers/harness.js';
import { ACCOUNT_SID, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';

// A relay call is recorded by Twilio: the TwiML starts the recording, Twilio's signed recording
// status callback tells us (once, however often it is sent), and the audio is served through
// our own signed link, fetched from (fake) Twilio with the account's credentials.

let v: VoiceHarness;
beforeAll(async () => {
  v = await startVoiceHarness();
});
afterAll(async () => v?.close());

const twilioWav = () => {
  const data = Buffer.alloc(8000 * 4 * 3); // 3 s of two-channel audio
  for (let i = 0; i < data.length; i += 2) data.writeInt16LE((i * 7) % 20000 - 10000, i);
  return Buffer.concat([wavHeader(data.length), data]);
};

const download = (url: string, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  return v.h.app.inject({ method: 'GET', url: u.pathname + u.search, headers });
};

describe('a recorded relay call', () => {
  it('starts a dual-channel Twilio recording in the TwiML, with our signed status callback', async () => {
    const number = await v.number({ recording: true });
    const { callId, twiml, caller } = await v.call(number.phone_number);
    expect(twiml).toContain(
      `<Start><Recording channels="dual" track="both" recordingStatusCallback="https://gw.example.com/carrier/twilio/recording-status?call_id=${callId}" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"/></Start><Connect`,
    );
    await caller.hangup();
    const plain = await v.number();
    const unrecorded = await v.call(plain.phone_number);
    expect(unrecorded.twiml).not.toContain('Recording');
    await unrecorded.caller.hangup();
  });

  it('POST /v1/calls can turn recording on for one outbound call', async () => {
    const plain = await v.number();
    const placed = expectOk(await v.api.post('/v1/calls', { from: plain.id, to: '+14155550177', recording: true }), 201).data;
    const sid = [...v.twilioRest.calls.values()].at(-1)!.sid;
    const answer = await v.twilio('/carrier/twilio/voice', { CallSid: sid, AccountSid: ACCOUNT_SID, From: plain.phone_number, To: '+14155550177', Direction: 'outbound-api', CallStatus: 'in-progress' }, { query: `call_id=${placed.id}` });
    expect(answer.text).toContain(`<Recording channels="dual"`);
    const off = await v.number({ recording: true });
    const placedOff = expectOk(await v.api.post('/v1/calls', { from: off.id, to: '+14155550178', recording: false }), 201).data;
    const sidOff = [...v.twilioRest.calls.values()].at(-1)!.sid;
    const answerOff = await v.twilio('/carrier/twilio/voice', { CallSid: sidOff, AccountSid: ACCOUNT_SID, From: off.phone_number, To: '+14155550178', Direction: 'outbound-api', CallStatus: 'in-progress' }, { query: `call_id=${placedOff.id}` });
    expect(answerOff.text).not.toContain('Recording');
  });

  it('stores the callback once (signature checked, duplicates ignored) and serves the audio through our link', async () => {
    const number = await v.number({ recording: true });
    const { callId, callSid, caller } = await v.call(number.phone_number);
    await caller.hangup();
    const media = twilioWav();
    const rec = v.twilioRest.addRecording(callSid, media);
    const params = {
      AccountSid: ACCOUNT_SID, CallSid: callSid, RecordingSid: rec.sid, RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${rec.sid}`,
      RecordingStatus: 'completed', RecordingDuration: '3', RecordingChannels: '2', RecordingSource: 'StartCallRecordingTwiML', RecordingStartTime: new Date().toUTCString(),
    };
    const path = '/carrier/twilio/recording-status';
    const query = `call_id=${callId}`;

    // Nothing is fetched before Twilio says it is done.
    expect((await v.api.get(`/v1/calls/${callId}/recording`)).status).toBe(404);
    const forged = await v.twilio(path, params, { query, signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(forged.status).toBe(403);
    expect((await v.api.get(`/v1/calls/${callId}/recording`)).status).toBe(404);

    expect((await v.twilio(path, params, { query })).status).toBe(204);
    expect((await v.twilio(path, params, { query })).status).toBe(204); // Twilio retries
    const rows = await v.h.opened.db.selectFrom('recordings').selectAll().where('call_id', '=', callId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'twilio', status: 'ready', carrier_sid: rec.sid, channels: 2, duration_seconds: 3 });
    const events = (expectOk(await v.api.get('/v1/events?limit=100')).data as Array<{ type: string; data: any }>).filter((e) => e.type === 'call.recording.ready' && e.data.call_id === callId);
    expect(events).toHaveLength(1);
    expect(events[0]!.data.recording).toMatchObject({ source: 'twilio', channels: 2, duration_seconds: 3 });

    const data = expectOk(await v.api.get(`/v1/calls/${callId}/recording`)).data;
    expect(data).toMatchObject({ format: 'wav', channels: 2, duration_seconds: 3, size_bytes: null });
    expect(data.url).toMatch(/^https:\/\/gw\.example\.com\/v1\/recordings\/rec_/);
    expect(data.url).not.toContain('twilio');

    const fetchesBefore = v.twilioRest.requests.filter((r) => r.path.endsWith(`${rec.sid}.wav`)).length;
    const whole = await download(data.url);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers['content-length']).toBe(String(media.length));
    expect(whole.rawPayload.equals(media)).toBe(true);
    // Fetched from Twilio with the account's credentials (the fake refuses anything else).
    expect(v.twilioRest.requests.filter((r) => r.path.endsWith(`${rec.sid}.wav`)).length).toBe(fetchesBefore + 1);
    // Its size is known from then on.
    expect(expectOk(await v.api.get(`/v1/calls/${callId}/recording`)).data.size_bytes).toBe(media.length);

    const part = await download(data.url, { range: 'bytes=44-1043' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 44-1043/${media.length}`);
    expect(part.rawPayload.equals(media.subarray(44, 1044))).toBe(true);
    const past = await download(data.url, { range: `bytes=${media.length + 5}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${media.length}`);

    // Deleted here and at Twilio.
    expect(expectOk(await v.api.delete(`/v1/calls/${callId}/recording`)).data).toEqual({ call_id: callId, deleted: true });
    expect(rec.deleted).toBe(true);
    expect((await download(data.url)).statusCode).toBe(404);
    // A late duplicate of the callback does not bring it back.
    expect((await v.twilio(path, params, { query })).status).toBe(204);
    expect((await v.api.get(`/v1/calls/${callId}/recording`)).status).toBe(404);
  });

  it('an absent recording (Twilio made none) is a 404, with no event', async () => {
    const number = await v.number({ recording: true });
    const { callId, callSid, caller } = await v.call(number.phone_number);
    await caller.hangup();
    const params = { AccountSid: ACCOUNT_SID, CallSid: callSid, RecordingSid: `RE${'b'.repeat(32)}`, RecordingStatus: 'absent', RecordingDuration: '0', ErrorCode: '16102' };
    expect((await v.twilio('/carrier/twilio/recording-status', params, { query: `call_id=${callId}` })).status).toBe(204);
    const res = await v.api.get(`/v1/calls/${callId}/recording`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('This call has no recording.');
    // A callback naming another call's CallSid is not applied to this one.
    const other = await v.call(number.phone_number);
    await other.caller.hangup();
    const mismatched = { ...params, RecordingSid: `RE${'c'.repeat(32)}`, RecordingStatus: 'completed', CallSid: other.callSid };
    expect((await v.twilio('/carrier/twilio/recording-status', mismatched, { query: `call_id=${callId}` })).status).toBe(204);
    expect((await v.api.get(`/v1/calls/${callId}/recording`)).status).toBe(404);
  });
});
