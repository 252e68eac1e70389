import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { type SessionDeps, startSession } from '../../calls/call-session.js';
import { isE164 } from '../../crm/phones.js';
import { ApiError } from '../../errors.js';
import { authOf } from '../../http/plugins/auth.js';
import { findActiveByPhone } from '../../numbers/number-repository.js';
import type { StreamSpeech } from '../../speech/stream-speech.js';
import type { MediaStartFrame } from '../twilio/media-frames.js';
import { type MediaSocketLeg, streamLegFor } from '../twilio/media-stream-leg.js';
import { realtimeCallFor } from '../../realtime/realtime-call.js';
import { serveMediaStream } from '../twilio/media-stream-socket.js';
import { DEFAULT_CALLER, finishSimCall, openSimCall } from './softphone.js';
import { TranscriptTap } from './transcript-tap.js';
import { attachRecorder } from '../../recordings/recording-service.js';

// The simulated carrier's Media Streams side: `agentline call NUMBER --audio in.wav` joins a
// stream- or realtime-mode test number here, authenticated with its test key, and plays Twilio's part of a
// bidirectional Media Stream (carrier-protocols.md §2): `connected`, `start`, then a 20 ms μ-law
// `media` frame every 20 ms, `mark` echoes and `dtmf` / `stop`; the gateway answers with
// `media`, `mark` and `clear`. The call runs through the same socket handling, MediaStreamLeg and
// session as a phone call; only the call record is made here, as the text softphone's dial makes
// it (openSimCall), and the gateway's clock bills it when the socket closes.
//
// A browser (the console) cannot send the bearer header: it opens the socket with `?ticket=`, a
// single-use ticket for this very number (src/softphone/tickets.ts).
//
// The number is checked before the upgrade, so a wrong one is a plain HTTP error in our
// envelope. One frame is ours, not Twilio's, sent right after `start`: {event:"sim.call",
// call_id, from, to, greeting} (a Twilio client ignores unknown events), so the caller can
// follow the call; each turn as it happens is {event:"sim.transcript", …} (transcript-tap.ts); a refused call gets {event:"sim.refused", reason, message} and a close.

const Query = Type.Object({
  to: Type.String({ description: 'the stream- or realtime-mode test number to call, E.164' }),
  from: Type.Optional(Type.String({ description: 'caller ID the agent sees, E.164' })),
  ticket: Type.Optional(Type.String({ description: 'a browser softphone ticket (POST /v1/softphone/tickets), instead of a bearer key' })),
});

export interface MediaSoftphoneDeps extends SessionDeps {
  speech: StreamSpeech;
}

export async function mediaSoftphoneRoutes(app: FastifyInstance, deps: MediaSoftphoneDeps) {
  app.get<{ Querystring: { to: string; from?: string } }>(
    '/softphone/media',
    {
      config: { scope: 'calls:write', softphoneTicket: true },
      websocket: true,
      schema: { hide: true, querystring: Query },
      preValidation: async (request) => {
        const auth = authOf(request);
        if (auth.scope.mode !== 'test') throw new ApiError('forbidden', 'The softphone calls test-mode numbers; use a test key (al_test_...).');
        const { to, from } = request.query;
        const ticket = request.softphoneTicket;
        if (ticket && ticket.to !== to) throw new ApiError('forbidden', `This softphone ticket is for ${ticket.to}, not ${to}.`, [{ field: 'to', error: 'not the ticket\'s number', received: to }]);
        if (!isE164(to)) throw new ApiError('validation_error', '"to" must be an E.164 number.', [{ field: 'to', error: 'not E.164', received: to }]);
        if (from !== undefined && !isE164(from)) throw new ApiError('validation_error', '"from" must be an E.164 number.', [{ field: 'from', error: 'not E.164', received: from }]);
        const number = await findActiveByPhone(deps.db, 'test', to);
        if (!number || number.workspace_id !== auth.workspaceId) throw new ApiError('not_found', `No active test number ${to} in this workspace.`);
        if (!carriesAudio(number.media_mode)) {
          throw new ApiError('conflict', `${to} is a ${number.media_mode}-mode number: it takes text. Call it without --audio.`, [
            { field: 'to', error: 'not a stream- or realtime-mode number', received: number.media_mode },
          ]);
        }
      },
    },
    (socket: WebSocket, request) =>
      serveMediaStream(socket, { log: request.log, start: (frame) => startSimStream(deps, socket, request, frame) }),
  );
}

/** The modes whose calls carry audio to the gateway (the others take text: the plain softphone). */
const carriesAudio = (mode: string) => mode === 'stream' || mode === 'realtime';

async function startSimStream(deps: MediaSoftphoneDeps, socket: WebSocket, request: FastifyRequest, frame: MediaStartFrame): Promise<MediaSocketLeg | null> {
  const auth = authOf(request);
  const { to, from: asked } = request.query as { to: string; from?: string };
  const from = asked ?? request.softphoneTicket?.from ?? undefined;
  const send = (f: object) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(f));
  // Only audio numbers were let through the upgrade; one switched since then is not called.
  const opened = await openSimCall(deps, auth.workspaceId, to, from ?? DEFAULT_CALLER, (n) => carriesAudio(n.media_mode));
  if (opened.kind !== 'call') {
    const message = opened.kind === 'refused' ? opened.say : `No active stream- or realtime-mode test number ${to} in this workspace.`;
    send({ event: 'sim.refused', reason: opened.kind === 'refused' ? opened.reason : opened.kind, message });
    socket.close(1000, 'refused');
    return null; // the socket is closing already, so no second (policy) close follows
  }
  const { call, number } = opened;
  const log = request.log.child({ call_id: call.id });
  // The same leg as a Twilio stream; "ending at the carrier" is the socket close alone here.
  const legArgs = { callId: call.id, socket, streamSid: frame.streamSid, log, number, finish: async () => {} };
  // A realtime call's turns are the model's, not spoken through the leg: its conversation shows them.
  const onTurn = (t: { speaker: string; text: string; interrupted: boolean }) => send({ event: 'sim.transcript', ...t });
  const realtime = number.media_mode === 'realtime' ? await realtimeCallFor(deps, { ...legArgs, onTurn }) : null;
  const leg = realtime?.leg ?? (await streamLegFor(deps.speech, legArgs));
  const firstMessage = call.first_message_override ?? number.first_message;
  send({ event: 'sim.call', call_id: call.id, from: call.from_number, to: call.to_number, greeting: Boolean(firstMessage) });
  let live;
  try {
    await attachRecorder(deps, call, number, leg.out);
    live = realtime
      ? await startSession(deps, { call, number, leg: realtime.leg, conversation: realtime.conversation })
      : await startSession(deps, { call, number, leg: new TranscriptTap(leg, socket) });
  } catch (err) {
    await finishSimCall(deps, call.id); // no session will close this record
    throw err;
  }
  // However the session ends (the caller hangs up, the agent or the API ends the call), the
  // gateway's own clock closes and bills the simulated call.
  void live.closed.then(() => finishSimCall(deps, live.callId)).catch((err: unknown) => log.error({ err }, 'could not end a media softphone call'));
  return leg;
}
