import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIClient } from '../../src/agents/managed-agent.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import type { FakeServer } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

let h: Harness;
let openai: FakeServer | undefined;
afterEach(async () => {
  await h?.close();
  await openai?.close();
  openai = undefined;
});

async function setup() {
  openai = await startFakeOpenAI();
  h = await createHarness({ openai: createOpenAIClient({ apiKey: 'sk-test', baseURL: openai.url, timeoutMs: 10_000 }) });
  return h.api(await h.key({ workspace: 'acme' }));
}

// Seed 001's PATCH /identity example, in our casing.
const seedProfile = {
  display_name: 'Acme Inc',
  profile: {
    tagline: 'Your trusted partner',
    about: 'We provide innovative solutions...',
    website: 'https://example.com',
    services: [{ id: 'service-uuid', name: 'Consulting Session', description: 'One-on-one consulting', price: 150.0, currency: 'USD', billing_interval: 'one-time', active: true }],
  },
};

describe('identity', () => {
  it('starts empty, takes the seed\'s profile, and merges PATCHes (tagline only, a new service, null removes)', async () => {
    const api = await setup();
    const empty = expectOk(await api.get('/v1/identity')).data;
    expect(empty).toMatchObject({ id: expect.stringMatching(/^idn_/), handle: 'acme', address: null, scope: 'business', display_name: null, profile: null, livemode: false });
    expect(expectOk(await api.get('/v1/identity')).data.id).toBe(empty.id);

    const set = expectOk(await api.patch('/v1/identity', seedProfile)).data;
    expect(set).toMatchObject({ id: empty.id, display_name: 'Acme Inc', profile: { tagline: 'Your trusted partner', website: 'https://example.com' } });
    expect(set.profile.services).toEqual([
      { id: 'service-uuid', name: 'Consulting Session', description: 'One-on-one consulting', price_cents: 15000, price: 150, currency: 'USD', billing_interval: 'one-time', active: true },
    ]);

    const tagline = expectOk(await api.patch('/v1/identity', { profile: { tagline: 'New tagline here' } })).data;
    expect(tagline.profile).toMatchObject({ tagline: 'New tagline here', about: 'We provide innovative solutions...' });
    expect(tagline.profile.services).toHaveLength(1);

    const added = expectOk(await api.patch('/v1/identity', {
      profile: { services: [{ name: 'New Service', description: 'Service description', price: 99.99, currency: 'USD', billing_interval: 'monthly', active: true }] },
    })).data;
    expect(added.profile.services.map((s: { id: string; price_cents: number }) => [s.id, s.price_cents])).toEqual([['service-uuid', 15000], [expect.stringMatching(/^svc_/), 9999]]);

    const changed = expectOk(await api.patch('/v1/identity', {
      display_name: null,
      profile: { about: null, services: [{ id: 'service-uuid', price_cents: 17500 }, { id: added.profile.services[1].id, deleted: true }] },
    })).data;
    expect(changed.display_name).toBeNull();
    expect(changed.profile.about).toBeUndefined();
    expect(changed.profile.services).toEqual([expect.objectContaining({ id: 'service-uuid', name: 'Consulting Session', price_cents: 17500, price: 175 })]);
    expect(expectOk(await api.get('/v1/identity')).data).toEqual(changed);
    const events = expectOk(await api.get('/v1/events?type=identity.updated')).data;
    expect(events).toHaveLength(4);

    const other = h.api(await h.key({ workspace: 'other' }));
    expect(expectOk(await other.get('/v1/identity')).data).toMatchObject({ handle: 'other', display_name: null, profile: null });
  });

  it('refuses bad profiles with our errors and changes nothing', async () => {
    const api = await setup();
    expectOk(await api.patch('/v1/identity', seedProfile));
    const before = expectOk(await api.get('/v1/identity')).data;
    const bad = async (body: unknown, field?: string) => {
      const res = await api.patch('/v1/identity', body);
      expect(res.status, res.text).toBe(422);
      if (field) expect(res.body.error.details[0].field).toBe(field);
    };
    await bad({ profile: { about: 'x'.repeat(1001) } });
    await bad({ profile: { services: [{ name: 'Cheap', price: 1.005 }] } }, 'profile.services.0.price');
    await bad({ profile: { services: [{ name: 'Both', price: 1, price_cents: 100 }] } }, 'profile.services.0.price');
    await bad({ profile: { services: [{ name: 'No price' }] } }, 'profile.services.0.price');
    await bad({ profile: { services: [{ id: 'nope', deleted: true }] } }, 'profile.services.0.id');
    await bad({ profile: { services: [{ name: 'A', price: 1, billing_interval: 'weekly' }] } });
    await bad({ profile: { services: [{ name: 'A', price: 1, currency: 'usd' }] } });
    await bad({ profile: { website: 'ftp://example.com' } });
    await bad({ displayName: 'camelCase' });
    await bad({});
    expect(expectOk(await api.get('/v1/identity')).data).toEqual(before);
  });
});

