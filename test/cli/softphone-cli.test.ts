import { spawn } from 'node:child_process';
import type { WebSocket } from 'ws';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startExampleAgent } from '../../src/examples/example-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';

// The quickstart's last step, scripted: lines piped into `agentline call` are said one per agent
// turn, and the call hangs up after the last answer.

const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let h: Harness;
let agent: Server;
afterEach(async () => {
  await h?.close();
  await new Promise((r) => agent?.close(r));
});

describe('agentline call', () => {
  it('talks to the example agent with piped input, one line per turn', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const example = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 1 });
    agent = example.server;
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: example.url, first_message: 'Hello from the example.' }), 201).data;

    const child = spawn('node', [CLI, 'call', num.phone_number, '--key', key, '--url', url], { env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(h.dir, 'unused.db') } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end('who are you?\n/dtmf 7#\n');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    const agentLines = out.split('\n').filter((l) => l.startsWith('agent: '));
    expect(agentLines).toEqual([
      'agent: Hello from the example.',
      `agent: Hi! I'm the Agentline example agent. You said: "who are you?". Ask me the time, ask for a human, or say goodbye.`,
      'agent: You pressed 7 #. Nice.',
    ]);
    const call = await eventually(async () => {
      const c = expectOk(await api.get('/v1/calls')).data[0];
      return c?.status === 'completed' ? c : null;
    });
    expect(call.end_reason).toBe('caller_hangup');
  });

  it('never loses a piped line to a slow, long greeting: each line is answered, then it hangs up', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const example = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 5 });
    agent = example.server;
    const greeting = `Welcome to the slow line. ${'This greeting goes on for a while. '.repeat(8)}How can I help?`;
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: example.url, first_message: greeting }), 201).data;
    // A busy gateway: after it says "connected" it is stalled (a slow database, a loaded CPU)
    // before the greeting goes out. The CLI is a separate process and keeps running meanwhile.
    h.app.websocketServer.on('connection', (ws: WebSocket) => {
      const send = ws.send.bind(ws) as (data: string) => void;
      (ws as unknown as { send: (data: string) => void }).send = (data: string) => {
        send(data);
        if (data.includes('"type":"connected"')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
      };
    });

    const child = spawn('node', [CLI, 'call', num.phone_number, '--key', key, '--url', url], { env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(h.dir, 'unused.db') } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end('who are you?\nwhat time is it\n');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    const agentLines = out.split('\n').filter((l) => l.startsWith('agent: '));
    expect(agentLines).toHaveLength(3);
    expect(agentLines[0]).toBe(`agent: ${greeting}`);
    expect(agentLines[1]).toContain('You said: "who are you?"');
    expect(agentLines[2]).toMatch(/^agent: It is \d\d:\d\d UTC\.$/);
    const call = await eventually(async () => {
      const c = expectOk(await api.get('/v1/calls')).data[0];
      return c?.status === 'completed' ? c : null;
    });
    expect(call.end_reason).toBe('caller_hangup');
    const turns = expectOk(await api.get(`/v1/calls/${call.id}/transcript`)).data.turns;
    expect(turns.map((t: { speaker: string }) => t.speaker)).toEqual(['agent', 'caller', 'agent', 'caller', 'agent']);
  });
});
