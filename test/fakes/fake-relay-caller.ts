import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { signTwilioWebSocket } from '../../src/carriers/twilio/signature.js';

// Plays Twilio's side of a ConversationRelay WebSocket (docs/carrier-protocols.md §1.2–1.4) for
// integration tests and the latency benchmark: opens the socket with X-Twilio-Signature on the
// upgrade (§3.2), sends `setup` on open, then lets the test speak as the caller (prompt,
// interrupt, dtmf, info) and read what the gateway sends back (text, play, sendDigits, end...).

export interface RelaySetup {
  type: 'setup';
  sessionId: string;
  accountSid: string;
  parentCallSid: string;
  callSid: string;
  from: string;
  to: string;
  forwardedFrom: string;
  callType: string;
  callerName: string;
  direction: string;
  callStatus: string;
  customParameters: Record<string, string>;
}

/** A JSON frame from the gateway (`text`, `play`, `sendDigits`, `language`, `end`, ...). */
export type GatewayFrame = { type?: string; [key: string]: any };

export interface RelayCallerOptions {
  /** Where to connect, e.g. ws://127.0.0.1:<port>/carrier/twilio/relay. */
  wsUrl: string;
  /** The public URL Twilio would sign (e.g. wss://gw.example.com/carrier/twilio/relay); default wsUrl. */
  signedUrl?: string;
  authToken: string;
  setup?: Partial<Omit<RelaySetup, 'type' | 'customParameters'>>;
  customParameters?: Record<string, string>;
  /** Send this X-Twilio-Signature instead of the correct one (forged / stale); '' sends none. */
  signature?: string;
  handshakeTimeoutMs?: number;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface RelayCaller {
  readonly setup: RelaySetup;
  readonly socket: WebSocket;
  /** Every frame from the gateway, parsed (a non-JSON frame is kept as `{ type: '__raw', raw }`). */
  readonly received: GatewayFrame[];
  /** performance.now() at which each `received` frame arrived. */
  readonly receivedAt: number[];
  /** A final caller transcript (`last:false` = a partial prompt). */
  prompt(text: string, options?: { lang?: string; last?: boolean }): void;
  interrupt(utteranceUntilInterrupt: string, durationUntilInterruptMs: number): void;
  dtmf(digit: string): void;
  info(name: string, value: string): void;
  /** Any raw frame, e.g. `{ type: 'error', description }`. */
  send(frame: object): void;
  /** The caller hangs up: Twilio closes the socket. Resolves when it is closed. */
  hangup(code?: number, reason?: string): Promise<CloseInfo>;
  /**
   * The next complete talk cycle not yet consumed: the concatenated `token`s of `text` frames up
   * to and including one with `last:true`. Scans frames already received, so no race with a fast
   * gateway. Call sequentially; rejects on timeout or when the socket closes first.
   */
  nextText(timeoutMs?: number): Promise<string>;
  /** The first frame at index ≥ fromIndex (default 0: includes frames already received) matching. */
  waitFor(predicate: (frame: GatewayFrame) => boolean, timeoutMs?: number, fromIndex?: number): Promise<GatewayFrame>;
  /** Called for each later frame; returns an unsubscribe function. */
  onFrame(cb: (frame: GatewayFrame) => void): () => void;
  readonly closed: Promise<CloseInfo>;
  /** ms from the latest prompt() to the first `text` frame after it (non-empty token, or last:true). */
  firstTokenAfterPrompt(timeoutMs?: number): Promise<number>;
}

/** The upgrade was refused (non-101), e.g. 403 for a bad signature; `status` is the HTTP status. */
export class RelayConnectError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RelayConnectError';
  }
}

const hex = () => randomBytes(16).toString('hex');

