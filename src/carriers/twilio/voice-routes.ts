import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { findActiveByPhone } from '../../numbers/number-repository.js';
import { numberForCall } from '../../agent-profiles/agent-overlay.js';
import type { CallsTable, CallStatus, NumbersTable } from '../../db/schema.js';
import { createCall, finalizeCall, inboundRefusal, isTerminal, measuredDurationSeconds } from '../../calls/call-service.js';
import { type LiveSession, type SessionDeps, startSession } from '../../calls/call-session.js';
import * as calls from '../../calls/call-repository.js';
import { RelayLeg } from '../relay-leg.js';
import { CLOSE_POLICY, serveFrames } from '../socket-frames.js';
import { parseRelayFrame, type RelayFrame } from './relay-frames.js';
import { publicUrlFor, refuseSignature, twilioSignatureGuard, validateTwilioWebSocket } from './signature.js';
import * as twiml from './twiml.js';
import { recordingWanted } from '../../recordings/recording-service.js';
import { twilioRecordingRoutes } from './recording-status-routes.js';
import { CALL_DURATION, SEQUENCE_NUMBER, readCarrierInt, valueOf } from './carrier-values.js';

// Twilio's side of a call (carrier-protocols.md): the voice webhook answers TwiML that connects
// the call to ConversationRelay, the relay WebSocket runs the conversation, the <Connect action>
// callback transfers or hangs up, and status callbacks carry the authoritative outcome.
// Every request is checked against X-Twilio-Signature before anything changes.

type Params = Record<string, string>;

const TERMINAL_TWILIO = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
const ORDER: Record<string, number> = { queued: 0, initiated: 0, ringing: 1, 'in-progress': 2, answered: 2 };

/** The call's number, with the agent the call was created with. */
async function findNumberOf(deps: SessionDeps, call: CallsTable): Promise<NumbersTable | undefined> {
  return numberForCall(deps.db, call);
}

export async function twilioVoiceRoutes(app: FastifyInstance, deps: SessionDeps) {
  await app.register(formbody);
  const token = deps.config.twilio.authToken;

  const signed = twilioSignatureGuard(deps.config.publicUrl, deps.config.twilio.authToken);
  await app.register(twilioRecordingRoutes, deps);
  const xml = (reply: FastifyReply, body: string) => reply.type('text/xml').send(body);

  // A `stream` or `realtime` number's call carries its audio to the gateway (media-routes.ts),
  // which speaks the greeting itself; every other call goes to ConversationRelay.
  const relayTwiml = (call: CallsTable, number: NumbersTable) =>
    number.media_mode === 'stream' || number.media_mode === 'realtime'
      ? twiml.connectMediaStream({ streamUrl: publicUrlFor(deps.config.publicUrl, '/carrier/twilio/media', true), parameters: { callId: call.id } })
      : twiml.connectConversationRelay({
          relayUrl: publicUrlFor(deps.config.publicUrl, '/carrier/twilio/relay', true),
          actionUrl: `${deps.config.publicUrl}/carrier/twilio/relay-action`,
          welcomeGreeting: call.first_message_override ?? number.first_message,
          language: number.language,
          voice: number.voice_id,
          parameters: { callId: call.id },
          ...(recordingWanted(call, number) ? { recordingStatusCallback: `${deps.config.publicUrl}/carrier/twilio/recording-status?call_id=${encodeURIComponent(call.id)}` } : {}),
        });

  app.post('/carrier/twilio/voice', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    const outboundId = (request.query as Params).call_id;
    if (outboundId) {
      // Answer URL of a call we placed.
      const call = await calls.findCallById(deps.db, outboundId);
      const number = call && (await findNumberOf(deps, call));
      if (!call || !number || (call.carrier_sid && call.carrier_sid !== p.CallSid) || isTerminal(call.status)) {
        return xml(reply, twiml.hangup());
      }
      if (!call.carrier_sid) await calls.updateCall(deps.db, call.id, { carrier_sid: p.CallSid ?? null });
      return xml(reply, relayTwiml(call, number));
    }

    const number = await findActiveByPhone(deps.db, 'live', p.To ?? '');
    const existing = p.CallSid ? await calls.findCallByCarrierSid(deps.db, 'twilio', p.CallSid) : undefined;
    const refusal = existing ? null : await inboundRefusal(deps, number);
    if (refusal) {
      if (number) {
        await createCall(deps, { number, direction: 'inbound', from: p.From ?? '', to: p.To ?? '', carrier: 'twilio', carrierSid: p.CallSid ?? null, status: 'ringing', refusedReason: refusal.reason });
      }
      return xml(reply, twiml.sayAndHangup(refusal.say, number?.language ?? 'en-US'));
    }
    const call =
      existing ?? (await createCall(deps, { number: number!, direction: 'inbound', from: p.From ?? '', to: p.To ?? '', carrier: 'twilio', carrierSid: p.CallSid ?? null, status: 'ringing' }));
    if (call.billable === 0 || isTerminal(call.status)) return xml(reply, twiml.hangup());
    return xml(reply, relayTwiml(call, number!));
  });

  app.post('/carrier/twilio/relay-action', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    const call = p.CallSid ? await calls.findCallByCarrierSid(deps.db, 'twilio', p.CallSid) : undefined;
    if (!call || p.CallStatus === 'completed') return xml(reply, twiml.empty());
    let handoff: { reason?: string; transferTo?: string } = {};
    try {
      handoff = p.HandoffData ? (JSON.parse(p.HandoffData) as typeof handoff) : {};
    } catch {
      request.log.warn({ call_id: call.id }, 'unparseable HandoffData');
    }
    if (handoff.transferTo) {
      const number = await findNumberOf(deps, call);
      return xml(reply, twiml.dialTransfer(handoff.transferTo, number?.phone_number));
    }
    if (!handoff.reason && p.SessionStatus === 'failed') {
      request.log.warn({ call_id: call.id, error: p.ErrorCode, message: p.ErrorMessage }, 'ConversationRelay session failed');
      return xml(reply, twiml.sayAndHangup('Sorry, something went wrong on our side. Goodbye.', 'en-US'));
    }
    return xml(reply, twiml.hangup());
  });

  app.post('/carrier/twilio/status', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    const sid = p.CallSid ?? '';
    const status = p.CallStatus ?? '';
    const values = { log: request.log, ids: { call_sid: sid, call_id: (request.query as Params).call_id } };
    const sequence = valueOf(readCarrierInt(p, SEQUENCE_NUMBER, values));
    const fresh = await calls.recordCallback(deps.db, sid, sequence !== null ? String(sequence) : `${status}:${p.Timestamp ?? ''}`, status, deps.clock.now().toISOString());
    const call = fresh ? await calls.findCallByCarrierSid(deps.db, 'twilio', sid) : undefined;
    if (!call) return reply.code(204).send();
    if (TERMINAL_TWILIO.has(status)) {
      // Wherever the session runs (another node may hold its socket), its end and turns are in
      // the record before the call is finalized and call.ended goes out.
      await deps.control.endSession(call.id, 'caller_hangup');
      const duration = readCarrierInt(p, CALL_DURATION, { ...values, ids: { ...values.ids, call_id: call.id } });
      // A refused duration is unknown, not zero: the gateway's own measurement (answered until
      // now, when Twilio reports the end) stands, and a later sane carrier duration can still
      // reconcile the bill.
      await finalizeCall(
        deps,
        call.id,
        duration.state === 'refused'
          ? { status: status as CallStatus, durationSeconds: measuredDurationSeconds(call, deps.clock.now()), source: 'gateway' }
          : { status: status as CallStatus, durationSeconds: valueOf(duration), source: 'carrier' },
      );
    } else if (!isTerminal(call.status) && (ORDER[status] ?? -1) > (ORDER[call.status] ?? -1) && status !== 'in-progress' && status !== 'answered') {
      // queued → ringing only; in-progress is set when the relay session connects.
      await calls.updateCall(deps.db, call.id, { status: status === 'initiated' ? 'queued' : (status as CallStatus), updated_at: deps.clock.now().toISOString() });
    }
    return reply.code(204).send();
  });

  app.get(
    '/carrier/twilio/relay',
    {
      config: { scope: 'carrier' },
      websocket: true,
      // Validate before the upgrade, over the ws(s):// URL Twilio signed (carrier-protocols.md §3.2).
      preValidation: async (request, reply) => {
        const ok =
          token !== undefined &&
          validateTwilioWebSocket({ authToken: token, signature: request.headers['x-twilio-signature'] as string | undefined, url: publicUrlFor(deps.config.publicUrl, request.url, true) });
        if (!ok) {
          request.log.warn('refused a relay WebSocket with a missing or wrong X-Twilio-Signature');
          return refuseSignature(request, reply);
        }
      },
    },
    (socket: WebSocket, request) => handleRelaySocket(deps, socket, request),
  );
}

