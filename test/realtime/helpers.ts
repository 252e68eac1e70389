import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { encodeMulaw } from '../../src/media/mulaw.js';
import { connectMediaCaller, type MediaCaller } from '../fakes/fake-media-caller.js';
import { type FakeRealtime, type FakeRealtimeOptions, startFakeRealtime } from '../fakes/fake-realtime.js';
import { type FakeSpeechServer, startFakeSpeech } from '../fakes/fake-speech.js';
import { ACCOUNT_SID, AUTH_TOKEN, newCallSid, PUBLIC, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';

// The real app with a fake Realtime server, fake speech endpoints (the gateway's own lines), the
// fake Twilio REST API, and a fake phone on the Media Streams socket.

export interface RealtimeRig {
  v: VoiceHarness;
  realtime: FakeRealtime;
  speech: FakeSpeechServer;
  port: number;
  close(): Promise<void>;
}

export async function startRealtimeRig(o: { realtime?: FakeRealtimeOptions; env?: Record<string, string>; credits?: number } = {}): Promise<RealtimeRig> {
  const realtime = await startFakeRealtime(o.realtime);
  const speech = await startFakeSpeech();
  const v = await startVoiceHarness({
    credits: o.credits,
    env: { AGENTLINE_REALTIME_URL: realtime.url, AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_REALTIME_CONNECT_TIMEOUT_MS: '2000', ...o.env },
  });
  const port = (v.h.app.server.address() as AddressInfo).port;
  return {
    v,
    realtime,
    speech,
    port,
    async close() {
      await v.close();
      await realtime.close();
      await speech.close();
    },
  };
}

/** A managed realtime number. */
export async function realtimeNumber(rig: RealtimeRig, body: Record<string, unknown> = {}): Promise<{ id: string; phone_number: string }> {
  return rig.v.number({ webhook_url: undefined, system_prompt: 'You are the Acme front desk.', media_mode: 'realtime', ...body });
}

export async function ring(rig: RealtimeRig, phone: string): Promise<{ callId: string; callSid: string; twiml: string; caller: MediaCaller }> {
  const { v } = rig;
  const callSid = newCallSid();
  const res = await v.twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
  expect(res.status).toBe(200);
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)?.[1];
  expect(callId, res.text).toBeDefined();
  v.twilioRest.calls.set(callSid, { sid: callSid, to: phone, from: '+14155550123', status: 'in-progress', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates: [] });
  const caller = await connectMediaCaller({
    wsUrl: `ws://127.0.0.1:${rig.port}/carrier/twilio/media`,
    signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`,
    authToken: AUTH_TOKEN,
    callSid,
    customParameters: { callId: callId! },
  });
  return { callId: callId!, callSid, twiml: res.text, caller };
}

/** Loud enough for the fake's server VAD: a 300 Hz tone. */
export function speech(ms: number): Buffer {
  const samples = new Int16Array(ms * 8);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / 8000));
  return encodeMulaw(samples);
}

export const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

/** A caller turn: speech, then the silence that ends it. */
export const utterance = (ms = 400) => Buffer.concat([speech(ms), silence(500)]);

/** Polls the API gently (the rate limit counts every request). */
export async function slowly(check: () => Promise<boolean>, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met');
}
