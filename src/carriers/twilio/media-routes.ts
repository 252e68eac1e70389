import { numberForCall } from '../../agent-profiles/agent-overlay.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { CallOutcome } from '../../calls/call-leg.js';
import { isTerminal } from '../../calls/call-service.js';
import { type SessionDeps, startSession } from '../../calls/call-session.js';
import * as calls from '../../calls/call-repository.js';
import type { NumbersTable } from '../../db/schema.js';
import type { StreamSpeech } from '../../speech/stream-speech.js';
import type { MediaStartFrame } from './media-frames.js';
import { type MediaSocketLeg, streamLegFor } from './media-stream-leg.js';
import { realtimeCallFor } from '../../realtime/realtime-call.js';
import { serveMediaStream } from './media-stream-socket.js';
import { publicUrlFor, refuseSignature, validateTwilioWebSocket } from './signature.js';
import { createTwilioClient } from './twilio-client.js';
import * as twiml from './twiml.js';
import { attachRecorder } from '../../recordings/recording-service.js';

// The Media Streams socket of `stream` and `realtime` numbers (carrier-protocols.md §2):
// signature checked before the upgrade, like the relay; on `start` the call is looked up by its
// `callId` parameter, the number's leg is built (a MediaStreamLeg running the gateway's speech
// pipeline, or a RealtimeLeg bridging to a speech-to-speech model, src/realtime/) and
// `startSession` wires it to its conversation. This handler only builds the leg and hands it
// frames.
//
// Media Streams has no `end` message: once the leg has heard its last mark come back, the call
// is ended or transferred through the REST API (`calls(sid).update` with `<Hangup/>` or
// `<Dial>`), then the socket is closed.

export interface MediaRouteDeps extends SessionDeps {
  speech: StreamSpeech;
}

export async function twilioMediaRoutes(app: FastifyInstance, deps: MediaRouteDeps) {
  const token = deps.config.twilio.authToken;
  const rest = createTwilioClient(deps.config);

  app.get(
    '/carrier/twilio/media',
    {
      config: { scope: 'carrier' },
      websocket: true,
      // Validate before the upgrade, over the wss:// URL Twilio signed (carrier-protocols.md §3.2).
      preValidation: async (request, reply) => {
        const ok =
          token !== undefined &&
          validateTwilioWebSocket({ authToken: token, signature: request.headers['x-twilio-signature'] as string | undefined, url: publicUrlFor(deps.config.publicUrl, request.url, true) });
        if (!ok) {
          request.log.warn('refused a media stream WebSocket with a missing or wrong X-Twilio-Signature');
          return refuseSignature(request, reply);
        }
      },
    },
    (socket: WebSocket, request) => serveMediaStream(socket, { log: request.log, start: (frame) => startStream(deps, rest, socket, request, frame) }),
  );
}

async function startStream(
  deps: MediaRouteDeps,
  rest: ReturnType<typeof createTwilioClient>,
  socket: WebSocket,
  request: FastifyRequest,
  frame: MediaStartFrame,
): Promise<MediaSocketLeg | null> {
  const callSid = frame.start.callSid;
  const call = await calls.findCallById(deps.db, frame.start.customParameters?.callId ?? '');
  if (!call || call.carrier_sid !== callSid || isTerminal(call.status) || deps.registry.get(call.id)) {
    request.log.warn({ call_sid: callSid }, 'media stream start for an unknown or finished call');
    return null;
  }
  const number = await numberForCall(deps.db, call);
  if (!number) return null;
  const legArgs = {
    callId: call.id,
    socket,
    streamSid: frame.streamSid,
    log: request.log.child({ call_id: call.id }),
    number,
    finish: (outcome: CallOutcome) => endAtCarrier(rest, callSid, number, outcome),
  };
  if (number.media_mode === 'realtime') {
    const { leg, conversation } = await realtimeCallFor(deps, legArgs);
    await attachRecorder(deps, call, number, leg.out);
    await startSession(deps, { call, number, leg, conversation });
    return leg;
  }
  const leg = await streamLegFor(deps.speech, legArgs);
  await attachRecorder(deps, call, number, leg.out);
  await startSession(deps, { call, number, leg });
  return leg;
}

/** Redirects the live call to `<Dial>` (transfer) or `<Hangup/>`; the stream ends with it. */
async function endAtCarrier(rest: ReturnType<typeof createTwilioClient>, callSid: string, number: NumbersTable, outcome: CallOutcome): Promise<void> {
  // Without REST credentials the socket close alone ends the call (nothing follows </Connect>).
  if (!rest) return;
  const next = outcome.transferTo ? twiml.dialTransfer(outcome.transferTo, number.phone_number) : twiml.hangup();
  await rest.calls(callSid).update({ twiml: next });
}
