import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import { buildApp } from '../../src/http/app.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { sseReply } from '../helpers/voice.js';

// POST /v1/softphone/tickets and the softphone sockets opened with `?ticket=`: what the browser
// console calls a test number with, since it cannot send a bearer header on a WebSocket and must
// never put the key in a URL. Real sockets on loopback against the real gateway.

let h: Harness;
let agent: FakeServer;
let api: Api;
let key: string;
let keyId: string;
let base: string;
let stream: { id: string; phone_number: string };
let relay: { id: string; phone_number: string };

type Opened = { kind: 'open'; socket: WebSocket; frames: any[]; closed: Promise<void> } | { kind: 'refused'; status: number; body: any };

/** Opens a socket and reports either the upgrade or the HTTP refusal (status and our envelope). */
function open(path: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}${path}`);
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.on('open', () => resolve({ kind: 'open', socket, frames, closed }));
    socket.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    socket.on('error', (err) => reject(err));
  });
}

const ticketFor = async (to: string, from?: string) =>
  expectOk(await api.post('/v1/softphone/tickets', from === undefined ? { to } : { to, from }), 201).data as {
    ticket: string;
    expires_at: string;
    socket_path: string;
    media_mode: string;
    to: string;
    from: string | null;
  };

beforeAll(async () => {
  agent = await startFakeSseAgent();
  h = await createHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  ({ key, id: keyId } = await h.keyWithId({ workspace: 'softphone' }));
  api = h.api(key);
  await fund(api, 2000);
  stream = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream' }), 201).data;
  relay = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
});
afterAll(async () => {
  await h?.close();
  await agent?.close();
});

describe('softphone tickets', () => {
  it('a ticket opens the stream socket once; the second use is refused with our message', async () => {
    const t = await ticketFor(stream.phone_number);
    expect(t.ticket).toMatch(/^spt_/);
    expect(t.ticket).not.toContain(key);
    expect(t).toMatchObject({ media_mode: 'stream', socket_path: '/v1/softphone/media', to: stream.phone_number, from: null });
    expect(Date.parse(t.expires_at) - Date.now()).toBeLessThanOrEqual(60_000);

    const path = `/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${t.ticket}`;
    const first = await open(path);
    expect(first.kind).toBe('open');
    if (first.kind === 'open') {
      first.socket.close();
      await first.closed;
    }
    const again = await open(path);
    expect(again).toMatchObject({ kind: 'refused', status: 401, body: { error: { code: 'token_invalid' } } });
    if (again.kind === 'refused') expect(again.body.error.message).toContain('POST /v1/softphone/tickets');
  });

  it('a ticket asked of one gateway process opens the socket on another sharing the database', async () => {
    const sim = new SimCarrier(async (phone) => (await findActiveByPhone(h.opened.db, 'test', phone)) !== undefined);
    const other = await buildApp({ config: h.config, db: h.opened.db, clock: h.clock, carriers: { test: sim, live: sim } });
    await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const t = await ticketFor(stream.phone_number);
      const otherBase = `ws://127.0.0.1:${(other.server.address() as AddressInfo).port}`;
      const opened = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${otherBase}/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${t.ticket}`);
        ws.on('open', () => (ws.close(), resolve('open')));
        ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
        ws.on('error', () => resolve('error'));
      });
      expect(opened).toBe('open');
      // Spent there, so dead here too.
      const again = await open(`/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${t.ticket}`);
      expect(again).toMatchObject({ kind: 'refused', status: 401 });
    } finally {
      await other.close();
    }
  });

  it('stores only a hash of the ticket', async () => {
    const t = await ticketFor(stream.phone_number);
    const rows = await h.opened.db.selectFrom('softphone_tickets').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(t.ticket);
    expect(rows.some((r) => r.key_id === keyId && r.to_number === stream.phone_number && r.used_at === null)).toBe(true);
  });

  it('an expired ticket is refused', async () => {
    const t = await ticketFor(stream.phone_number);
    h.clock.advance(61_000);
    const res = await open(`/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${t.ticket}`);
    expect(res).toMatchObject({ kind: 'refused', status: 401, body: { error: { code: 'token_invalid' } } });
  });

  it('a ticket calls its own number only', async () => {
    const t = await ticketFor(stream.phone_number);
    const other = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream' }), 201).data;
    const res = await open(`/v1/softphone/media?to=${encodeURIComponent(other.phone_number)}&ticket=${t.ticket}`);
    expect(res).toMatchObject({ kind: 'refused', status: 403, body: { error: { code: 'forbidden' } } });
    if (res.kind === 'refused') expect(res.body.error.message).toBe(`This softphone ticket is for ${stream.phone_number}, not ${other.phone_number}.`);

    // A relay number's ticket dials over the text socket, and only that number.
    const r = await ticketFor(relay.phone_number);
    expect(r).toMatchObject({ media_mode: 'relay', socket_path: '/v1/softphone' });
    const wrong = await open(`/v1/softphone?ticket=${r.ticket}`);
    if (wrong.kind !== 'open') throw new Error('the text softphone refused a fresh ticket');
    wrong.socket.send(JSON.stringify({ type: 'dial', to: stream.phone_number }));
    await wrong.closed;
    expect(wrong.frames).toEqual([{ type: 'error', code: 'forbidden', message: `This softphone ticket is for ${relay.phone_number}, not ${stream.phone_number}.` }]);
  });

  it('a relay number\'s ticket carries a text call through to the agent, as the ticket\'s caller', async () => {
    agent.script(sseReply('Hello ', 'from the agent.'));
    const t = await ticketFor(relay.phone_number, '+14155550123');
    const phone = await open(`/v1/softphone?ticket=${t.ticket}`);
    if (phone.kind !== 'open') throw new Error('refused');
    phone.socket.send(JSON.stringify({ type: 'dial', to: relay.phone_number }));
    const { eventually } = await import('../helpers/voice.js');
    const connected = await eventually(async () => phone.frames.find((f) => f.type === 'connected'));
    expect(connected).toMatchObject({ from: '+14155550123', to: relay.phone_number, direction: 'inbound' });
    await eventually(async () => phone.frames.some((f) => f.type === 'ready'));
    phone.socket.send(JSON.stringify({ type: 'prompt', voicePrompt: 'Hi there' }));
    await eventually(async () => phone.frames.some((f) => f.type === 'text' && f.last));
    expect(phone.frames.filter((f) => f.type === 'text').map((f) => f.token).join('')).toBe('Hello from the agent.');
    phone.socket.close();
    await phone.closed;
    const call = await eventually(async () => {
      const c = expectOk(await api.get(`/v1/calls/${connected.call_id}`)).data;
      return c.status === 'completed' ? c : null;
    });
    expect(call).toMatchObject({ livemode: false, billed_minutes: 1 });
  });

  it('test keys only; a read-only key gets none; unknown or foreign numbers get a 404', async () => {
    const live = h.api(await h.key({ workspace: 'softphone-live', mode: 'live' }));
    const res = await live.post('/v1/softphone/tickets', { to: stream.phone_number });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', message: 'The softphone calls test-mode numbers; use a test key (al_test_...).' });

    const readOnly = h.api(await h.key({ workspace: 'softphone', readOnly: true }));
    expect((await readOnly.post('/v1/softphone/tickets', { to: stream.phone_number })).body.error.code).toBe('token_read_only');

    const unknown = await api.post('/v1/softphone/tickets', { to: '+16289234567' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No active test number +16289234567 in this workspace.');
    const stranger = h.api(await h.key({ workspace: 'someone-else' }));
    expect((await stranger.post('/v1/softphone/tickets', { to: stream.phone_number })).status).toBe(404);

    const bad = await api.post('/v1/softphone/tickets', { to: 'not a phone' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_phone');
    // Nothing was issued by the refusals.
    const count = await h.opened.db.selectFrom('softphone_tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('key_id', '!=', keyId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('a key in the URL is not a ticket, and a revoked key\'s ticket is dead', async () => {
    const inUrl = await open(`/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${key}`);
    expect(inUrl).toMatchObject({ kind: 'refused', status: 401, body: { error: { code: 'token_invalid' } } });

    const other = await h.keyWithId({ workspace: 'softphone' });
    const t = expectOk(await h.api(other.key).post('/v1/softphone/tickets', { to: stream.phone_number }), 201).data;
    await h.revoke(other.id);
    const res = await open(`/v1/softphone/media?to=${encodeURIComponent(stream.phone_number)}&ticket=${t.ticket}`);
    expect(res).toMatchObject({ kind: 'refused', status: 401 });
  });
});
