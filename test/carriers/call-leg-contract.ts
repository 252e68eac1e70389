import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallLeg, CallOutcome, LegEvents } from '../../src/calls/call-leg.js';
import { eventually as poll } from '../helpers/voice.js';

/** Polls an assertion until it holds. */
const eventually = (assertion: () => void) => poll(async () => (assertion(), true), 15_000);

// The contract every CallLeg keeps, whatever it carries (ConversationRelay text, softphone
// frames, Media Streams audio). A leg kind joins by giving a LegHarness: how to build the leg on
// the server end of a real loopback WebSocket, and how its carrier (the client end) speaks.

export interface CarrierSide {
  /** A final caller turn. */
  say(text: string): void;
  /** The caller barges in, having heard `heard` of the agent's reply. */
  interrupt(heard: string): void;
  press(digit: string): void;
  /** The carrier reports that everything sent so far has been played (no-op for a leg that needs no report). */
  finishPlayback(): void;
  /** What the agent said so far, as the carrier received it. */
  spoken(): string;
  /** Talk cycles the leg closed. */
  turnEnds(): number;
  digits(): string[];
  /** The outcome the leg handed the carrier at the end, or null. */
  ended(): CallOutcome | null;
  hangUp(): void;
  /**
   * Resolves once everything the carrier said so far has reached the leg (a carrier whose words
   * take audio time and a transcription). Absent: one frame sent is one frame received.
   */
  delivered?(): Promise<void>;
}

export interface LegHarness {
  name: string;
  /** The leg waits for the carrier's playback report before `end` (false: heard when sent). */
  waitsForPlayback: boolean;
  /** A leg on the server end of a fresh socket; its carrier on the client end. */
  open(server: { socket: WebSocket }): { leg: CallLeg; carrier: (client: WebSocket) => CarrierSide };
}

interface Recorded {
  said: string[];
  interrupted: string[];
  digits: string[];
  hangups: number;
}

function recorder(): LegEvents & { seen: Recorded } {
  const seen: Recorded = { said: [], interrupted: [], digits: [], hangups: 0 };
  return {
    seen,
    callerSaid: (t) => seen.said.push(t),
    interrupted: (h) => seen.interrupted.push(h),
    digit: (d) => seen.digits.push(d),
    hangup: () => seen.hangups++,
  };
}

