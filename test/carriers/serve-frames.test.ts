import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { type FrameRefusal, serveFrames } from '../../src/carriers/socket-frames.js';

// The serve loop every socket shares: a handler's own failure, thrown or rejected, closes only
// that socket with 1011 and never escapes the 'message' listener.

let wss: WebSocketServer | undefined;
afterEach(() => new Promise<void>((r) => (wss ? wss.close(() => r()) : r())));

async function serve(handle: (frame: { n: number }) => FrameRefusal | void | Promise<unknown>) {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss!.once('listening', r));
  wss.on('connection', (socket) =>
    serveFrames<{ n: number }>(socket, {
      protocol: 'test',
      log: pino({ level: 'silent' }),
      parse: (v) => (typeof v === 'object' && v !== null && typeof (v as { n?: unknown }).n === 'number' ? { ok: true, frame: v as { n: number } } : { ok: false, close: 1007, reason: 'n' }),
      handle,
    }),
  );
  const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  return { ws, closed };
}

describe('serveFrames', () => {
  it('a handler that throws closes that socket with 1011', async () => {
    const { ws, closed } = await serve(() => {
      throw new Error('bug');
    });
    ws.send('{"n":1}');
    expect(await closed).toBe(1011);
  });

  it('a promise the handler starts that rejects is caught and closes with 1011', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const { ws, closed } = await serve(() => Promise.reject(new Error('async bug')));
    ws.send('{"n":1}');
    expect(await closed).toBe(1011);
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('a refusal from the handler closes with its code; frames it accepts keep the socket up', async () => {
    const seen: number[] = [];
    const { ws, closed } = await serve((f) => {
      seen.push(f.n);
      return f.n === 3 ? { close: 1008, reason: 'three is out of place' } : undefined;
    });
    ws.send('{"n":1}');
    ws.send('{"n":2}');
    ws.send('{"n":3}');
    expect(await closed).toBe(1008);
    expect(seen).toEqual([1, 2, 3]);
  });
});
