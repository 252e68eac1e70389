import http, { createServer, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../src/agents/agent.js';
import { openOutbound, type OutboundOptions } from '../../src/net/outbound-http.js';

// The response body of an outbound request, read as a webhook agent reads an SSE reply: chunks in
// order, a slow reader never loses one, a cut-off or silent body fails, and a body abandoned
// early closes its connection while one read to its end goes back to the pool.

let server: http.Server;
let url: string;
let handler: (res: ServerResponse) => void;
let sockets = new Set<Socket>();
let closed: Socket[] = [];

beforeEach(async () => {
  // This test's own lists: a socket of the test before may close after this one has started.
  const mine = { sockets: new Set<Socket>(), closed: [] as Socket[] };
  sockets = mine.sockets;
  closed = mine.closed;
  server = createServer((_req, res) => handler(res));
  server.on('connection', (s) => {
    mine.sockets.add(s);
    s.on('close', () => mine.closed.push(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function open(extra: Partial<OutboundOptions> = {}) {
  return openOutbound(url, {
    method: 'POST',
    headers: {},
    body: '{}',
    signal: new AbortController().signal,
    allowPrivate: true,
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    maxResponseBytes: 10_000_000,
    ...extra,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an outbound response body', () => {
  it('reaches a slow reader whole and in order, and a body read to its end keeps its connection', async () => {
    // 200 writes of 1 KB at once: far more than the reader takes in before the stream pauses.
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 200; i++) res.write(`${String(i).padStart(4, '0')}${'x'.repeat(1020)}`);
      res.end();
    };
    const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    for (let round = 0; round < 2; round++) {
      const response = await open({ agents });
      let text = '';
      let reads = 0;
      for await (const chunk of response.body) {
        text += chunk.toString();
        if (++reads % 5 === 0) await sleep(2);
      }
      response.close();
      expect(text.length).toBe(200 * 1024);
      for (let i = 0; i < 200; i++) expect(text.slice(i * 1024, i * 1024 + 4)).toBe(String(i).padStart(4, '0'));
      await sleep(20);
    }
    expect(sockets.size).toBe(1); // two bodies read to the end, one connection
    expect(closed).toHaveLength(0);
    agents.http.destroy();
  });

  it('fails as a connection error when the server cuts the body off', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part');
      setTimeout(() => res.socket?.destroy(), 30);
    };
    const response = await open();
    const seen: string[] = [];
    const err = await (async () => {
      for await (const chunk of response.body) seen.push(chunk.toString());
    })().then(() => null, (e: unknown) => e);
    expect(seen).toEqual(['first part']);
    expect(err).toBeInstanceOf(AgentError);
    expect((err as AgentError).kind).toBe('connection');
  });

  it('times out on silence only while the reader waits, not while it handles what came', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a');
      res.write('b');
      setTimeout(() => res.write('c'), 40);
      setTimeout(() => res.write('d'), 80); // then silence
    };
    const response = await open({ idle: { ms: 150, error: () => new AgentError('timeout', 'idle timeout') } });
    const seen: string[] = [];
    const started = performance.now();
    const err = await (async () => {
      for await (const chunk of response.body) {
        seen.push(chunk.toString());
        // Handling the first chunk takes longer than the idle limit: that is not the agent's silence.
        if (seen.length === 1) await sleep(250);
      }
    })().then(() => null, (e: unknown) => e);
    expect(seen.join('')).toBe('abcd');
    expect((err as AgentError).kind).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250 + 140);
    await sleep(20);
    expect(closed).toHaveLength(1);
  });

  it('closes the connection of a body its reader abandons, and an oversized body fails', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const tick = setInterval(() => res.write('y'.repeat(100)), 5);
      res.on('close', () => clearInterval(tick));
    };
    const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    const response = await open({ agents });
    for await (const _chunk of response.body) break;
    await sleep(30);
    expect(closed).toHaveLength(1);

    const big = await open({ agents, maxResponseBytes: 1000 });
    const err = await (async () => {
      for await (const _chunk of big.body) {
        // read until it is too much
      }
    })().then(() => null, (e: unknown) => e);
    expect((err as AgentError).kind).toBe('malformed');
    await sleep(30);
    expect(closed).toHaveLength(2);
    agents.http.destroy();
  });
});