describe('managed agents speak for the identity', () => {
  it('a managed SMS asking the price gets the listed price: the profile and active services are in the model\'s context', async () => {
    const api = await setup();
    await fund(api, 2000);
    expectOk(await api.patch('/v1/identity', {
      ...seedProfile,
      profile: { ...seedProfile.profile, services: [...seedProfile.profile.services, { name: 'Retired Plan', price: 10, active: false }] },
    }));
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You are Acme\'s receptionist. Answer from what you know about the business.' }), 201).data;
    openai!.script((req) => {
      const system = String(req.body.messages[0].content);
      const price = /Consulting Session: (\$[0-9.,]+)/.exec(system)?.[1] ?? 'unknown';
      return sseReply(`A consultation is ${price}.`);
    });
    expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'How much is a consultation?' }), 201);
    const reply = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data.find((m: { agent_reply: boolean }) => m.agent_reply));
    expect(reply.body).toBe('A consultation is $150.00.');
    const system = String(openai!.requests[0]!.body.messages[0].content);
    expect(system).toContain('You are Acme\'s receptionist.');
    expect(system).toContain('You speak for Acme Inc.');
    expect(system).toContain('Consulting Session: $150.00 one-time. One-on-one consulting');
    expect(system).not.toContain('Retired Plan');
  });

  it('a managed call on a reusable agent hears its persona and the price; an agent with context off does not get the identity', async () => {
    const api = await setup();
    await fund(api, 2000);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    expectOk(await api.patch('/v1/identity', seedProfile));
    const agent = expectOk(await api.post('/v1/agents', {
      name: 'Receptionist',
      config: { system_prompt: 'You answer the phone for Acme.', persona: { tone: 'warm', traits: ['concise'] }, first_message: 'Acme, good morning!', model: 'gpt-agent' },
    }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    openai!.script((req) => sseReply(/Consulting Session: (\$[0-9.]+)/.exec(String(req.body.messages[0].content))?.[1] ?? 'no idea'));

    const key = (await h.keyWithId({ workspace: 'acme' })).key;
    const phone = await SoftphoneClient.connect(base, key);
    const greeting = new Promise<string>((r) => phone.once('turnEnd', r));
    phone.dial(num.phone_number);
    expect(await greeting).toBe('Acme, good morning!');
    const reply = new Promise<string>((r) => phone.once('turnEnd', r));
    phone.say('How much is a consultation?');
    expect(await reply).toBe('$150.00');
    const req = openai!.requests[0]!.body;
    expect(req.model).toBe('gpt-agent');
    expect(req.messages[0].content).toMatch(/^You answer the phone for Acme\.\n\nYour persona\.\nTone: warm\.\nTraits: concise\.[\s\S]*You speak for Acme Inc\./);
    phone.hangup();
    await phone.closed;

    expectOk(await api.patch(`/v1/agents/${agent.id}`, { config: { context: { enabled: false } } }));
    const phone2 = await SoftphoneClient.connect(base, key);
    const g2 = new Promise<string>((r) => phone2.once('turnEnd', r));
    phone2.dial(num.phone_number);
    await g2;
    const r2 = new Promise<string>((r) => phone2.once('turnEnd', r));
    phone2.say('How much is a consultation?');
    expect(await r2).toBe('no idea');
    expect(openai!.requests[1]!.body.messages[0].content).not.toContain('Acme Inc');
    phone2.hangup();
    await phone2.closed;
  });
});
