import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';
import { FAST, type Receiver, startReceiver, waitFor } from '../webhooks/helpers.js';

// The integrations catalogue through the API, and a workspace's own external.* event: registered
// with a schema, emitted, validated, and delivered signed to a webhook endpoint on loopback.

let h: Harness;
let api: Api;
let receiver: Receiver;

beforeAll(async () => {
  h = await createHarness({ webhookWorker: FAST });
  api = h.api(await h.key({ workspace: 'acme' }));
  receiver = await startReceiver();
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

describe('the event type catalogue', () => {
  it('lists the gateway\'s own types with category, description and payload schema; filters by category and query; pages by key', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectOk(await api.get(`/v1/integrations/events?limit=10${cursor ? `&cursor=${cursor}` : ''}`));
      all.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    const keys = all.map((t) => t.key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['contact.created', 'call.ended', 'sms.received', 'asset.available', 'bi.export.completed']));
    const contact = all.find((t) => t.key === 'contact.created');
    expect(contact).toMatchObject({ id: null, key: 'contact.created', category: 'crm', source: 'gateway' });
    expect(contact.payload_schema.properties).toHaveProperty('email');

    const crm = expectOk(await api.get('/v1/integrations/events?category=crm')).data;
    expect(crm.length).toBeGreaterThan(3);
    expect(crm.every((t: any) => t.category === 'crm')).toBe(true);
    expect(expectOk(await api.get('/v1/integrations/events?query=recording')).data.map((t: any) => t.key)).toEqual(['call.recording.ready']);
  });
});

describe('a workspace\'s own event types', () => {
  it('registers the seed\'s example body; a key outside external.* or twice is refused', async () => {
    const seed = expectOk(await api.post('/v1/integrations/events', { key: 'external.publish.completed', category: 'publishing', description: 'External publishing workflow completed.' }), 201).data;
    expect(seed).toMatchObject({ key: 'external.publish.completed', category: 'publishing', source: 'workspace', payload_schema: null });
    expect(seed.id).toMatch(/^iet_[0-9A-Z]{26}$/);
    const again = await api.post('/v1/integrations/events', { key: 'external.publish.completed', category: 'publishing' });
    expect(again.status).toBe(409);
    const ours = await api.post('/v1/integrations/events', { key: 'contact.created', category: 'crm' });
    expect(ours.status).toBe(422);
    expect(ours.body.error.details).toEqual([{ field: 'key', error: 'must_start_with_external', received: 'contact.created' }]);
    const badSchema = await api.post('/v1/integrations/events', { key: 'external.bad', category: 'x', payload_schema: { type: 'nope' } });
    expect(badSchema.status).toBe(422);
    expect(badSchema.body.error.details[0]).toMatchObject({ field: 'payload_schema', error: 'invalid_schema' });

    // No regular expressions: one would run in the gateway on every emit.
    const regex = await api.post('/v1/integrations/events', { key: 'external.regex', category: 'x', payload_schema: { type: 'object', properties: { pattern: { type: 'string', pattern: '^(a+)+$' } } } });
    expect(regex.status).toBe(422);
    expect(regex.body.error.details).toEqual([{ field: 'payload_schema', error: 'unsupported_keyword', received: 'pattern' }]);
    expectOk(await api.post('/v1/integrations/events', { key: 'external.named.pattern', category: 'x', payload_schema: { type: 'object', properties: { pattern: { type: 'string' } } } }), 201);

    const listed = expectOk(await api.get('/v1/integrations/events?category=publishing')).data;
    expect(listed.map((t: any) => t.key)).toEqual(['external.publish.completed']);
    // Another workspace has none of them, and cannot emit them.
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect(expectOk(await stranger.get('/v1/integrations/events?category=publishing')).data).toEqual([]);
    expect((await stranger.post('/v1/integrations/events/external.publish.completed/emit', { data: {} })).status).toBe(404);
  });

  it('emits a registered type: the payload is validated against its schema and delivered, signed, to subscribed endpoints', async () => {
    expectOk(await api.post('/v1/integrations/events', {
      key: 'external.order.shipped',
      category: 'shop',
      description: 'An order left the warehouse.',
      payload_schema: { type: 'object', required: ['order_id', 'items'], properties: { order_id: { type: 'string' }, items: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    }), 201);
    const hook = expectOk(await api.post('/v1/webhooks', { url: receiver.url, event_types: ['external.order.shipped'] }), 201).data;
    const all = expectOk(await api.post('/v1/webhooks', { url: `${receiver.url}/all`, event_types: ['contact.created'] }), 201).data;

    const bad = await api.post('/v1/integrations/events/external.order.shipped/emit', { data: { items: 0, color: 'red' } });
    expect(bad.status, bad.text).toBe(422);
    expect(bad.body.error.details).toEqual(expect.arrayContaining([
      { field: 'data.order_id', error: 'required' },
      { field: 'data.items', error: 'too_small', received: 0 },
      { field: 'data.color', error: 'unknown_field' },
    ]));
    expect((await api.post('/v1/integrations/events/external.never.registered/emit', { data: {} })).status).toBe(404);

    const emitted = expectOk(await api.post('/v1/integrations/events/external.order.shipped/emit', { data: { order_id: 'ord_1', items: 3 } }), 201).data;
    expect(emitted).toMatchObject({ type: 'external.order.shipped', livemode: false, data: { order_id: 'ord_1', items: 3 } });
    expect(expectOk(await api.get(`/v1/events/${emitted.id}`)).data.type).toBe('external.order.shipped');

    h.app.webhooks.start();
    const got = await waitFor('the delivery', () => receiver.received.find((r) => r.body.includes(emitted.id)));
    const verified = new Webhook(hook.secret).verify(got.body, got.signed) as any;
    expect(verified).toMatchObject({ id: emitted.id, type: 'external.order.shipped', data: { order_id: 'ord_1', items: 3 } });
    // Only the endpoint subscribed to it got it.
    const deliveries = expectOk(await api.get(`/v1/webhooks/${all.id}/deliveries`)).data;
    expect(deliveries).toEqual([]);
  });
});
