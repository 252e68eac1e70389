import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signTwilioWebSocket } from '../../src/carriers/twilio/signature.js';
import type { RelayCaller } from '../fakes/fake-relay-caller.js';
import { connectMediaCaller } from '../fakes/fake-media-caller.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { type Api, expectOk, fund } from '../helpers/harness.js';
import { ACCOUNT_SID, AUTH_TOKEN, eventually, newCallSid, PUBLIC, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';

// Nothing a client sends on a socket we serve can stop the gateway. Every bad frame in the table
// is thrown at every socket, over real WebSockets on loopback, while another call on the same
// gateway keeps talking; each socket either ignores the frame (and still talks afterwards) or is
// closed with the code the table names.

let v: VoiceHarness;
let testApi: Api;
let testKey: string;
let livePhone: string;
let testPhone: string;
let streamPhone: string;
let speech: FakeSpeechServer;
/** The call that must keep talking through every barrage. */
let bystander: RelayCaller;

interface Closed {
  code: number;
  reason: string;
}

/** A socket with a call in progress, as the table's frames find it. */
interface LiveSocket {
  ws: WebSocket;
  closed: Promise<Closed>;
  /** Says a line as the caller and resolves with the agent's answer. */
  talk(text: string): Promise<string>;
}

/** Everything a socket kind needs for the table: how to open it live, and fresh (nothing sent yet). */
interface SocketKind {
  name: string;
  openLive(): Promise<LiveSocket>;
  openFresh(): Promise<{ ws: WebSocket; closed: Promise<Closed> }>;
  /** A valid frame this protocol only allows once a call is set up. */
  tooEarly: string;
}

const closedOf = (ws: WebSocket) => new Promise<Closed>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));

function open(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, handshakeTimeout: 5000 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The text of the next talk cycle (text frames up to `last:true`) on a raw softphone socket. */
function nextCycle(ws: WebSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onMessage = (raw: WebSocket.RawData) => {
      const f = JSON.parse(raw.toString()) as { type: string; token?: string; last?: boolean };
      if (f.type !== 'text') return;
      text += f.token ?? '';
      if (f.last) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(text);
      }
    };
    const onClose = () => reject(new Error(`socket closed before a reply (so far: "${text}")`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
}

const softphone: SocketKind = {
  name: 'softphone',
  async openLive() {
    const ws = await open(`${v.wsBase}/v1/softphone`, { authorization: `Bearer ${testKey}` });
    const closed = closedOf(ws);
    const greeting = nextCycle(ws);
    ws.send(JSON.stringify({ type: 'dial', to: testPhone }));
    expect(await greeting).toBe('Hi there.');
    return {
      ws,
      closed,
      async talk(text) {
        const reply = nextCycle(ws);
        ws.send(JSON.stringify({ type: 'prompt', voicePrompt: text, last: true }));
        return reply;
      },
    };
  },
  async openFresh() {
    const ws = await open(`${v.wsBase}/v1/softphone`, { authorization: `Bearer ${testKey}` });
    return { ws, closed: closedOf(ws) };
  },
  tooEarly: JSON.stringify({ type: 'prompt', voicePrompt: 'hello?' }),
};

const relay: SocketKind = {
  name: 'relay',
  async openLive() {
    const { caller } = await v.call(livePhone);
    return {
      ws: caller.socket,
      closed: caller.closed,
      async talk(text) {
        caller.prompt(text);
        return caller.nextText();
      },
    };
  },
  async openFresh() {
    const ws = await open(`${v.wsBase}/carrier/twilio/relay`, { 'X-Twilio-Signature': signTwilioWebSocket(AUTH_TOKEN, `${PUBLIC.replace('https', 'wss')}/carrier/twilio/relay`) });
    return { ws, closed: closedOf(ws) };
  },
  tooEarly: JSON.stringify({ type: 'prompt', voicePrompt: 'hello?', last: true }),
};

// Media Streams: a `stream` number's call, frames keyed on `event`. The caller talks with real
// audio (a fixture utterance); the fake STT hears `text` and the agent's answer is what the
// gateway sends to TTS.
const media: SocketKind = {
  name: 'media',
  async openLive() {
    const callSid = newCallSid();
    const res = await v.twilio('/carrier/twilio/voice', { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: streamPhone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
    const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(res.text)?.[1] ?? '';
    const caller = await connectMediaCaller({ wsUrl: `${v.wsBase}/carrier/twilio/media`, signedUrl: `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`, authToken: AUTH_TOKEN, callSid, customParameters: { callId } });
    // The session is up once the greeting's audio flows.
    await caller.waitFor((f) => f.event === 'media');
    return {
      ws: caller.socket,
      closed: caller.closed,
      async talk(text) {
        speech.scriptStt({ text });
        const asked = speech.speech.length;
        await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), Buffer.alloc(800 * 8, 0xff)]));
        return eventually(async () => speech.speech.slice(asked).find((r) => r.body.input !== 'Hi there.')?.body.input, 15_000);
      },
    };
  },
  async openFresh() {
    const ws = await open(`${v.wsBase}/carrier/twilio/media`, { 'X-Twilio-Signature': signTwilioWebSocket(AUTH_TOKEN, `${PUBLIC.replace('https', 'wss')}/carrier/twilio/media`) });
    return { ws, closed: closedOf(ws) };
  },
  tooEarly: JSON.stringify({ event: 'media', media: { payload: '' } }),
};

