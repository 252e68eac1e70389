import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaCaller } from '../../src/softphone/media-caller.js';
import { runMediaCall } from '../../src/softphone/media-call-cli.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { AUDIO_DIR } from '../helpers/audio-fixtures.js';
import { createHarness, expectOk, fund } from '../helpers/harness.js';
import { ACCOUNT_SID, eventually } from '../helpers/voice.js';
import { startFakeRealtime } from '../fakes/fake-realtime.js';
import { startFakeSpeech } from '../fakes/fake-speech.js';
import { type RealtimeRig, realtimeNumber, ring, slowly, startRealtimeRig, utterance } from './helpers.js';

// The credit cut-off on a realtime call, and `agentline call --audio` on a realtime test number.

describe('credits on a realtime call', () => {
  let rig: RealtimeRig;
  // Minutes of 1.5 s at $3.00: after the number's fee the balance pays for one.
  beforeAll(async () => {
    rig = await startRealtimeRig({
      env: { AGENTLINE_BILLING_MINUTE_MS: '1500', AGENTLINE_PRICE_INBOUND_MINUTE_CENTS: '300' },
      credits: 1000,
      // A word of the story is still on the wire when the cancel reaches the model.
      realtime: { reply: () => ({ say: 'Let me tell you a very long story about our many fine products and services.', msPerWord: 300 }), transcripts: ['Tell me a story.'], lateWords: 1 },
    });
  });
  afterAll(async () => rig?.close());

  it('cuts the model off, says the credits goodbye and ends at the minute boundary', async () => {
    const number = await realtimeNumber(rig);
    const before = rig.realtime.connections.length;
    const { callId, callSid, caller } = await ring(rig, number.phone_number);
    await rig.realtime.waitForConnections(before + 1);
    const conn = rig.realtime.connections[before]!;
    await eventually(async () => conn.session !== null);
    await caller.play(utterance(300));

    expect((await caller.closed).code).toBe(1000);
    const heard = Buffer.concat(caller.audioFrames());
    const goodbye = readFileSync(new URL('../../media/credits_goodbye.ulaw', import.meta.url));
    const goodbyeAt = heard.indexOf(goodbye);
    expect(goodbyeAt).toBeGreaterThan(0);
    expect(conn.events.some((e) => e.type === 'response.cancel')).toBe(true);
    // The story's word that came after the cancel is not played: the goodbye is the last thing heard.
    for (const late of conn.deltas.slice(-2)) expect(heard.indexOf(late.subarray(0, 160))).toBe(-1);
    expect(heard.length).toBe(goodbyeAt + goodbye.length);
    expect(rig.v.twilioRest.calls.get(callSid)!.updates.map((u) => u.Twiml)).toEqual(['<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>']);
    await rig.v.twilio('/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: '2', SequenceNumber: '5' });
    await slowly(async () => expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.status === 'completed');
    expect(expectOk(await rig.v.api.get(`/v1/calls/${callId}`)).data.end_reason).toBe('insufficient_credits');
    expect(expectOk(await rig.v.api.get(`/v1/credits/ledger?related_id=${callId}&kind=call_minutes`)).data).toHaveLength(1);
    expect(expectOk(await rig.v.api.get('/v1/credits/balance')).data.balance_cents).toBeGreaterThanOrEqual(0);
    const turns = expectOk(await rig.v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as Array<{ speaker: string; text: string; interrupted: boolean }>;
    expect(turns.at(-1)).toMatchObject({ speaker: 'agent', text: 'This call has reached its time limit. Goodbye.' });
    expect(turns.find((t) => t.text.startsWith('Let me'))).toMatchObject({ interrupted: true });
  }, 60_000);
});

describe('the media softphone on a realtime test number', () => {
  it('joins with --audio, prints the turns as they happen and bills the call', async () => {
    const realtime = await startFakeRealtime({ reply: () => ({ say: 'Hello, how can I help?' }), transcripts: ['Hello there.'] });
    const speech = await startFakeSpeech();
    const h = await createHarness({ env: { AGENTLINE_REALTIME_URL: realtime.url, AGENTLINE_SPEECH_BASE_URL: speech.url } });
    try {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(h.app.server.address() as { port: number }).port}`;
      const key = await h.key({ workspace: 'dev' });
      const api = h.api(key);
      await fund(api, 2000);
      const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'Be brief.', media_mode: 'realtime', first_message: 'Hi, this is Acme.' }), 201).data;
      let printed = '';
      let caller!: MediaCaller;
      const run = runMediaCall({ baseUrl: base, key, number: num.phone_number, wav: readFileSync(join(AUDIO_DIR, 'hello.wav')), out: (s) => (printed += s), onCaller: (c) => (caller = c) });
      await eventually(async () => printed.includes('agent: Hello, how can I help?'), 30_000);
      expect(printed.split('\n').filter((l) => /^(agent|caller): /.test(l))).toEqual(['agent: Hi, this is Acme.', 'caller: Hello there.', 'agent: Hello, how can I help?']);
      await caller.hangup();
      expect(await run).toBe(0);
      const callId = caller.call!.call_id;
      const c = await eventually(async () => {
        const got = expectOk(await api.get(`/v1/calls/${callId}`)).data;
        return got.status === 'completed' ? got : null;
      });
      expect(c).toMatchObject({ livemode: false, billed_minutes: 1, end_reason: 'caller_hangup' });

      // The text softphone points a realtime number to --audio, and dials nothing.
      const phone = await SoftphoneClient.connect(base, key);
      phone.dial(num.phone_number);
      await phone.closed;
      expect(phone.failures[0]).toMatchObject({ code: 'stream_number' });
      expect(phone.failures[0]!.message).toContain(`is a realtime-mode number`);
      expect(phone.failures[0]!.message).toContain(`agentline call ${num.phone_number} --audio in.wav`);
    } finally {
      await h.close();
      await realtime.close();
      await speech.close();
    }
  }, 60_000);
});
