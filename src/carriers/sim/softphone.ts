import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { CallsTable, NumbersTable } from '../../db/schema.js';
import * as calls from '../../calls/call-repository.js';
import { createCall, finalizeCall, inboundRefusal, isTerminal } from '../../calls/call-service.js';
import { type LiveSession, type SessionDeps, startSession } from '../../calls/call-session.js';
import type { CarrierCallState, Dialer } from '../../calls/dialer.js';
import { authOf } from '../../http/plugins/auth.js';
import { findActiveByPhone } from '../../numbers/number-repository.js';
import { SoftphoneLeg } from './softphone-leg.js';
import { isE164 } from '../../crm/phones.js';
import { CLOSE_POLICY, type FrameCloseCode, serveFrames } from '../socket-frames.js';
import { parseSoftphoneFrame, type SoftphoneFrame } from './softphone-frames.js';

// The simulated carrier's voice side. Test keys never reach Twilio, yet a developer can talk to
// their agent: the softphone (`agentline call`) connects here over a WebSocket with its API key
// and speaks the ConversationRelay frames (prompt, interrupt, dtmf in; text, end out), so the
// call runs through exactly the same session code as a phone call. A softphone can also
// register a phone number and be rung by test-mode outbound calls.
//
// Client frames: {type:"dial", to, from?} | {type:"register", number} | {type:"answer"} |
// {type:"reject"} | {type:"prompt", voicePrompt} | {type:"interrupt", utteranceUntilInterrupt} |
// {type:"dtmf", digit} | {type:"hangup"} (schemas in softphone-frames.ts; a frame that is not one
// of these gets an `error` frame and a close: 1003 binary, 1007 malformed, 1008 out of place).
// Server frames: {type:"connected", call_id, direction, from, to} | {type:"ready"} (the greeting
// has been sent; the call listens) | {type:"registered", number} |
// {type:"incoming", call_id, from, to} | {type:"text", token, last} | {type:"end", handoffData} |
// {type:"sms", id, from, to, body} | {type:"error", code, message}.

export const DEFAULT_CALLER = '+15555550100';

/** The `error` frame's code for each close a refused frame earns. */
const REFUSAL_CODES: Record<FrameCloseCode, string> = { 1003: 'unsupported_frame', 1007: 'invalid_frame', 1008: 'protocol_error' };

interface Listener {
  ring(call: CallsTable, number: NumbersTable): void;
  cancel(callId: string): void;
  /** A test-mode SMS to the registered number. */
  sms(message: { id: string; from: string; to: string; body: string }): void;
}

type SimSms = { id: string; from: string; to: string; body: string };

/**
 * Where softphones registered on other gateway nodes are (src/cluster/cluster-softphones.ts):
 * the hub records its own registrations there, and the dialer rings, cancels and texts the
 * others' through it. A single node has none.
 */
export interface SoftphoneDirectory {
  registered(workspaceId: string, phone: string): void;
  unregistered(workspaceId: string, phone: string): void;
  /** Rings the softphone registered on another node; false when none is. */
  ringElsewhere(call: CallsTable): Promise<boolean>;
  /** Cancels a call ringing on another node; false when none rings it. */
  hangUpElsewhere(call: CallsTable): Promise<boolean>;
  smsElsewhere(workspaceId: string, phone: string, message: SimSms): void;
  /** This node holds the call's ringing state (who to tell when it is hung up, or recovery). */
  claim(callId: string): void;
}

/** Softphones registered as phone numbers, per workspace. */
export class SoftphoneHub {
  private readonly listeners = new Map<string, Listener>();
  private readonly key = (workspaceId: string, phone: string) => `${workspaceId}|${phone}`;
  constructor(readonly directory: SoftphoneDirectory | null = null) {}
  register(workspaceId: string, phone: string, l: Listener) {
    this.listeners.set(this.key(workspaceId, phone), l);
    this.directory?.registered(workspaceId, phone);
  }
  unregister(workspaceId: string, phone: string, l: Listener) {
    if (this.listeners.get(this.key(workspaceId, phone)) !== l) return;
    this.listeners.delete(this.key(workspaceId, phone));
    this.directory?.unregistered(workspaceId, phone);
  }
  find(workspaceId: string, phone: string) {
    return this.listeners.get(this.key(workspaceId, phone));
  }
  /** A test-mode SMS to a registered softphone, on this node or another. */
  sms(workspaceId: string, phone: string, message: SimSms): void {
    const here = this.find(workspaceId, phone);
    if (here) here.sms(message);
    else this.directory?.smsElsewhere(workspaceId, phone, message);
  }
}

