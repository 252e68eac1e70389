import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { CLOSE_POLICY, serveFrames } from '../socket-frames.js';
import { type MediaFrame, type MediaStartFrame, parseMediaFrame } from './media-frames.js';
import type { MediaSocketLeg } from './media-stream-leg.js';

// What a Media Streams socket does before and around its leg: Twilio sends `connected`, then
// `start` once (carrier-protocols.md §2.2); the leg is built from `start` (the call id is its
// custom parameter), and every later frame is handed to it, in order. Frames that arrive while
// the leg is still being built (the call lookup) wait for it. Anything but `connected` before
// `start`, or a second `start`, is not Twilio talking: 1008.

export interface MediaStreamSocketOptions {
  log: FastifyBaseLogger;
  /** Builds the leg (and its session) for this stream; null refuses it (the socket is closed). */
  start(frame: MediaStartFrame): Promise<MediaSocketLeg | null>;
}

/** Frames held while the leg is built: a few hundred ms of audio at 50 frames/s. */
const MAX_EARLY_FRAMES = 250;

export function serveMediaStream(socket: WebSocket, o: MediaStreamSocketOptions): void {
  let starting: Promise<MediaSocketLeg | null> | null = null;
  let leg: MediaSocketLeg | null = null;
  let early: MediaFrame[] = [];

  serveFrames<MediaFrame>(socket, {
    protocol: 'media',
    log: o.log,
    parse: parseMediaFrame,
    handle(frame) {
      if (frame.event === 'connected') return;
      if (frame.event === 'start') {
        if (starting) return { close: CLOSE_POLICY, reason: 'start sent twice' };
        starting = o.start(frame).then(
          (built) => {
            if (!built) {
              if (socket.readyState === socket.OPEN) socket.close(CLOSE_POLICY, 'unknown call');
              return null;
            }
            leg = built;
            const held = early;
            early = [];
            for (const f of held) {
              built.out.observeInbound(f);
              built.handleFrame(f);
            }
            return built;
          },
          (err: unknown) => {
            o.log.error({ err }, 'could not start a media stream session');
            if (socket.readyState === socket.OPEN) socket.close(1011, 'session error');
            return null;
          },
        );
        return;
      }
      if (!starting) return { close: CLOSE_POLICY, reason: `${frame.event} before start` };
      if (leg) {
        leg.out.observeInbound(frame);
        return leg.handleFrame(frame);
      }
      if (early.length < MAX_EARLY_FRAMES) early.push(frame);
    },
  });
  socket.on('error', (err) => o.log.warn({ err }, 'media stream socket error'));
  socket.once('close', () => leg?.out.closeTap());
}
