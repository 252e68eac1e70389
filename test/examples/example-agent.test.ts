import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startExampleAgent } from '../../src/examples/example-agent.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// The quickstart's promise: no carrier, no model key, and still a conversation.

let h: Harness;
let server: Server;
afterEach(async () => {
  await h?.close();
  await new Promise((r) => server?.close(r));
});

describe('the example agent', () => {
  it('talks to a newcomer over the softphone, verifies our signature, and hangs up on goodbye', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key({ workspace: 'default' });
    const api = h.api(key);
    await fund(api, 1000);
    const placeholder = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 1 });
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: placeholder.url, first_message: 'Hello! You are talking to the example agent.' }), 201).data;
    await new Promise((r) => placeholder.server.close(r));
    // Restart it with the number's secret so it checks every request came from us.
    const agent = await startExampleAgent({ port: Number(new URL(placeholder.url).port), host: '127.0.0.1', secret: num.webhook_secret, wordDelayMs: 1 });
    server = agent.server;

    const phone = await SoftphoneClient.connect(base, key);
    const turns: string[] = [];
    phone.on('turnEnd', (t) => turns.push(t));
    const ended = new Promise<{ reason: string }>((r) => phone.once('end', r));
    phone.dial(num.phone_number);
    await waitFor(() => turns.length === 1);
    expect(turns[0]).toBe('Hello! You are talking to the example agent.');
    phone.say('hello there');
    await waitFor(() => turns.length === 2);
    expect(turns[1]).toContain('You said: "hello there"');
    phone.say('ok goodbye');
    expect((await ended).reason).toBe('agent_ended');
    expect(turns[2]).toBe('Thanks for trying Agentline. Goodbye!');
    await phone.closed;
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
