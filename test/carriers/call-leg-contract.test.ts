import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RelayLeg } from '../../src/carriers/relay-leg.js';
import { SoftphoneLeg } from '../../src/carriers/sim/softphone-leg.js';
import { serveFrames } from '../../src/carriers/socket-frames.js';
import { parseRelayFrame, type RelayFrame } from '../../src/carriers/twilio/relay-frames.js';
import { parseSoftphoneFrame, type SoftphoneFrame } from '../../src/carriers/sim/softphone-frames.js';
import { SileroVadModel } from '../../src/speech/vad/silero-vad.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { callLegContract, textCarrier } from './call-leg-contract.js';
import { mediaLegHarness } from './call-leg-contract-media.js';
import { eventually } from '../helpers/voice.js';
import { once } from 'node:events';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';

// Every leg passes the same contract (call-leg-contract.ts), each over a real loopback socket
// with its protocol's own parser in front, as its socket handler serves it: ConversationRelay,
// the test-mode softphone and Twilio Media Streams (real Silero VAD, fake STT/TTS through the
// real openai SDK; call-leg-contract-media.ts).

let model: SileroVadModel;
let speech: FakeSpeechServer;
beforeAll(async () => {
  model = await SileroVadModel.load({ sampleRate: 8000 });
  speech = await startFakeSpeech();
});
afterAll(async () => {
  await speech?.close();
  await model?.close();
});

const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return quiet; }, level: 'silent', silent() {} } as never;

/** What voice-routes.ts does with a relay frame after `setup`. */
function serveRelay(socket: WebSocket, leg: RelayLeg) {
  serveFrames<RelayFrame>(socket, {
    protocol: 'relay',
    log: quiet,
    parse: parseRelayFrame,
    handle(frame) {
      if (frame.type === 'prompt' || frame.type === 'interrupt' || frame.type === 'dtmf') return leg.handle(frame);
      if (frame.type === 'info') return leg.info(frame);
    },
  });
}

const speakerOff = (client: WebSocket) => client.send(JSON.stringify({ type: 'info', name: 'agentSpeaking', value: 'off', ts: Date.now() }));

callLegContract({
  name: 'ConversationRelay (with playback reports)',
  waitsForPlayback: true,
  open({ socket }) {
    // An estimate far longer than any test: only the carrier's report may release `end`.
    const leg = new RelayLeg(socket, { speechMs: () => 600_000 });
    serveRelay(socket, leg);
    return {
      leg,
      carrier: (client) => {
        // Twilio reports that it started speaking as soon as text arrives.
        client.on('message', (data) => {
          const f = JSON.parse(String(data)) as { type: string; last?: boolean };
          if (f.type === 'text' && f.last === false) client.send(JSON.stringify({ type: 'info', name: 'agentSpeaking', value: 'on', ts: Date.now() }));
        });
        return textCarrier(client, { finishPlayback: speakerOff });
      },
    };
  },
});

callLegContract({
  name: 'test-mode softphone',
  waitsForPlayback: false,
  open({ socket }) {
    const leg = new SoftphoneLeg(socket);
    serveFrames<SoftphoneFrame>(socket, {
      protocol: 'softphone',
      log: quiet,
      parse: parseSoftphoneFrame,
      handle(f) {
        if (f.type === 'prompt' || f.type === 'interrupt' || f.type === 'dtmf') return leg.handle(f);
      },
    });
    return { leg, carrier: (client) => textCarrier(client, { finishPlayback: () => undefined }) };
  },
});

callLegContract(mediaLegHarness({ model: () => model, speech: () => speech }));

describe('ConversationRelay end without playback reports', () => {
  it('falls back to the speech estimate: the end still comes, after the last words', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const frames: Array<{ type: string }> = [];
    client.on('message', (d) => frames.push(JSON.parse(String(d)) as { type: string }));
    await once(client, 'open');
    const [socket] = await accepted;
    try {
      const leg = new RelayLeg(socket, { speechMs: (chars) => chars });
      serveRelay(socket, leg);
      leg.attach({ callerSaid() {}, interrupted() {}, digit() {}, hangup() {} });
      leg.speak('Goodbye!');
      await leg.end({ reason: 'agent_ended' });
      await eventually(async () => frames.some((f) => f.type === 'end'));
      expect(frames.map((f) => f.type)).toEqual(['text', 'end']);
    } finally {
      client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    }
  });
});
