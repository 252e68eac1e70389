import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AgentError } from '../agents/agent.js';
import { isPrivateAddress, systemResolver, type Resolver } from './url-safety.js';

// Outbound HTTP to customer-chosen URLs (webhook agents, event deliveries). The SSRF check runs
// inside the socket's DNS lookup, so the address we vet is the address we connect to: a host
// that resolved to a public address at registration and to 10.0.0.1 now is still refused
// (api-conventions.md "Outbound requests to customer URLs"). Redirects are never followed, so a
// 3xx cannot bounce us onto an internal address. Each request gets its own connection (no
// pooling) so every connect goes through that lookup and abort can close exactly one socket.

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
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Response body; throws AgentError once maxResponseBytes is exceeded or the socket fails. */
  body: AsyncIterable<Buffer>;
  /** Destroys the connection; idempotent. */
  close(): void;
}

export function openOutbound(rawUrl: string, opts: OutboundOptions): Promise<OutboundResponse> {
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
    const req = transport.request({
      method: opts.method,
      hostname,
      port: url.port || undefined,
      path: url.pathname + url.search,
      headers: { ...opts.headers, 'Content-Length': String(Buffer.byteLength(opts.body)) },
      agent: false,
      lookup: vettedLookup(opts.lookup ?? systemResolver, opts.allowPrivate),
    });
    let res: IncomingMessage | undefined;
    let settled = false;
    let headersTimer: NodeJS.Timeout | undefined;

    const destroy = (err?: Error): void => {
      clearTimeout(connectTimer);
      clearTimeout(headersTimer);
      opts.signal.removeEventListener('abort', onAbort);
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
      socket.once(transport === https ? 'secureConnect' : 'connect', connected);
    });
    // Stays attached after the response: late socket errors surface through the body instead.
    req.on('error', (err) => fail(toAgentError(err, opts.signal)));
    req.on('response', (response) => {
      clearTimeout(headersTimer);
      res = response;
      // Errors reach readers through the body iterator; this keeps an unread body from crashing.
      response.on('error', () => {});
      settled = true;
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: limitedBody(response, opts.maxResponseBytes, opts.signal, destroy),
        close: () => destroy(),
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
): AsyncGenerator<Buffer> {
  let total = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new AgentError('malformed', `response exceeded ${maxBytes} bytes`);
      yield chunk;
    }
    if (signal.aborted) throw abortedError();
  } catch (err) {
    throw toAgentError(err, signal);
  } finally {
    destroy();
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