export function connectRelayCaller(options: RelayCallerOptions): Promise<RelayCaller> {
  const setup: RelaySetup = {
    type: 'setup',
    sessionId: `VX${hex()}`,
    accountSid: `AC${hex()}`,
    parentCallSid: '',
    callSid: `CA${hex()}`,
    from: '+14155550123',
    to: '+14155550100',
    forwardedFrom: '',
    callType: 'PSTN',
    callerName: '',
    direction: 'inbound',
    callStatus: 'RINGING',
    ...options.setup,
    customParameters: { ...options.customParameters },
  };
  const signature = options.signature ?? signTwilioWebSocket(options.authToken, options.signedUrl ?? options.wsUrl);
  const socket = new WebSocket(options.wsUrl, {
    headers: signature ? { 'X-Twilio-Signature': signature } : {},
    handshakeTimeout: options.handshakeTimeoutMs ?? 5000,
  });

  const received: GatewayFrame[] = [];
  const receivedAt: number[] = [];
  const listeners = new Set<(frame: GatewayFrame) => void>();
  const waiters = new Set<{ onFrame(): void; onClose(info: CloseInfo): void }>();
  let closeInfo: CloseInfo | undefined;
  let textCursor = 0;
  let lastPrompt: { at: number; index: number } | undefined;

  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => (resolveClosed = resolve));

  socket.on('message', (data, isBinary) => {
    const raw = isBinary ? Buffer.from(data as Buffer).toString('base64') : data.toString();
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(raw) as GatewayFrame;
    } catch {
      frame = { type: '__raw', raw };
    }
    received.push(frame);
    receivedAt.push(performance.now());
    for (const cb of listeners) cb(frame);
    for (const w of [...waiters]) w.onFrame();
  });
  socket.on('close', (code, reason) => {
    closeInfo = { code, reason: reason.toString() };
    for (const w of [...waiters]) w.onClose(closeInfo);
    resolveClosed(closeInfo);
  });

  /** Resolve as soon as `attempt` returns a value (now or after a later frame). */
  function wait<T>(label: string, timeoutMs: number, attempt: () => T | undefined): Promise<T> {
    const now = attempt();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const tail = () => JSON.stringify(received.slice(-5));
      const done = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      const waiter = {
        onFrame() {
          const value = attempt();
          if (value !== undefined) done(), resolve(value);
        },
        onClose(info: CloseInfo) {
          done();
          reject(new Error(`${label}: socket closed (${info.code} ${info.reason}) first; last frames ${tail()}`));
        },
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${label}: timed out after ${timeoutMs} ms; last frames ${tail()}`));
      }, timeoutMs);
      waiters.add(waiter);
      if (closeInfo) waiter.onClose(closeInfo);
    });
  }

  const send = (frame: object) => socket.send(JSON.stringify(frame));

  const caller: RelayCaller = {
    setup,
    socket,
    received,
    receivedAt,
    prompt(text, opts = {}) {
      lastPrompt = { at: performance.now(), index: received.length };
      send({ type: 'prompt', voicePrompt: text, lang: opts.lang ?? 'en-US', last: opts.last ?? true });
    },
    interrupt(utteranceUntilInterrupt, durationUntilInterruptMs) {
      send({ type: 'interrupt', utteranceUntilInterrupt, durationUntilInterruptMs });
    },
    dtmf(digit) {
      send({ type: 'dtmf', digit });
    },
    info(name, value) {
      send({ type: 'info', name, value, ts: Date.now() });
    },
    send,
    hangup(code = 1000, reason = '') {
      if (!closeInfo) socket.close(code, reason);
      return closed;
    },
    nextText(timeoutMs = 5000) {
      return wait('nextText', timeoutMs, () => {
        let text = '';
        for (let i = textCursor; i < received.length; i++) {
          const f = received[i]!;
          if (f.type !== 'text') continue;
          text += typeof f.token === 'string' ? f.token : '';
          if (f.last === true) {
            textCursor = i + 1;
            return text;
          }
        }
        return undefined;
      });
    },
    waitFor(predicate, timeoutMs = 5000, fromIndex = 0) {
      return wait('waitFor', timeoutMs, () => received.slice(fromIndex).find(predicate));
    },
    onFrame(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    closed,
    firstTokenAfterPrompt(timeoutMs = 10_000) {
      const p = lastPrompt;
      if (!p) return Promise.reject(new Error('firstTokenAfterPrompt: no prompt sent yet'));
      return wait('firstTokenAfterPrompt', timeoutMs, () => {
        for (let i = p.index; i < received.length; i++) {
          const f = received[i]!;
          if (f.type === 'text' && ((typeof f.token === 'string' && f.token !== '') || f.last === true)) {
            return receivedAt[i]! - p.at;
          }
        }
        return undefined;
      });
    },
  };

  return new Promise<RelayCaller>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    socket.once('open', () => {
      settled = true;
      send(setup); // §1.2: `setup` comes once, right after the socket opens
      resolve(caller);
    });
    // Without this listener ws turns a non-101 answer into a generic error; read the body so the
    // rejection says why (e.g. "403 ... invalid signature").
    socket.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const finish = () => {
        const body = Buffer.concat(chunks).toString('utf8').slice(0, 200);
        fail(new RelayConnectError(`relay upgrade refused: HTTP ${res.statusCode}${body ? ` ${body}` : ''}`, res.statusCode));
        req.destroy();
      };
      res.on('end', finish);
      res.on('close', finish);
    });
    // Always listening: an 'error' event with no listener would crash the test process.
    socket.on('error', (err) => fail(new RelayConnectError(`relay connection failed: ${err.message}`)));
    socket.once('close', (code) => fail(new RelayConnectError(`relay socket closed before open (${code})`)));
  });
}
