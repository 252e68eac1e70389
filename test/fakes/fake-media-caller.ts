import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { signTwilioWebSocket } from '../../src/carriers/twilio/signature.js';

// Plays Twilio's side of a bidirectional Media Stream (carrier-protocols.md §2) like a phone:
//  - opens the socket with X-Twilio-Signature on the upgrade (§3.2), sends `connected`, `start`
//    (callSid, streamSid, customParameters);
//  - sends a 20 ms μ-law `media` frame every 20 ms of real time, forever: the audio a test queues
//    with `play()`, else silence, as a phone line does; `sequenceNumber`, `chunk`, `timestamp`
//    are strings as Twilio sends them;
//  - "plays" what the gateway sends in real time: each 160-byte frame takes 20 ms of a playout
//    clock, and a `mark` is echoed when the audio before it has played; `clear` drops the audio
//    not yet played and echoes every pending mark at once (as Twilio does);
//  - records every frame received and the audio, split into what was played and what was cleared.

export const FRAME_BYTES = 160;
const FRAME_MS = 20;
const SILENCE = 0xff;

export interface MediaCallerOptions {
  /** Where to connect, e.g. ws://127.0.0.1:<port>/carrier/twilio/media. */
  wsUrl: string;
  /** The public URL Twilio would sign (wss://…); default wsUrl. */
  signedUrl?: string;
  authToken: string;
  /** Send this X-Twilio-Signature instead of the correct one; '' sends none. */
  signature?: string;
  callSid?: string;
  customParameters?: Record<string, string>;
  /** Do not send connected/start on open (a test sends its own frames). */
  silentOpen?: boolean;
  /** The stream's SID (default: a random MZ…). */
  streamSid?: string;
  /**
   * Hold every mark instead of echoing it once the audio before it has played: the test decides
   * when playback got there (`releaseMarks`). A `clear` still echoes them all, as Twilio does.
   */
  holdMarks?: boolean;
}

export type GatewayMediaFrame = { event?: string; streamSid?: string; media?: { payload: string }; mark?: { name: string }; [key: string]: unknown };

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface MediaCaller {
  readonly socket: WebSocket;
  readonly callSid: string;
  readonly streamSid: string;
  /** Every frame from the gateway, parsed, in order. */
  readonly received: GatewayMediaFrame[];
  /** Names of the marks echoed back to the gateway, in order. */
  readonly echoedMarks: string[];
  /** With `holdMarks`: marks received and not yet echoed, in order. */
  readonly heldMarks: string[];
  /** With `holdMarks`: echoes the first `count` held marks (all by default); returns their names. */
  releaseMarks(count?: number): string[];
  /** Audio frames received (each 160 bytes if the gateway behaves), in order. */
  audioFrames(): Buffer[];
  /** The received audio that played before any `clear` dropped it. */
  playedAudio(): Buffer;
  /** Queues caller audio (μ-law 8 kHz) to send after what is queued; resolves once all of it was sent. */
  play(mulaw: Buffer): Promise<void>;
  dtmf(digit: string): void;
  /** Any raw frame. */
  send(frame: object | string): void;
  /** Twilio's `stop` (the caller hung up), then the close. */
  stop(): Promise<CloseInfo>;
  /** Resolves with the first received frame at index ≥ fromIndex matching. */
  waitFor(predicate: (frame: GatewayMediaFrame, index: number) => boolean, timeoutMs?: number, fromIndex?: number): Promise<GatewayMediaFrame>;
  readonly closed: Promise<CloseInfo>;
  close(): void;
}

const hex = () => randomBytes(16).toString('hex');

export async function connectMediaCaller(options: MediaCallerOptions): Promise<MediaCaller> {
  const signature = options.signature ?? signTwilioWebSocket(options.authToken, options.signedUrl ?? options.wsUrl);
  const socket = new WebSocket(options.wsUrl, { headers: signature ? { 'X-Twilio-Signature': signature } : {}, handshakeTimeout: 5000 });
  const caller = mediaCallerOn(socket, options);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
  });
  caller.begin();
  return caller;
}

/**
 * Twilio's side on a socket the test opened itself (e.g. a raw loopback pair); `begin()` once it
 * is open sends `connected` / `start` and starts the uplink.
 */
