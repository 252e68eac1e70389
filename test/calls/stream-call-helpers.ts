import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { connectMediaCaller, type MediaCaller } from '../fakes/fake-media-caller.js';
import { tonePcm } from '../fakes/fake-speech.js';
import type { FormParams } from '../fakes/fake-twilio-rest.js';
import { PhoneAudioEncoder } from '../../src/media/tts-to-phone.js';
import { ACCOUNT_SID, AUTH_TOKEN, newCallSid, PUBLIC, type VoiceHarness } from '../helpers/voice.js';

// Shared by the stream-call tests: ringing a `stream` number as Twilio does (the voice webhook,
// then a signed Media Streams socket from the fake phone), and what the fake TTS sounds like.

export const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

export const HANGUP_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

/** What the phone hears for each clause through the fake TTS (a tone, 50 ms per character). */
export function ttsAudio(...clauses: string[]): Buffer {
  const encoder = new PhoneAudioEncoder();
  return Buffer.concat(clauses.flatMap((c) => [...encoder.push(tonePcm(50 * c.length)), ...encoder.end()]));
}

/** Polls the API gently (the rate limit counts every request). */
export async function slowly(check: () => Promise<boolean>, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not met');
}

/** One REST update of the live call, with what the phone had played when it arrived. */
export interface RestUpdate {
  twiml: string | undefined;
  status: string | undefined;
  /** Marks the phone had echoed (played) when Twilio got the update. */
  echoedMarks: string[];
  /** Marks the gateway had sent by then. */
  sentMarks: string[];
}

export interface RungCall {
  callId: string;
  callSid: string;
  twiml: string;
  caller: MediaCaller;
  /** Every `calls(sid).update` the gateway made, in order. */
  restUpdates: RestUpdate[];
}

/** Twilio's voice webhook for an inbound call to `phone`, then the fake phone joins the stream. */
export async function ringStream(v: VoiceHarness, phone: string, opts: { from?: string; wsUrl?: string } = {}): Promise<RungCall> {
  const callSid = newCallSid();
  const from = opts.from ?? '+14155550123';
  const res = await v.twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
  expect(res.status).toBe(200);
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)?.[1];
  expect(callId, res.text).toBeDefined();
  // The call exists at the (fake) carrier, so the REST end can redirect it. Each update is
  // snapshotted against the phone's playout the moment it arrives.
  const restUpdates: RestUpdate[] = [];
  let caller: MediaCaller | undefined;
  const updates: FormParams[] = [];
  updates.push = (...items: FormParams[]) => {
    for (const p of items) {
      restUpdates.push({
        twiml: typeof p.Twiml === 'string' ? p.Twiml : undefined,
        status: typeof p.Status === 'string' ? p.Status : undefined,
        echoedMarks: [...(caller?.echoedMarks ?? [])],
        sentMarks: (caller?.received ?? []).filter((f) => f.event === 'mark').map((f) => f.mark!.name),
      });
    }
    return Array.prototype.push.apply(updates, items);
  };
  v.twilioRest.calls.set(callSid, { sid: callSid, to: phone, from, status: 'in-progress', url: null, twiml: null, statusCallback: null, statusCallbackEvent: [], params: {}, updates });
  const port = (v.h.app.server.address() as AddressInfo).port;
  caller = await connectMediaCaller({
    wsUrl: opts.wsUrl ?? `ws://127.0.0.1:${port}/carrier/twilio/media`,
    signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`,
    authToken: AUTH_TOKEN,
    callSid,
    customParameters: { callId: callId! },
  });
  return { callId: callId!, callSid, twiml: res.text, caller, restUpdates };
}

/** The carrier's final status callback, as Twilio sends it once the call is over. */
export async function completed(v: VoiceHarness, callSid: string, seconds: number): Promise<void> {
  const res = await v.twilio('/carrier/twilio/status', { CallSid: callSid, AccountSid: ACCOUNT_SID, CallStatus: 'completed', CallDuration: String(seconds), SequenceNumber: '9' });
  expect(res.status).toBeLessThan(300);
}
