import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { CallOutcome } from '../../calls/call-leg.js';

// How a call on a Media Streams socket ends, whichever leg carries it (the speech pipeline's
// MediaStreamLeg, the speech-to-speech RealtimeLeg): Media Streams has no `end` message, so the
// leg waits until the mark of the last words has come back (bounded: a carrier that never echoes
// must not hold a call), hands the outcome to `finish` (Twilio REST: `<Hangup/>` or `<Dial>`),
// then closes the socket.

export interface EndAfterLastWordsOptions {
  outcome: CallOutcome;
  socket: WebSocket;
  log: FastifyBaseLogger;
  /** Names the leg in log lines ("media stream", "realtime"). */
  label: string;
  /** Resolves once everything sent has been played (every mark came back). */
  idle(): Promise<void>;
  /** Longest wait for the last mark. */
  capMs: number;
  /** The carrier is gone (socket closed, caller hung up): there is nothing left to end. */
  gone(): boolean;
  /** Receives a function that cuts the wait short (the leg calls it when it is disposed). */
  onWaiting?(wake: () => void): void;
  /** After the wait, before the carrier is told (e.g. close the model's socket). */
  afterWait?(): void;
  finish(outcome: CallOutcome): Promise<void>;
}

export async function endAfterLastWords(o: EndAfterLastWordsOptions): Promise<void> {
  const { outcome } = o;
  if (!o.gone()) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      o.idle(),
      new Promise<void>((resolve) => {
        o.onWaiting?.(resolve);
        timer = setTimeout(() => {
          o.log.warn({ reason: outcome.reason }, `${o.label}: the last mark never came back; ending anyway`);
          resolve();
        }, o.capMs);
      }),
    ]);
    clearTimeout(timer);
  }
  o.afterWait?.();
  if (o.gone()) return;
  try {
    await o.finish(outcome);
  } catch (err) {
    o.log.error({ err, reason: outcome.reason }, `${o.label}: the carrier did not take the end of the call`);
  }
  if (o.socket.readyState === o.socket.OPEN) o.socket.close(1000, outcome.reason.slice(0, 100));
}