/** Ends an unanswered simulated call in the background, logging rather than throwing. */
function endQuietly(deps: SessionDeps, callId: string, status: 'busy' | 'no-answer', endReason: string): void {
  finalizeCall(deps, callId, { status, durationSeconds: 0, source: 'gateway', endReason }).catch((err: unknown) =>
    deps.log.error({ err, call_id: callId }, 'could not end an unanswered test call'),
  );
}

export type SimCallOpening =
  | { kind: 'not_found' }
  | { kind: 'refused'; reason: string; say: string }
  | { kind: 'call'; call: CallsTable; number: NumbersTable };

/** The refusal a stream- or realtime-mode number gives the text softphone. */
export const streamNumberMessage = (to: string, mode = 'stream') =>
  `${to} is a ${mode}-mode number: it takes audio, not text. Call it with \`agentline call ${to} --audio in.wav\`.`;

/**
 * Finds the workspace's active test number and opens an inbound simulated call to it, exactly as a
 * phone call would be: a refused call (no credits, paused number…) is recorded as refused. The
 * text softphone and the Media Streams softphone both dial through here. `accept` sees the number
 * first; false opens nothing (a number this kind of softphone cannot call).
 */
export async function openSimCall(
  deps: SessionDeps,
  workspaceId: string,
  to: string,
  from: string,
  accept: (number: NumbersTable) => boolean = () => true,
): Promise<SimCallOpening | { kind: 'unaccepted'; number: NumbersTable }> {
  const number = await findActiveByPhone(deps.db, 'test', to);
  const mine = number && number.workspace_id === workspaceId ? number : undefined;
  if (!mine) return { kind: 'not_found' };
  if (!accept(mine)) return { kind: 'unaccepted', number: mine };
  const refusal = await inboundRefusal(deps, mine);
  if (refusal) {
    await createCall(deps, { number: mine, direction: 'inbound', from, to, carrier: 'sim', carrierSid: null, status: 'completed', refusedReason: refusal.reason });
    return { kind: 'refused', reason: refusal.reason, say: refusal.say };
  }
  const call = await createCall(deps, { number: mine, direction: 'inbound', from, to, carrier: 'sim', carrierSid: null, status: 'ringing' });
  await calls.updateCall(deps.db, call.id, { carrier_sid: `SIM${call.id.slice(5)}` });
  return { kind: 'call', call: { ...call, carrier_sid: `SIM${call.id.slice(5)}` }, number: mine };
}

/** Ends a simulated call's record: the gateway's own clock is the authoritative duration. */
export async function finishSimCall(deps: SessionDeps, callId: string): Promise<void> {
  const call = await calls.findCallById(deps.db, callId);
  if (!call || call.carrier !== 'sim' || isTerminal(call.status)) return;
  const answered = call.answered_at ? Date.parse(call.answered_at) : null;
  const durationSeconds = answered === null ? 0 : Math.max(0, (deps.clock.now().getTime() - answered) / 1000);
  await finalizeCall(deps, callId, { status: answered === null ? 'canceled' : 'completed', durationSeconds, source: 'gateway' });
}

