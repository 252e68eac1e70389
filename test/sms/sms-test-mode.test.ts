import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

let h: Harness;
let agent: FakeServer;
afterEach(async () => {
  await h?.close();
  await agent?.close();
});

describe('SMS with test keys', () => {
  it('outbound SMS are logged, not dispatched, and reach a softphone listening as the recipient', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const phone = await SoftphoneClient.connect(`http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`, key);
    const registered = new Promise((r) => phone.once('registered', r));
    phone.register('+16289112222');
    await registered;
    const got = new Promise<{ body: string; from: string }>((r) => phone.once('sms', r));
    const sms = expectOk(await api.post('/v1/sms', { from: num.id, to: '+16289112222', body: 'Your code is 1234 😀' }), 201).data;
    expect(sms).toMatchObject({ encoding: 'UCS-2', segments: 1, cost_cents: 1, livemode: false });
    expect(await got).toMatchObject({ body: 'Your code is 1234 😀', from: num.phone_number });
    await eventually(async () => expectOk(await api.get(`/v1/sms/${sms.id}`)).data.status === 'delivered');
    phone.hangup();
  });

  it('a developer texts their test number and sees the agent reply', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    agent.script(sseReply('Thanks for your message!'));
    const msg = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'Is anyone there?' }), 201).data;
    expect(msg).toMatchObject({ direction: 'inbound', status: 'received', from: '+16283334444', to: num.phone_number });
    const reply = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data[0]);
    expect(reply).toMatchObject({ body: 'Thanks for your message!', to: '+16283334444', agent_reply: true });

    const live = h.api(await h.key({ mode: 'live' }));
    expect((await live.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'x' })).status).toBe(403);
  });
});
