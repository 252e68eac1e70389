import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AgentError } from '../agents/agent.js';
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
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Response body; throws AgentError once maxResponseBytes is exceeded or the socket fails. */
  body: AsyncIterable<Buffer>;
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
        body: limitedBody(response, opts.maxResponseBytes, opts.signal, destroy, release),
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

async function* limitedBody(
  res: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  destroy: (err?: Error) => void,
  release: () => void,
): AsyncGenerator<Buffer> {
  let total = 0;
  let complete = false;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new AgentError('malformed', `response exceeded ${maxBytes} bytes`);
      yield chunk;
    }
    if (signal.aborted) throw abortedError();
    complete = res.complete;
  } catch (err) {
    throw toAgentError(err, signal);
  } finally {
    // A fully read response leaves its socket to the pool; anything else closes it.
    if (complete) release();
    else destroy();
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