export class SimDialer implements Dialer {
  readonly carrier = 'sim' as const;
  private readonly ringing = new Map<string, { timer?: NodeJS.Timeout; listener?: Listener }>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly hub: SoftphoneHub,
  ) {}

  async dial(call: CallsTable, number: NumbersTable): Promise<string> {
    setImmediate(() => void this.ring(call, number).catch((err: unknown) => this.deps.log.error({ err, call_id: call.id }, 'could not ring a test call')));
    return `SIM${call.id.slice(5)}`;
  }

  private async ring(call: CallsTable, number: NumbersTable): Promise<void> {
    if (this.ringHere(call, number)) return;
    // A softphone registered on another gateway node rings there; that node keeps the ringing state.
    const directory = this.hub.directory;
    if (directory && (await directory.ringElsewhere(call).catch(() => false))) return;
    // Nobody to ring: the call ends unanswered after a short ring, like a real phone.
    directory?.claim(call.id);
    const timer = setTimeout(() => {
      this.ringing.delete(call.id);
      void finalizeCall(this.deps, call.id, { status: 'no-answer', durationSeconds: 0, source: 'gateway', endReason: 'no_answer' }).catch((err: unknown) =>
        this.deps.log.error({ err, call_id: call.id }, 'could not end an unanswered test call'),
      );
    }, this.deps.config.voice.simRingMs);
    timer.unref();
    this.ringing.set(call.id, { timer });
  }

  /** Rings a softphone registered on this node; false when none is. */
  ringHere(call: CallsTable, number: NumbersTable): boolean {
    const listener = this.hub.find(call.workspace_id, call.to_number);
    if (!listener) return false;
    this.ringing.set(call.id, { listener });
    this.hub.directory?.claim(call.id);
    calls
      .updateCall(this.deps.db, call.id, { status: 'ringing', updated_at: this.deps.clock.now().toISOString() })
      .then(() => listener.ring(call, number))
      .catch((err: unknown) => this.deps.log.error({ err, call_id: call.id }, 'could not ring a softphone'));
    return true;
  }

  answered(callId: string): void {
    this.ringing.delete(callId);
  }

  async hangUp(call: CallsTable): Promise<void> {
    if (await this.hangUpHere(call.id)) return;
    // Ringing on another node: that node cancels it (a connected call is ended by its session).
    await this.hub.directory?.hangUpElsewhere(call);
  }

  /** Cancels a call ringing on this node; false when it does not ring here. */
  async hangUpHere(callId: string): Promise<boolean> {
    const ring = this.ringing.get(callId);
    if (!ring) return false; // a connected call is ended by its session (the softphone is told)
    this.ringing.delete(callId);
    if (ring.timer) clearTimeout(ring.timer);
    ring.listener?.cancel(callId);
    await finalizeCall(this.deps, callId, { status: 'canceled', durationSeconds: 0, source: 'gateway', endReason: 'hangup_requested' });
    return true;
  }

  async fetch(): Promise<CarrierCallState | null> {
    return null; // the simulator keeps no state across restarts
  }
}

export async function softphoneRoutes(app: FastifyInstance, deps: SessionDeps & { hub: SoftphoneHub; simDialer: SimDialer }) {
  // A browser opens it with `?ticket=` (src/softphone/tickets.ts): that socket may dial the
  // ticket's number only, and registers no number.
  app.get('/softphone', { config: { scope: 'calls:write', softphoneTicket: true }, websocket: true, schema: { hide: true } }, (socket: WebSocket, request) =>
    handleSoftphone(deps, socket, request),
  );
}