const SOCKETS: SocketKind[] = [softphone, relay, media];

type Expect = Record<string, number | 'ignored'>;
interface BadFrame {
  name: string;
  data: string | Buffer;
  binary?: boolean;
  /** Close code per socket kind, or 'ignored' (the socket stays up and keeps talking). */
  expect: Expect;
}

const every = (code: number | 'ignored'): Expect => ({ softphone: code, relay: code, media: code });
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const BAD_FRAMES: BadFrame[] = [
  { name: 'null', data: 'null', expect: every(1007) },
  { name: 'a number', data: '42', expect: every(1007) },
  { name: 'an array', data: '[{"type":"prompt","voicePrompt":"hi"}]', expect: every(1007) },
  { name: 'a string', data: '"prompt"', expect: every(1007) },
  { name: 'true', data: 'true', expect: every(1007) },
  { name: 'not JSON', data: '{"type": "prompt", voicePrompt', expect: every(1007) },
  { name: 'empty text', data: '', expect: every(1007) },
  { name: 'a binary frame', data: Buffer.from([0x00, 0xff, 0x10]), binary: true, expect: every(1003) },
  { name: 'binary JSON', data: Buffer.from('{"type":"prompt","voicePrompt":"hi"}'), binary: true, expect: every(1003) },
  { name: 'invalid UTF-8 in a text frame', data: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), binary: false, expect: every(1007) },
  { name: 'an object without type', data: '{"voicePrompt":"hi"}', expect: every(1007) },
  { name: 'a numeric type', data: '{"type":5}', expect: every(1007) },
  { name: 'an unknown type', data: '{"type":"launchMissiles"}', expect: { softphone: 1008, relay: 'ignored', media: 1007 } },
  { name: 'type __proto__', data: '{"type":"__proto__"}', expect: { softphone: 1008, relay: 'ignored', media: 1007 } },
  { name: 'type constructor', data: '{"type":"constructor"}', expect: { softphone: 1008, relay: 'ignored', media: 1007 } },
  { name: 'a numeric voicePrompt', data: '{"type":"prompt","voicePrompt":5}', expect: every(1007) },
  { name: 'a prompt without voicePrompt', data: '{"type":"prompt"}', expect: every(1007) },
  { name: 'an object digit', data: '{"type":"dtmf","digit":{}}', expect: every(1007) },
  { name: 'a two-key digit', data: '{"type":"dtmf","digit":"12"}', expect: every(1007) },
  { name: 'an array utterance', data: '{"type":"interrupt","utteranceUntilInterrupt":[]}', expect: every(1007) },
  { name: 'a string last', data: '{"type":"prompt","voicePrompt":"hi","last":"yes"}', expect: every(1007) },
  { name: 'JSON nested 20,000 deep', data: `{"type":"dtmf","digit":${deep(20_000)}}`, expect: every(1007) },
  { name: 'a setup with a numeric callSid', data: '{"type":"setup","callSid":7}', expect: { softphone: 1008, relay: 1007, media: 1007 } },
  { name: 'a second setup', data: '{"type":"setup","callSid":"CA1","customParameters":{}}', expect: { softphone: 1008, relay: 1008, media: 1007 } },
  { name: 'a dial with a numeric to', data: '{"type":"dial","to":15551234567}', expect: { softphone: 1007, relay: 'ignored', media: 1007 } },
  // Media Streams frames (keyed on `event`, so the text protocols find no `type`).
  { name: 'an unknown event', data: '{"event":"somethingNew"}', expect: { softphone: 1007, relay: 1007, media: 'ignored' } },
  { name: 'event __proto__', data: '{"event":"__proto__"}', expect: { softphone: 1007, relay: 1007, media: 'ignored' } },
  { name: 'a numeric sequenceNumber', data: '{"event":"media","sequenceNumber":4,"media":{"payload":""}}', expect: every(1007) },
  { name: 'a payload that is not base64', data: '{"event":"media","media":{"payload":"%%%"}}', expect: every(1007) },
  { name: 'a mark without a name', data: '{"event":"mark","mark":{}}', expect: every(1007) },
  { name: 'a two-key dtmf event', data: '{"event":"dtmf","dtmf":{"digit":"12"}}', expect: every(1007) },
  { name: 'a second start', data: '{"event":"start","streamSid":"MZ1","start":{"callSid":"CA1"}}', expect: { softphone: 1007, relay: 1007, media: 1008 } },
  { name: 'a frame over 64 KiB', data: JSON.stringify({ type: 'prompt', voicePrompt: 'x'.repeat(70 * 1024) }), expect: every(1009) },
];

