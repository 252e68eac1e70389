import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

// A small round-robin load balancer in front of several gateway nodes on loopback: each HTTP
// request and each WebSocket upgrade goes to the next node in turn. WebSockets are piped as raw
// TCP after the upgrade request, so the node does the handshake itself. What a real balancer
// does and this one does too: a node that refuses the connection is skipped for that request.

export interface RoundRobinProxy {
  url: string;
  /** Which node got each request, in order (for tests). */
  readonly picks: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: { host: string; port: number }[]): Promise<RoundRobinProxy> {
  let next = 0;
  const picks: number[] = [];
  const pick = () => {
    const i = next++ % targets.length;
    picks.push(i);
    return i;
  };
  const server: Server = createServer((req, res) => {
    const tryNode = (attempt: number) => {
      const target = targets[pick()]!;
      const upstream = httpRequest({ host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers, timeout: 30_000 }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && attempt < targets.length && !res.headersSent) return tryNode(attempt + 1);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'unavailable', message: 'no gateway node answered' } }));
      });
      req.pipe(upstream);
    };
    tryNode(1);
  });
  server.on('upgrade', (req, socket, head) => {
    const target = targets[pick()]!;
    const upstream = connect(target.port, target.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
    upstream.on('close', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    picks,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