function handleRelaySocket(deps: SessionDeps, socket: WebSocket, request: FastifyRequest): void {
  // The leg speaks ConversationRelay and hears the socket close; this handler only parses
  // frames, starts the session on `setup` and hands the caller's frames to the leg.
  const leg = new RelayLeg(socket);
  let session: Promise<LiveSession | null> | null = null;

  const start = async (setup: { callSid: string; customParameters?: Record<string, string> }): Promise<LiveSession | null> => {
    const call = await calls.findCallById(deps.db, setup.customParameters?.callId ?? '');
    if (!call || call.carrier_sid !== setup.callSid || isTerminal(call.status) || deps.registry.get(call.id)) {
      request.log.warn({ call_sid: setup.callSid }, 'relay setup for an unknown or finished call');
      socket.close(1008, 'unknown call');
      return null;
    }
    const number = await findNumberOf(deps, call);
    if (!number) return null;
    return startSession(deps, { call, number, leg });
  };

  // Twilio sends `setup` once, first (carrier-protocols.md §1.2): anything else before it, or a
  // second one, is not ConversationRelay talking.
  serveFrames<RelayFrame>(socket, {
    protocol: 'relay',
    log: request.log,
    parse: parseRelayFrame,
    handle(frame) {
      if (frame.type === 'setup') {
        if (session) return { close: CLOSE_POLICY, reason: 'setup sent twice' };
        session = start(frame).catch((err: unknown) => {
          request.log.error({ err }, 'could not start a call session');
          socket.close(1011, 'session error');
          return null;
        });
        return;
      }
      if (!session) return { close: CLOSE_POLICY, reason: `${frame.type} before setup` };
      switch (frame.type) {
        case 'prompt':
        case 'interrupt':
        case 'dtmf':
          return leg.handle(frame);
        case 'info':
          return leg.info(frame);
        case 'error':
          request.log.warn({ description: frame.description }, 'ConversationRelay reported an error');
          return;
      }
    },
  });

  socket.on('error', (err) => request.log.warn({ err }, 'relay socket error'));
}
