import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// A customer's phone is a CRM contact's phone: a test-mode call and an SMS from it land on the
// customer's record (and on the contact's timeline), matched by the CRM like any caller.

let h: Harness;
let agent: FakeServer;
afterEach(async () => {
  await h?.close();
  await agent?.close();
});

const CUSTOMER_PHONE = '+16289231111';

describe('calls and SMS on the customer', () => {
  it('a call and a text from the customer\'s phone show on its record and its contact\'s timeline', async () => {
    agent = await startFakeSseAgent();
    agent.script(sseReply('Hello Jane!'));
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key({ workspace: 'acme' });
    const api = h.api(key);
    await fund(api, 2000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, first_message: 'Acme, how can I help?' }), 201).data;
    const customer = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com', display_name: 'Jane Doe' }], company: 'Acme Corp', phone: '(628) 923-1111' }), 201).data;
    const jane = customer.contacts[0].guid;
    expect(customer.phone_e164).toBe(CUSTOMER_PHONE);

    const phone = await SoftphoneClient.connect(base, key);
    const connected = new Promise<{ call_id: string; from: string }>((r) => phone.once('connected', r));
    const greeting = new Promise<string>((r) => phone.once('turnEnd', r));
    phone.dial(num.phone_number, CUSTOMER_PHONE);
    const { call_id, from } = await connected;
    expect(from).toBe(CUSTOMER_PHONE);
    expect(await greeting).toBe('Acme, how can I help?');
    phone.hangup();
    await eventually(async () => expectOk(await api.get(`/v1/calls/${call_id}`)).data.status === 'completed');

    const sms = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: CUSTOMER_PHONE, body: 'Can you call me back?' }), 201).data;
    const reply = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data[0]);
    // A stranger's text does not show.
    const stranger = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16289239999', body: 'Who is this?' }), 201).data;

    const record = expectOk(await api.get(`/v1/identity/customers/${customer.id}`)).data;
    expect(record.recent_calls).toEqual([
      expect.objectContaining({ id: call_id, direction: 'inbound', from: CUSTOMER_PHONE, to: num.phone_number, status: 'completed', contact_id: jane }),
    ]);
    expect(record.recent_sms.map((m: { id: string }) => m.id)).toEqual([reply.id, sms.id]);
    expect(record.recent_sms[1]).toMatchObject({ direction: 'inbound', from: CUSTOMER_PHONE, body: 'Can you call me back?', contact_id: jane });
    expect(JSON.stringify(record)).not.toContain(stranger.id);

    // The same through the contact guid, and on the CRM contact's timeline.
    const byContact = expectOk(await api.get(`/v1/identity/customers/by-contact/${jane}`)).data;
    expect(byContact.recent_calls.map((c: { id: string }) => c.id)).toEqual([call_id]);
    const timeline = expectOk(await api.get(record.contacts[0].timeline_url)).data;
    expect(timeline.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([call_id, sms.id]));

    // The customer's own timeline: everything, newest first, paged, filterable by type.
    expect(record.timeline_url).toBe(`/v1/identity/customers/${customer.id}/timeline`);
    const all = expectOk(await api.get(record.timeline_url)).data;
    expect(all.map((e: { type: string; id: string }) => [e.type, e.id])).toEqual([['sms', reply.id], ['sms', sms.id], ['call', call_id]]);
    expect(all[2]).toMatchObject({ summary: expect.stringContaining(`Inbound call from ${CUSTOMER_PHONE}`), resource: { status: 'completed', number_id: num.id } });
    const first = expectOk(await api.get(`${record.timeline_url}?limit=2`));
    expect(first.next_cursor).toEqual(expect.any(String));
    const rest = expectOk(await api.get(`${record.timeline_url}?limit=2&cursor=${first.next_cursor}`));
    expect(rest).toMatchObject({ data: [{ id: call_id }], next_cursor: null });
    expect(expectOk(await api.get(`${record.timeline_url}?type=call`)).data.map((e: { id: string }) => e.id)).toEqual([call_id]);
    expect((await api.get(`${record.timeline_url}?type=ticket`)).body.error.code).toBe('bad_request'); // query errors are 400s
  });

  it('texts from the phone before it was the customer\'s still show (matched by number)', async () => {
    agent = await startFakeSseAgent();
    agent.script(sseReply('Thanks!'));
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'acme' }));
    await fund(api, 2000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const early = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: CUSTOMER_PHONE, body: 'Hi, first time here' }), 201).data;
    expect(early.contact_id).toBeNull();
    const customer = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'jane@acme.com' }], phone: CUSTOMER_PHONE }), 201).data;
    const record = expectOk(await api.get(`/v1/identity/customers/${customer.id}`)).data;
    expect(record.recent_sms.map((m: { id: string }) => m.id)).toContain(early.id);
  });
});
