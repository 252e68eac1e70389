import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startExampleAgent } from '../../src/examples/example-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let h: Harness;
let agent: Server;
afterEach(async () => {
  await h?.close();
  await new Promise((r) => agent?.close(r));
});

describe('agentline sms', () => {
  it('texts a test number and prints the agent reply', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const example = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 1 });
    agent = example.server;
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: example.url }), 201).data;
    const { stdout } = await run('node', [CLI, 'sms', num.phone_number, 'hello there', '--from', '+16288009999', '--key', key, '--url', url], {
      env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(h.dir, 'unused.db') },
    });
    expect(stdout).toContain(`you (+16288009999) -> ${num.phone_number}: hello there`);
    expect(stdout).toContain(`${num.phone_number} -> you: Hi! I'm the Agentline example agent. You said: "hello there".`);
  });
});

describe('agentline sms without credits', () => {
  it('says the balance is why no reply came', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const example = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 1 });
    agent = example.server;
    await api.post('/v1/numbers', { system_prompt: 'spend' });
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: example.url }), 201).data; // balance now 0
    const res = await run('node', [CLI, 'sms', num.phone_number, 'hello', '--key', key, '--url', url, '--wait', '2'], {
      env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(h.dir, 'unused.db') },
    }).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(res?.code).toBe(1);
    expect(res?.stderr).toContain('cannot pay for the agent\'s SMS');
  });
});