async function connect(h: LegHarness) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  await once(client, 'open');
  const [socket] = await accepted;
  let received = 0;
  socket.on('message', () => received++);
  const { leg, carrier } = h.open({ socket });
  return {
    leg,
    received: () => received,
    carrier: carrier(client),
    client,
    async close() {
      client.terminate();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

export function callLegContract(h: LegHarness) {
  describe(`CallLeg contract: ${h.name}`, () => {
    it('speak streams the reply to the carrier and endTurn closes the talk cycle', async () => {
      const c = await connect(h);
      try {
        c.leg.attach(recorder());
        c.leg.speak('Hello, ');
        c.leg.speak('how can I help?');
        c.leg.endTurn();
        await eventually(() => expect(c.carrier.turnEnds()).toBe(1));
        expect(c.carrier.spoken()).toBe('Hello, how can I help?');
      } finally {
        await c.close();
      }
    });

    it('caller turns, barge-ins and keys reach the session in order, including those sent before it attached', async () => {
      const c = await connect(h);
      try {
        c.carrier.say('early words');
        const events = recorder();
        // The frame reached the leg while the session was still starting: it must wait, not vanish.
        if (c.carrier.delivered) await c.carrier.delivered();
        else await eventually(() => expect(c.received()).toBe(1));
        c.leg.attach(events);
        c.leg.speak('Our opening hours are nine to five. ');
        c.leg.speak('On Saturdays we open at ten, and on Sundays we are closed all day.');
        c.carrier.interrupt('Our opening hours are nine to five.');
        c.carrier.press('5');
        c.carrier.say('And on Saturday?');
        await eventually(() => expect(events.seen.said).toEqual(['early words', 'And on Saturday?']));
        expect(events.seen.interrupted).toEqual(['Our opening hours are nine to five.']);
        expect(events.seen.digits).toEqual(['5']);
        expect(events.seen.hangups).toBe(0);
      } finally {
        await c.close();
      }
    });

    it('sendDigits presses keys towards the other party', async () => {
      const c = await connect(h);
      try {
        c.leg.attach(recorder());
        c.leg.sendDigits('1w23#');
        await eventually(() => expect(c.carrier.digits()).toEqual(['1w23#']));
      } finally {
        await c.close();
      }
    });

    it('the carrier hanging up is one hangup event, and the leg says nothing after it', async () => {
      const c = await connect(h);
      try {
        const events = recorder();
        c.leg.attach(events);
        c.carrier.hangUp();
        await eventually(() => expect(events.seen.hangups).toBe(1));
        c.leg.speak('anyone there?');
        await expect(c.leg.end({ reason: 'agent_ended' })).resolves.toBeUndefined();
        expect(events.seen.hangups).toBe(1);
      } finally {
        await c.close();
      }
    });

    it('end hands the outcome to the carrier once the last words were heard, once', async () => {
      const c = await connect(h);
      try {
        const events = recorder();
        c.leg.attach(events);
        c.leg.speak('Transferring you now.');
        c.leg.endTurn();
        await eventually(() => expect(c.carrier.turnEnds()).toBe(1));
        let resolved = false;
        const ending = c.leg.end({ reason: 'transferred', transferTo: '+14155550123' }).then(() => (resolved = true));
        if (h.waitsForPlayback) {
          // A round trip through the leg: it has seen everything the carrier sent so far.
          c.carrier.press('1');
          await eventually(() => expect(events.seen.digits).toEqual(['1']));
          expect(c.carrier.ended()).toBeNull();
          expect(resolved).toBe(false);
          c.carrier.finishPlayback();
        }
        await ending;
        await eventually(() => expect(c.carrier.ended()).toEqual({ reason: 'transferred', transferTo: '+14155550123' }));
        // A second end (the meter's cut-off racing the agent's goodbye) changes nothing.
        await c.leg.end({ reason: 'insufficient_credits' });
        c.leg.speak('too late');
        expect(c.carrier.ended()).toEqual({ reason: 'transferred', transferTo: '+14155550123' });
        expect(c.carrier.spoken()).toBe('Transferring you now.');
      } finally {
        await c.close();
      }
    });

    it('dispose releases a pending end without ending the call', async () => {
      const c = await connect(h);
      try {
        c.leg.attach(recorder());
        c.leg.speak('Goodbye.');
        const ending = c.leg.end({ reason: 'agent_ended' });
        c.leg.dispose();
        await ending;
        if (h.waitsForPlayback) expect(c.carrier.ended()).toBeNull();
      } finally {
        await c.close();
      }
    });
  });
}

/** The carrier side of both text protocols: the frames the gateway sends, decoded. */
export function textCarrier(client: WebSocket, send: { finishPlayback(client: WebSocket): void }): CarrierSide {
  const frames: Array<Record<string, unknown>> = [];
  client.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
  const json = (f: object) => client.send(JSON.stringify(f));
  return {
    say: (text) => json({ type: 'prompt', voicePrompt: text, last: true }),
    interrupt: (heard) => json({ type: 'interrupt', utteranceUntilInterrupt: heard, durationUntilInterruptMs: 800 }),
    press: (digit) => json({ type: 'dtmf', digit }),
    finishPlayback: () => send.finishPlayback(client),
    spoken: () => frames.filter((f) => f.type === 'text').map((f) => f.token).join(''),
    turnEnds: () => frames.filter((f) => f.type === 'text' && f.last === true).length,
    digits: () => frames.filter((f) => f.type === 'sendDigits').map((f) => String(f.digits)),
    ended: () => {
      const end = frames.find((f) => f.type === 'end');
      return end ? (JSON.parse(String(end.handoffData)) as CallOutcome) : null;
    },
    hangUp: () => client.close(1000, 'caller hung up'),
  };
}
