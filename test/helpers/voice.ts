import type { AddressInfo } from 'node:net';
import { createOpenAIClient } from '../../src/agents/managed-agent.js';
import { signTwilioRequest } from '../../src/carriers/twilio/signature.js';
import { TwilioDialer } from '../../src/carriers/twilio/twilio-dialer.js';
import { TwilioSmsSender } from '../../src/sms/sms-sender.js';
import { createTwilioClient } from '../../src/carriers/twilio/twilio-client.js';
import { loadConfig } from '../../src/config.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import { type FakeServer, startFakeSseAgent } from '../fakes/fake-sse-agent.js';
import { startFakeTwilioRest } from '../fakes/fake-twilio-rest.js';
import { connectRelayCaller, type RelayCaller } from '../fakes/fake-relay-caller.js';
import { type Api, createHarness, expectOk, fund, type Harness } from './harness.js';

// The gateway listening on loopback as Twilio sees it: PUBLIC_URL is a public host (what
// Twilio signs), the sockets go to 127.0.0.1. A fake agent webhook, a fake OpenAI server and a
// fake Twilio REST server stand in for the outside world.

export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const AUTH_TOKEN = 'twilio-test-token';
export const PUBLIC = 'https://gw.example.com';

export interface VoiceHarness {
  h: Harness;
  api: Api;
  agent: FakeServer;
  openai: FakeServer;
  twilioRest: Awaited<ReturnType<typeof startFakeTwilioRest>>;
  wsBase: string;
  /** A signed carrier webhook POST (form-encoded), as Twilio sends it. */
  twilio(path: string, params: Record<string, string>, opts?: { signature?: string; query?: string }): Promise<{ status: number; text: string }>;
  /** Provisions a live number behind the fake webhook agent (or managed). */
  number(body?: Record<string, unknown>): Promise<{ id: string; phone_number: string }>;
  /** Rings the number and joins the relay as the caller. */
  call(phone: string, opts?: { callSid?: string; from?: string }): Promise<{ caller: RelayCaller; callId: string; callSid: string; twiml: string }>;
  close(): Promise<void>;
}

let sidCounter = 0;
export const newCallSid = () => `CA${String(Date.now()).padStart(16, '0')}${String(++sidCounter).padStart(16, '0')}`;

export async function startVoiceHarness(opts: { env?: Record<string, string>; credits?: number } = {}): Promise<VoiceHarness> {
  const agent = await startFakeSseAgent();
  const openai = await startFakeOpenAI();
  const twilioRest = await startFakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const env = {
    PUBLIC_URL: PUBLIC,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilioRest.baseUrl,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openai.url,
    AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS: '1500',
    ...opts.env,
  };
  const config = loadConfig(env);
  const h = await createHarness({
    env,
    liveDialer: new TwilioDialer(createTwilioClient(config), config.publicUrl),
    liveSmsSender: new TwilioSmsSender(createTwilioClient(config), config.publicUrl),
    openai: createOpenAIClient({ apiKey: 'sk-test', baseURL: openai.url, timeoutMs: 10_000 }),
  });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (h.app.server.address() as AddressInfo).port;
  const api = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
  await fund(api, opts.credits ?? 10_000);

  const twilio: VoiceHarness['twilio'] = async (path, params, o = {}) => {
    const url = `${PUBLIC}${path}${o.query ? `?${o.query}` : ''}`;
    const res = await h.request({
      method: 'POST',
      url: `${path}${o.query ? `?${o.query}` : ''}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': o.signature ?? signTwilioRequest(AUTH_TOKEN, url, params) },
      payload: new URLSearchParams(params).toString(),
    });
    return { status: res.status, text: res.text };
  };

  const number: VoiceHarness['number'] = async (body = {}) =>
    expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, system_prompt: 'You are a helpful test agent.', ...body }), 201).data;

  const call: VoiceHarness['call'] = async (phone, o = {}) => {
    const callSid = o.callSid ?? newCallSid();
    const from = o.from ?? '+15005550006';
    const res = await twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
    if (res.status !== 200) throw new Error(`voice webhook ${res.status}: ${res.text}`);
    const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)?.[1];
    if (!callId) throw new Error(`no ConversationRelay in ${res.text}`);
    const caller = await connectRelayCaller({
      wsUrl: `ws://127.0.0.1:${port}/carrier/twilio/relay`,
      signedUrl: `wss://gw.example.com/carrier/twilio/relay`,
      authToken: AUTH_TOKEN,
      setup: { callSid, from, to: phone, direction: 'inbound' },
      customParameters: { callId },
    });
    return { caller, callId, callSid, twiml: res.text };
  };

  return {
    h,
    api,
    agent,
    openai,
    twilioRest,
    wsBase: `ws://127.0.0.1:${port}`,
    twilio,
    number,
    call,
    async close() {
      await h.close();
      await Promise.all([agent.close(), openai.close(), twilioRest.close()]);
    },
  };
}

/** Polls until `check` returns a truthy value (for state that settles after a socket event). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sseReply = (...deltas: string[]) => ({ steps: [{ role: true as const }, ...deltas.map((d) => ({ delta: d })), { finish: 'stop' as const }, { done: true as const }] });