function handleSoftphone(deps: SessionDeps & { hub: SoftphoneHub; simDialer: SimDialer }, socket: WebSocket, request: FastifyRequest): void {
  const auth = authOf(request);
  const send = (frame: object) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(frame));
  const fail = (code: string, message: string) => {
    send({ type: 'error', code, message });
    socket.close(1008, code);
  };
  if (auth.scope.mode !== 'test') return fail('test_mode_only', 'The softphone calls test-mode numbers; use a test key (al_test_...).');

  // The leg speaks the call's frames and hears the socket close; this handler sets calls up
  // (dial, register, answer) and hands the caller's frames to the leg.
  const leg = new SoftphoneLeg(socket);
  let session: Promise<LiveSession | null> | null = null;
  let registered: string | null = null;
  let pending: { call: CallsTable; number: NumbersTable } | null = null;

  const connect = async (call: CallsTable, number: NumbersTable): Promise<LiveSession> => {
    send({ type: 'connected', call_id: call.id, direction: call.direction, from: call.from_number, to: call.to_number });
    const live = await startSession(deps, { call, number, leg });
    // However the session ends (the softphone hangs up, the agent or the API ends the call),
    // the gateway's own clock closes the simulated call's record.
    void live.closed.then(() => finishSimCall(deps, live.callId)).catch((err: unknown) => request.log.error({ err }, 'could not end a softphone call'));
    // The greeting, if the number has one, is on the wire before this: a scripted caller that
    // waits for `ready` never speaks over it nor takes its turn end for the answer to its line.
    send({ type: 'ready' });
    return live;
  };

  const listener = {
    ring(call: CallsTable, number: NumbersTable) {
      if (pending || session) {
        // Already on a call: the line is busy.
        deps.simDialer.answered(call.id);
        endQuietly(deps, call.id, 'busy', 'busy');
        return;
      }
      pending = { call, number };
      send({ type: 'incoming', call_id: call.id, from: call.from_number, to: call.to_number });
    },
    sms(m: { id: string; from: string; to: string; body: string }) {
      send({ type: 'sms', id: m.id, from: m.from, to: m.to, body: m.body });
    },
    cancel(callId: string) {
      if (pending?.call.id === callId) {
        pending = null;
        send({ type: 'end', handoffData: JSON.stringify({ reason: 'canceled' }) });
      }
    },
  };

  const dial = async (to: string, from: string): Promise<LiveSession | null> => {
    const opened = await openSimCall(deps, auth.workspaceId, to, from, (n) => n.media_mode === 'relay');
    if (opened.kind === 'not_found') {
      fail('not_found', `No active test number ${to} in this workspace.`);
      return null;
    }
    if (opened.kind === 'refused') {
      send({ type: 'text', token: opened.say, last: true });
      send({ type: 'end', handoffData: JSON.stringify({ reason: `refused_${opened.reason}` }) });
      socket.close(1000, 'refused');
      return null;
    }
    if (opened.kind === 'unaccepted') {
      // The text softphone cannot carry audio: no call record for a call that cannot happen.
      fail('stream_number', streamNumberMessage(to, opened.number.media_mode));
      return null;
    }
    return connect(opened.call, opened.number);
  };

  const guard = (p: Promise<LiveSession | null>) =>
    p.catch((err: unknown) => {
      request.log.error({ err }, 'softphone call failed');
      fail('internal_error', 'The call could not be set up.');
      return null;
    });

  serveFrames<SoftphoneFrame>(socket, {
    protocol: 'softphone',
    log: request.log,
    parse: parseSoftphoneFrame,
    onRefused: (r) => send({ type: 'error', code: REFUSAL_CODES[r.close!], message: `Frame refused: ${r.reason}.` }),
    handle(f) {
      switch (f.type) {
        case 'dial': {
          if (session) return;
          if (!isE164(f.to)) return fail('validation_error', '"to" must be an E.164 number.');
          const ticket = request.softphoneTicket;
          if (ticket && ticket.to !== f.to) return fail('forbidden', `This softphone ticket is for ${ticket.to}, not ${f.to}.`);
          const from = f.from !== undefined && isE164(f.from) ? f.from : (ticket?.from ?? registered ?? DEFAULT_CALLER);
          session = guard(dial(f.to, from));
          return;
        }
        case 'register':
          if (request.softphoneTicket) return fail('forbidden', 'A softphone ticket dials its number; register with an API key.');
          if (!isE164(f.number)) return fail('validation_error', '"number" must be an E.164 number.');
          if (registered) deps.hub.unregister(auth.workspaceId, registered, listener);
          registered = f.number;
          deps.hub.register(auth.workspaceId, f.number, listener);
          send({ type: 'registered', number: f.number });
          return;
        case 'answer':
          if (!pending || session) return;
          deps.simDialer.answered(pending.call.id);
          session = guard(connect(pending.call, pending.number));
          pending = null;
          return;
        case 'reject':
          if (!pending) return;
          deps.simDialer.answered(pending.call.id);
          endQuietly(deps, pending.call.id, 'busy', 'busy');
          pending = null;
          return;
        case 'hangup':
          socket.close(1000, 'hangup');
          return;
      }
      // Speech and keys need a call: `dial`, or `answer` after `incoming`, comes first.
      if (!session) return { close: CLOSE_POLICY, reason: `${f.type} before a call is connected` };
      return leg.handle(f);
    },
  });

  socket.on('close', () => {
    if (registered) deps.hub.unregister(auth.workspaceId, registered, listener);
    if (pending) {
      deps.simDialer.answered(pending.call.id);
      endQuietly(deps, pending.call.id, 'no-answer', 'no_answer');
    }
  });
}
