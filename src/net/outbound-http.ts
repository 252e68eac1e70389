import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AgentError } from '../agents/agent.js';
import { sharedWheel, type WheelTimer } from '../timer-wheel.js';
import { isPrivateAddress, systemResolver, type Resolver } from './url-safety.js';

// Outbound HTTP to customer-chosen URLs (webhook agents, event deliveries). The SSRF check runs
// inside the socket's DNS lookup, so the address we vet is the address we connect to: a host
// that resolved to a public address at registration and to 10.0.0.1 now is still refused
// (api-conventions.md "Outbound requests to customer URLs"). Redirects are never followed, so a
// 3xx cannot bounce us onto an internal address. Callers may pass keep-alive agents: a pooled
// socket was vetted when it connected, every new one goes through the same lookup, and an
// abort still destroys exactly the socket of that request (it is never returned to the pool).

export interface OutboundOptions {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  allowPrivate: boolean;
  /** From the start of the request until the TCP (and TLS) connection is up, DNS included. */
  connectTimeoutMs: number;
  /** From the connection being up until the response headers arrive. */
  headersTimeoutMs: number;
  maxResponseBytes: number;
  /** Replaces DNS resolution (tests); every returned address is still vetted. */
  lookup?: Resolver;
  /** Keep-alive pools; without them every request opens (and closes) its own connection. */
  agents?: { http: http.Agent; https: https.Agent };
  /** The longest the body may go quiet while read; without it, only the signal bounds the body. */
  idle?: IdleLimit;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Response body; throws AgentError once maxResponseBytes is exceeded, the socket fails or it idles. */
  body: AsyncIterableIterator<Buffer>;
  /** Destroys the connection; idempotent. */
  close(): void;
}

export async function openOutbound(rawUrl: string, opts: OutboundOptions): Promise<OutboundResponse> {
  try {
    return await openOnce(rawUrl, opts, true);
  } catch (err) {
    // A pooled socket the server had already closed: the request never reached it, so retrying
    // once on a fresh connection is safe (Node's documented `reusedSocket` pattern).
    if (err instanceof StaleSocketError) return openOnce(rawUrl, opts, false);
    throw err;
  }
}

class StaleSocketError extends Error {}

function openOnce(rawUrl: string, opts: OutboundOptions, mayReuse: boolean): Promise<OutboundResponse> {
  if (opts.signal.aborted) return Promise.reject(abortedError());
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.reject(new AgentError('refused_url', 'not an absolute URL'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new AgentError('refused_url', `unsupported protocol ${url.protocol}`));
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  // Node skips the lookup hook for IP literals, so those are vetted here.
  if (isIP(hostname) && !opts.allowPrivate && isPrivateAddress(hostname)) {
    return Promise.reject(new AgentError('refused_url', `${hostname} is a private or reserved address`));
  }

  return new Promise<OutboundResponse>((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const pool = mayReuse && opts.agents ? (transport === https ? opts.agents.https : opts.agents.http) : false;
    const req = transport.request({
      method: opts.method,
      hostname,
      port: url.port || undefined,
      path: url.pathname + url.search,
      headers: { ...opts.headers, 'Content-Length': String(Buffer.byteLength(opts.body)) },
      agent: pool,
      lookup: vettedLookup(opts.lookup ?? systemResolver, opts.allowPrivate),
    });
    let res: IncomingMessage | undefined;
    let settled = false;
    let headersTimer: NodeJS.Timeout | undefined;

    const release = (): void => {
      clearTimeout(connectTimer);
      clearTimeout(headersTimer);
      opts.signal.removeEventListener('abort', onAbort);
    };
    const destroy = (err?: Error): void => {
      release();
      res?.destroy(err);
      req.destroy(err);
    };
    const fail = (err: Error): void => {
      destroy(err);
      if (!settled) {
        settled = true;
        reject(err);
      }
    };
    const onAbort = (): void => fail(abortedError());
    opts.signal.addEventListener('abort', onAbort, { once: true });

    const connectTimer = setTimeout(
      () => fail(new AgentError('timeout', `connect timeout: no connection within ${opts.connectTimeoutMs} ms`)),
      opts.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      const connected = (): void => {
        clearTimeout(connectTimer);
        headersTimer = setTimeout(
          () => fail(new AgentError('timeout', `headers timeout: no response within ${opts.headersTimeoutMs} ms`)),
          opts.headersTimeoutMs,
        );
      };
      // A pooled socket is already connected: no connect event will come.
      if (!socket.connecting && (transport !== https || (socket as import('node:tls').TLSSocket).encrypted)) connected();
      else socket.once(transport === https ? 'secureConnect' : 'connect', connected);
    });
    // Stays attached after the response: late socket errors surface through the body instead.
    req.on('error', (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (req.reusedSocket && !res && !opts.signal.aborted && (code === 'ECONNRESET' || code === 'EPIPE')) return fail(new StaleSocketError(code));
      fail(toAgentError(err, opts.signal));
    });
    req.on('response', (response) => {
      clearTimeout(headersTimer);
      res = response;
      // Errors reach readers through the body iterator; this keeps an unread body from crashing.
      response.on('error', () => {});
      settled = true;
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: new ResponseBody(response, opts.maxResponseBytes, opts.signal, destroy, release, opts.idle),
        // A response read to its end hands its socket back to the pool (draining what is left
        // so it frees); anything else is destroyed, so an abort always closes the connection.
        close: () => {
          if (response.complete && !opts.signal.aborted) {
            release();
            response.resume();
          } else destroy();
        },
      });
    });
    req.end(opts.body);
  });
}

/** How long the body may go quiet while its reader waits, and what that failure says. */
export interface IdleLimit {
  ms: number;
  error: () => Error;
}