beforeAll(async () => {
  speech = await startFakeSpeech();
  v = await startVoiceHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url } });
  livePhone = (await v.number()).phone_number;
  streamPhone = (await v.number({ media_mode: 'stream', first_message: 'Hi there.' })).phone_number;
  testKey = await v.h.key({ workspace: 'acme', mode: 'test' });
  testApi = v.h.api(testKey);
  await fund(testApi, 5000);
  testPhone = expectOk(await testApi.post('/v1/numbers', { webhook_url: `${v.agent.url}/agent`, first_message: 'Hi there.' }), 201).data.phone_number;
  ({ caller: bystander } = await v.call(livePhone));
  bystander.prompt('I am the bystander');
  expect(await bystander.nextText()).toBe('Hello');
});
afterAll(async () => {
  await v?.close();
  await speech?.close();
});

/** Sends a frame exactly as the table gives it (text, binary, or bytes marked as text). */
const sendRaw = (ws: WebSocket, f: BadFrame) => ws.send(f.data, { binary: f.binary ?? false });

describe.each(SOCKETS)('$name socket', (kind) => {
  it.each(BAD_FRAMES)('during a call: $name', async (f) => {
    const s = await kind.openLive();
    sendRaw(s.ws, f);
    const expected = f.expect[kind.name];
    if (expected === 'ignored') {
      expect(await s.talk('still there?')).toBe('Hello');
      s.ws.close(1000);
    } else {
      const { code } = await s.closed;
      // An oversized frame is refused unread: while the gateway is sending audio, closing on the
      // unread rest of it can reset the TCP connection before the 1009 close frame gets through.
      if (f.name === 'a frame over 64 KiB' && kind.name === 'media') expect([1009, 1006]).toContain(code);
      else expect(code).toBe(expected);
    }
    // Whatever happened to that socket, the other call on the gateway keeps talking.
    bystander.prompt(`after ${f.name}`);
    expect(await bystander.nextText()).toBe('Hello');
  });

  it('a frame that needs a call, before one is set up, closes with 1008', async () => {
    const s = await kind.openFresh();
    s.ws.send(kind.tooEarly);
    expect((await s.closed).code).toBe(1008);
  });

  it.each(BAD_FRAMES.filter((f) => f.expect[kind.name] !== 'ignored' && f.expect[kind.name] !== 1008))('before a call: $name', async (f) => {
    const s = await kind.openFresh();
    sendRaw(s.ws, f);
    expect((await s.closed).code).toBe(f.expect[kind.name]);
  });
});

describe('after the barrage', () => {
  it('the gateway still serves HTTP and the bystander call still talks', async () => {
    const res = await fetch(`${v.wsBase.replace('ws', 'http')}/healthz`);
    expect(res.status).toBe(200);
    bystander.prompt('last words');
    expect(await bystander.nextText()).toBe('Hello');
  });

  it('frames after the agent ended the call are dropped: no new turn, no crash', async () => {
    const first = v.agent.requests.length;
    v.agent.script((_req, n) =>
      n === first
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 'c1', name: 'end_call', arguments: '{"goodbye":"Bye now."}' } }, { finish: 'tool_calls' }, { done: true }] }
        : { steps: [{ role: true }, { delta: 'Hello' }, { finish: 'stop' }, { done: true }] },
    );
    const { caller, callId } = await v.call(livePhone);
    caller.prompt('goodbye');
    await caller.waitFor((fr) => fr.type === 'end');
    caller.prompt('wait, one more thing');
    caller.dtmf('1');
    caller.send({ type: 'interrupt', utteranceUntilInterrupt: '' });
    // Twilio closes the socket after `end`; until then the gateway must not start a turn.
    bystander.prompt('are you there?');
    expect(await bystander.nextText()).toBe('Hello');
    expect(v.agent.requests.length).toBe(first + 2); // the goodbye turn and the bystander's
    await caller.hangup();
    const t = expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data.turns;
    expect(t.map((x: { speaker: string }) => x.speaker)).toEqual(['caller', 'agent']);
  });
});