export function mediaCallerOn(socket: WebSocket, options: Omit<MediaCallerOptions, 'wsUrl' | 'authToken' | 'signature' | 'signedUrl'>): MediaCaller & { begin(): void } {
  const callSid = options.callSid ?? `CA${hex()}`;
  const streamSid = options.streamSid ?? `MZ${hex()}`;

  const received: GatewayMediaFrame[] = [];
  const echoedMarks: string[] = [];
  const waiters = new Set<() => void>();
  /** Each received audio frame with the playout time at which it finishes playing. */
  const audio: Array<{ frame: Buffer; playedBy: number; cleared: boolean; played?: number }> = [];
  /** Marks waiting for the audio before them to play. */
  const pendingMarks: Array<{ name: string; timer: NodeJS.Timeout }> = [];
  const heldMarks: string[] = [];
  let playoutEnd = 0;
  let closeInfo: CloseInfo | undefined;
  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => (resolveClosed = resolve));

  const send = (frame: object | string) => {
    if (socket.readyState === socket.OPEN) socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  let sequence = 0;
  const seq = () => String(++sequence);

  const echo = (name: string) => {
    echoedMarks.push(name);
    send({ event: 'mark', sequenceNumber: seq(), streamSid, mark: { name } });
  };

  socket.on('message', (data) => {
    let frame: GatewayMediaFrame;
    try {
      frame = JSON.parse(data.toString()) as GatewayMediaFrame;
    } catch {
      frame = { event: '__raw', raw: data.toString() };
    }
    received.push(frame);
    const now = performance.now();
    if (frame.event === 'media' && frame.media) {
      const bytes = Buffer.from(frame.media.payload, 'base64');
      playoutEnd = Math.max(now, playoutEnd) + (bytes.length / FRAME_BYTES) * FRAME_MS;
      audio.push({ frame: bytes, playedBy: playoutEnd, cleared: false });
    } else if (frame.event === 'mark' && frame.mark && options.holdMarks) {
      heldMarks.push(frame.mark.name);
    } else if (frame.event === 'mark' && frame.mark) {
      const name = frame.mark.name;
      const entry = { name, timer: setTimeout(() => {
        pendingMarks.splice(pendingMarks.indexOf(entry), 1);
        echo(name);
      }, Math.max(0, playoutEnd - now)) };
      pendingMarks.push(entry);
    } else if (frame.event === 'clear') {
      for (const a of audio) {
        if (a.playedBy <= now) continue;
        // A message longer than a frame that was playing is cut at the frame it reached.
        const startedAt = a.playedBy - (a.frame.length / FRAME_BYTES) * FRAME_MS;
        if (startedAt < now) a.played = Math.floor((now - startedAt) / FRAME_MS) * FRAME_BYTES;
        a.cleared = true;
      }
      playoutEnd = now;
      for (const m of pendingMarks.splice(0)) {
        clearTimeout(m.timer);
        echo(m.name);
      }
      for (const name of heldMarks.splice(0)) echo(name);
    }
    for (const wake of [...waiters]) wake();
  });

  // The phone's uplink: a frame every 20 ms of real time, scheduled against the clock so the
  // stream does not drift behind audio time.
  const outgoing: Array<{ frames: Buffer[]; done: () => void }> = [];
  let sentFrames = 0;
  let startedAt = 0;
  let tick: NodeJS.Timeout | undefined;
  const sendNext = () => {
    let frame: Buffer = Buffer.alloc(FRAME_BYTES, SILENCE);
    const head = outgoing[0];
    if (head) {
      frame = head.frames.shift()!;
      if (head.frames.length === 0) {
        outgoing.shift();
        head.done();
      }
    }
    send({
      event: 'media',
      sequenceNumber: seq(),
      streamSid,
      media: { track: 'inbound', chunk: String(sentFrames + 1), timestamp: String(sentFrames * FRAME_MS), payload: frame.toString('base64') },
    });
    sentFrames++;
  };
  const schedule = () => {
    const due = startedAt + sentFrames * FRAME_MS;
    tick = setTimeout(() => {
      // Catch up after a stall, as a jitter buffer would, but never send ahead of real time.
      while (startedAt + sentFrames * FRAME_MS <= performance.now() && socket.readyState === socket.OPEN) sendNext();
      if (socket.readyState === socket.OPEN) schedule();
    }, Math.max(0, due - performance.now()));
  };

  socket.on('close', (code, reason) => {
    clearTimeout(tick);
    for (const m of pendingMarks.splice(0)) clearTimeout(m.timer);
    for (const o of outgoing.splice(0)) o.done();
    closeInfo = { code, reason: reason.toString() };
    resolveClosed(closeInfo);
    for (const wake of [...waiters]) wake();
  });

  const begin = () => {
    if (options.silentOpen) return;
    send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    send({
      event: 'start',
      sequenceNumber: seq(),
      streamSid,
      start: {
        accountSid: `AC${hex()}`,
        streamSid,
        callSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: { ...options.customParameters },
      },
    });
    startedAt = performance.now();
    schedule();
  };

  return {
    begin,
    socket,
    callSid,
    streamSid,
    received,
    echoedMarks,
    heldMarks,
    releaseMarks(count = heldMarks.length) {
      const names = heldMarks.splice(0, count);
      for (const name of names) echo(name);
      return names;
    },
    audioFrames: () => audio.map((a) => a.frame),
    playedAudio: () => Buffer.concat(audio.map((a) => (a.cleared ? a.frame.subarray(0, a.played ?? 0) : a.frame))),
    play(mulaw) {
      const frames: Buffer[] = [];
      for (let at = 0; at < mulaw.length; at += FRAME_BYTES) {
        const frame = Buffer.alloc(FRAME_BYTES, SILENCE);
        mulaw.copy(frame, 0, at, Math.min(mulaw.length, at + FRAME_BYTES));
        frames.push(frame);
      }
      if (frames.length === 0) return Promise.resolve();
      return new Promise<void>((done) => outgoing.push({ frames, done }));
    },
    dtmf(digit) {
      send({ event: 'dtmf', sequenceNumber: seq(), streamSid, dtmf: { track: 'inbound_track', digit } });
    },
    send,
    stop() {
      send({ event: 'stop', sequenceNumber: seq(), streamSid, stop: { accountSid: 'AC', callSid } });
      if (!closeInfo) socket.close(1000);
      return closed;
    },
    waitFor(predicate, timeoutMs = 10_000, fromIndex = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = fromIndex; i < received.length; i++) {
            if (predicate(received[i]!, i)) {
              finish();
              resolve(received[i]!);
              return true;
            }
          }
          if (closeInfo) {
            finish();
            reject(new Error(`socket closed (${closeInfo.code}) before a matching frame; last: ${JSON.stringify(received.slice(-3).map((f) => f.event))}`));
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no matching frame within ${timeoutMs} ms; received ${received.length} frames, last: ${JSON.stringify(received.slice(-3).map((f) => f.event === 'media' ? 'media' : f))}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      });
    },
    closed,
    close() {
      if (!closeInfo) socket.close(1000);
    },
  };
}