const HIGH_WATER_CHUNKS = 16;

/**
 * The response body as an async iterator, read from the stream's events: one promise per chunk
 * the reader waits for and nothing else (a stream's own async iterator and generators stacked on
 * it allocate several objects per chunk, on every token of every call). Fails with AgentError
 * once maxBytes is exceeded, the socket fails, the request is aborted, or (with `idle`) nothing
 * arrives for idle.ms while the reader waits: the idle clock runs only while waiting on the
 * network, not while the reader handles a chunk, on one deadline of the shared timer wheel per
 * response, moved forward lazily (when it fires early it re-arms for what is left). A body read to
 * its end hands the socket back to the pool; one failed or abandoned is destroyed.
 */
class ResponseBody implements AsyncIterableIterator<Buffer> {
  private readonly queue: Buffer[] = [];
  private total = 0;
  private ended = false;
  private finished = false;
  private failure: Error | null = null;
  private paused = false;
  private waiter: { resolve: (step: IteratorResult<Buffer>) => void; reject: (err: Error) => void } | null = null;
  private waitingSince = -1;
  private deadline: WheelTimer | null = null;

  constructor(
    private readonly res: IncomingMessage,
    private readonly maxBytes: number,
    private readonly signal: AbortSignal,
    private readonly destroy: (err?: Error) => void,
    private readonly release: () => void,
    private readonly idle: IdleLimit | undefined,
  ) {
    res.on('data', this.onData);
    res.on('end', this.onEnd);
    res.on('error', this.onError);
    res.on('close', this.onClose);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.queue.length > 0) {
      const value = this.queue.shift()!;
      if (this.paused && this.queue.length < HIGH_WATER_CHUNKS / 2) {
        this.paused = false;
        this.res.resume();
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    if (this.ended) {
      this.end();
      return this.next();
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      if (this.idle) {
        this.waitingSince = performance.now();
        this.deadline ??= sharedWheel.schedule(this.idle.ms, this.checkIdle);
      }
    });
  }

  /** The reader stopped early: the rest is never read, so the connection is closed. */
  return(): Promise<IteratorResult<Buffer>> {
    if (!this.finished) this.finish(false);
    this.queue.length = 0;
    this.failure = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.finished) return;
    this.total += chunk.length;
    if (this.total > this.maxBytes) return this.fail(new AgentError('malformed', `response exceeded ${this.maxBytes} bytes`));
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      this.waitingSince = -1;
      waiter.resolve({ value: chunk, done: false });
      return;
    }
    this.queue.push(chunk);
    if (!this.paused && this.queue.length >= HIGH_WATER_CHUNKS) {
      this.paused = true;
      this.res.pause();
    }
  };

  private readonly onEnd = (): void => {
    if (this.finished) return;
    this.ended = true;
    if (this.waiter && this.queue.length === 0) this.end();
  };

  private readonly onError = (err: Error): void => this.fail(toAgentError(err, this.signal));

  private readonly onClose = (): void => {
    if (!this.ended) this.fail(this.signal.aborted ? abortedError() : new AgentError('connection', 'the response was cut off before its end'));
  };

  private readonly checkIdle = (): void => {
    this.deadline = null;
    if (this.waitingSince < 0 || this.finished || !this.idle) return; // re-armed when the next wait begins
    const left = this.waitingSince + this.idle.ms - performance.now();
    if (left > 0) {
      this.deadline = sharedWheel.schedule(left, this.checkIdle);
      return;
    }
    this.fail(this.idle.error());
  };

  /** Everything was read: done, or aborted if the request was meanwhile. */
  private end(): void {
    if (this.signal.aborted) return this.fail(abortedError());
    this.finish(this.res.complete);
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.resolve({ value: undefined, done: true });
  }

  private fail(err: Error): void {
    if (this.finished) return;
    this.finish(false);
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter.reject(err);
    else this.failure = err;
  }

  private finish(complete: boolean): void {
    this.finished = true;
    this.waitingSince = -1;
    this.deadline?.cancel();
    this.deadline = null;
    this.res.off('data', this.onData);
    this.res.off('end', this.onEnd);
    this.res.off('close', this.onClose);
    this.res.off('error', this.onError);
    // A fully read response leaves its socket to the pool; anything else closes it.
    if (complete) this.release();
    else this.destroy();
  }
}

/** A net lookup hook that resolves via `resolve` and refuses private addresses. */
function vettedLookup(resolve: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (err: NodeJS.ErrnoException | null, addresses: string[] = []): void => {
      // Leave the promise chain so an exception inside net cannot be swallowed as a rejection.
      process.nextTick(() => {
        if (err) return callback(err, '', 0);
        if (options.all) return callback(null, addresses.map((address) => ({ address, family: isIP(address) })));
        callback(null, addresses[0]!, isIP(addresses[0]!));
      });
    };
    resolve(hostname).then(
      (resolved) => {
        const bad = allowPrivate ? undefined : resolved.find(isPrivateAddress);
        if (bad) return answer(new AgentError('refused_url', `${hostname} resolves to a private or reserved address (${bad})`));
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = resolved.filter((a) => isIP(a) !== 0 && (!family || isIP(a) === family));
        if (usable.length === 0) return answer(new AgentError('connection', `${hostname} has no usable address`));
        answer(null, usable);
      },
      (err: unknown) => answer(new AgentError('connection', `DNS lookup of ${hostname} failed: ${(err as Error).message}`)),
    );
  };
}

function abortedError(): AgentError {
  return new AgentError('aborted', 'request aborted');
}

function toAgentError(err: unknown, signal: AbortSignal): AgentError {
  if (err instanceof AgentError) return err;
  if (signal.aborted) return abortedError();
  return new AgentError('connection', (err as Error)?.message || 'connection failed');
}
