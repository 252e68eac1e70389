import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { validateTwilioWebSocket } from '../../src/carriers/twilio/signature.js';
import { connectRelayCaller } from '../fakes/fake-relay-caller.js';

// The fake ConversationRelay caller against a throwaway loopback server that validates the
// signature like the gateway will (reject before the upgrade, doc §3.2) and echoes prompts.

const TOKEN = 'relay-token';
const PUBLIC = 'wss://gw.example.com/carrier/twilio/relay';

describe('fake relay caller', () => {
  let wss: WebSocketServer;
  let wsUrl: string;
  let serverFrames: unknown[];

  beforeEach(async () => {
    serverFrames = [];
    wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: (info: { req: IncomingMessage }, cb: (ok: boolean, code?: number, message?: string) => void) => {
        const signature = info.req.headers['x-twilio-signature'];
        const ok = validateTwilioWebSocket({ authToken: TOKEN, signature: typeof signature === 'string' ? signature : undefined, url: PUBLIC });
        cb(ok, 403, 'invalid signature');
      },
    });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/carrier/twilio/relay`;
    wss.on('connection', (ws: WebSocket) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string; voicePrompt?: string };
        serverFrames.push(frame);
        if (frame.type === 'prompt') {
          // Several frames in one burst, as a streaming LLM would produce.
          for (const token of ['You ', 'said: ', frame.voicePrompt!]) ws.send(JSON.stringify({ type: 'text', token, last: false }));
          ws.send(JSON.stringify({ type: 'text', token: '', last: true }));
        }
        if (frame.type === 'dtmf') ws.send(JSON.stringify({ type: 'end', handoffData: '{"reason":"dtmf"}' }));
      });
    });
  });
  afterEach(async () => {
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });

  it('sends setup on open and assembles streamed text into turns', async () => {
    const caller = await connectRelayCaller({
      wsUrl,
      signedUrl: PUBLIC,
      authToken: TOKEN,
      setup: { from: '+15005550006', direction: 'inbound' },
      customParameters: { callId: 'call_1' },
    });
    await expect.poll(() => serverFrames.length).toBeGreaterThan(0);
    expect(serverFrames[0]).toMatchObject({
      type: 'setup',
      from: '+15005550006',
      to: '+14155550100',
      direction: 'inbound',
      customParameters: { callId: 'call_1' },
    });
    expect(caller.setup.sessionId).toMatch(/^VX[0-9a-f]{32}$/);
    expect(caller.setup.callSid).toMatch(/^CA[0-9a-f]{32}$/);

    caller.prompt('hello');
    const latency = await caller.firstTokenAfterPrompt();
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(await caller.nextText()).toBe('You said: hello');
    caller.prompt('again');
    expect(await caller.nextText()).toBe('You said: again');
    expect(caller.received.filter((f) => f.type === 'text')).toHaveLength(8);

    caller.dtmf('0');
    const end = await caller.waitFor((f) => f.type === 'end');
    expect(JSON.parse(end.handoffData as string)).toEqual({ reason: 'dtmf' });
    expect(await caller.hangup()).toMatchObject({ code: 1000 });
  });

  it('rejects with the HTTP status when the upgrade is refused', async () => {
    const err = await connectRelayCaller({ wsUrl, signedUrl: PUBLIC, authToken: TOKEN, signature: 'forged' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'RelayConnectError', status: 403 });
    expect((err as Error).message).toContain('403');
    // Signed over the wrong URL (the loopback one instead of the public one): also refused.
    await expect(connectRelayCaller({ wsUrl, authToken: TOKEN })).rejects.toMatchObject({ status: 403 });
  });

  it('pending waits reject when the socket closes', async () => {
    const caller = await connectRelayCaller({ wsUrl, signedUrl: PUBLIC, authToken: TOKEN });
    const pending = caller.nextText(5000);
    for (const c of wss.clients) c.close(1011, 'boom');
    await expect(pending).rejects.toThrow(/closed \(1011 boom\)/);
    expect(await caller.closed).toEqual({ code: 1011, reason: 'boom' });
  });
});
