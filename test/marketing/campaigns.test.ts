import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';

let h: Harness;
let api: Api;
let numberId: string;
let numberPhone: string;

beforeAll(async () => {
  // 2 cents a segment, so the charges are easy to tell apart from the number fee.
  h = await createHarness({ env: { AGENTLINE_PRICE_SMS_SEGMENT_CENTS: '2' } });
  api = h.api(await h.key({ workspace: 'marketing' }));
  await fund(api, 2000);
  const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You help.', inbound_mode: 'off' }), 201).data;
  numberId = num.id;
  numberPhone = num.phone_number;
});
afterAll(async () => h.close());

const contact = async (a: Api, name: string, phones: string[] = []) => expectOk(await a.post('/v1/contacts', { name, phones }), 201).data;
const outboundTo = async (a: Api, to: string) => expectOk(await a.get(`/v1/sms?direction=outbound&counterpart=${encodeURIComponent(to)}&limit=100`)).data;
const recipients = async (a: Api, id: string) => expectOk(await a.get(`/v1/marketing/campaigns/${id}/recipients?limit=100`)).data;
const waitStatus = (a: Api, id: string, status: string) =>
  eventually(async () => {
    const c = expectOk(await a.get(`/v1/marketing/campaigns/${id}`)).data;
    return c.status === status ? c : null;
  }, 10_000);

describe('campaigns and posts (seed shapes)', () => {
  it('creates and lists campaigns and posts with the seed\'s bodies', async () => {
    const camp = expectOk(await api.post('/v1/marketing/campaigns', { key: 'slab5_beta_launch', name: 'Slab5 beta launch', channel: 'website' }), 201).data;
    expect(camp).toMatchObject({ id: expect.stringMatching(/^camp_/), key: 'slab5_beta_launch', name: 'Slab5 beta launch', channel: 'website', status: 'draft', stats: null });
    expect((await api.post('/v1/marketing/campaigns', { key: 'slab5_beta_launch', name: 'Again', channel: 'website' })).status).toBe(409);
    const list = expectOk(await api.get('/v1/marketing/campaigns?channel=website&query=slab5'));
    expect(list.data.map((c: any) => c.id)).toEqual([camp.id]);
    expect(list.next_cursor).toBeNull();

    const post = expectOk(await api.post('/v1/marketing/posts', { channel: 'linkedin', title: 'Beta launch', body: 'We are opening Slab5 private beta.' }), 201).data;
    expect(post).toMatchObject({ id: expect.stringMatching(/^post_/), channel: 'linkedin', status: 'draft', campaign_id: null });
    const linked = expectOk(await api.post('/v1/marketing/posts', { channel: 'x', body: 'Beta!', campaign_id: camp.id, status: 'published' }), 201).data;
    expect(linked.published_at).toEqual(expect.any(String));
    expect(expectOk(await api.get(`/v1/marketing/posts?campaign_id=${camp.id}`)).data.map((p: any) => p.id)).toEqual([linked.id]);
    expect(expectOk(await api.get('/v1/marketing/posts?channel=linkedin&status=draft')).data.map((p: any) => p.id)).toEqual([post.id]);
    expect((await api.post('/v1/marketing/posts', { channel: 'x', body: 'b', campaign_id: 'camp_nope' })).status).toBe(404);
    expect((await api.patch(`/v1/marketing/posts/${post.id}`, { status: 'scheduled' })).status).toBe(422);
    expect(expectOk(await api.patch(`/v1/marketing/posts/${post.id}`, { status: 'scheduled', scheduled_at: '2026-12-24T09:00:00.000Z' })).data.status).toBe('scheduled');
    expect(expectOk(await api.delete(`/v1/marketing/posts/${post.id}`)).data).toEqual({ id: post.id, deleted: true });

    // A website campaign has no SMS settings and is not sent by the gateway.
    expect((await api.patch(`/v1/marketing/campaigns/${camp.id}`, { body_template: 'Hi' })).status).toBe(422);
    const send = await api.post(`/v1/marketing/campaigns/${camp.id}/send`);
    expect(send.status).toBe(422);
    expect(send.body.error.details[0]).toMatchObject({ field: 'channel', error: 'not_sendable' });
    expect(expectOk(await api.patch(`/v1/marketing/campaigns/${camp.id}`, { status: 'active' })).data.status).toBe('active');
  });

  it('checks SMS settings when they are written', async () => {
    const bad = await api.post('/v1/marketing/campaigns', { key: 'bad_vars', name: 'x', channel: 'sms', body_template: 'Hi {{nickname}} {{first_name|there}}' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'body_template', error: 'unknown_variable', received: '{{nickname}}' }]);
    const noContact = await api.post('/v1/marketing/campaigns', { key: 'bad_aud', name: 'x', channel: 'sms', audience: { contact_ids: ['con_00000000000000000000000000'] } });
    expect(noContact.status).toBe(404);
    expect(noContact.body.error.details[0]).toMatchObject({ field: 'audience.contact_ids.0' });
    expect((await api.post('/v1/marketing/campaigns', { key: 'bad_aud2', name: 'x', channel: 'sms', audience: {} })).status).toBe(422);
    expect((await api.post('/v1/marketing/campaigns', { key: 'bad_num', name: 'x', channel: 'sms', from_number_id: 'num_nope' })).status).toBe(404);
    const unfinished = expectOk(await api.post('/v1/marketing/campaigns', { key: 'unfinished', name: 'x', channel: 'sms' }), 201).data;
    const send = await api.post(`/v1/marketing/campaigns/${unfinished.id}/send`);
    expect(send.status).toBe(422);
    expect(send.body.error.details.map((d: any) => d.field)).toEqual(['body_template', 'from_number_id', 'audience']);
  });
});

describe('an SMS campaign', () => {
  it('texts the audience in the background, skips opted-out contacts and those without a phone, reports delivery', async () => {
    const ada = await contact(api, 'Ada Lovelace', ['+14155550101']);
    const bob = await contact(api, 'Bob Stop', ['+14155550102']);
    const cyd = await contact(api, 'Cyd NoPhone');
    const dee = await contact(api, 'Dee Twin', ['+14155550101']); // the same phone as Ada
    // Bob replied STOP to our number earlier: the SMS code's opt-out list.
    expectOk(await api.post('/v1/sms/test-inbound', { to: numberId, from: '+14155550102', body: 'STOP' }), 201);
    const balance = expectOk(await api.get('/v1/credits/balance')).data.balance_cents;

    const camp = expectOk(
      await api.post('/v1/marketing/campaigns', {
        key: 'beta_sms', name: 'Beta SMS', channel: 'sms', body_template: 'Hi {{first_name|there}}, Slab5 beta is open. Reply STOP to opt out.',
        from_number_id: numberId, audience: { contact_ids: [ada.id, bob.id, cyd.id, dee.id] }, messages_per_minute: 600,
      }),
      201,
    ).data;
    const sent = await api.post(`/v1/marketing/campaigns/${camp.id}/send`);
    expect(sent.status, sent.text).toBe(202);
    expect(sent.body.data).toMatchObject({ status: 'sending', stats: { recipients: 4, pending: 1, skipped: 3 } });

    const done = await waitStatus(api, camp.id, 'completed');
    await eventually(async () => (await recipients(api, camp.id)).every((r: any) => r.status !== 'sent' && r.status !== 'pending'));
    const rs = await recipients(api, camp.id);
    const byContact = Object.fromEntries(rs.map((r: any) => [r.contact_id, r]));
    expect(byContact[ada.id]).toMatchObject({ status: 'delivered', to: '+14155550101', body: 'Hi Ada, Slab5 beta is open. Reply STOP to opt out.', segments: 1, cost_cents: 2, sms_id: expect.stringMatching(/^sms_/) });
    expect(byContact[bob.id]).toMatchObject({ status: 'skipped', skip_reason: 'opted_out', sms_id: null, cost_cents: 0 });
    expect(byContact[cyd.id]).toMatchObject({ status: 'skipped', skip_reason: 'no_phone' });
    expect(byContact[dee.id]).toMatchObject({ status: 'skipped', skip_reason: 'duplicate_phone' });
    expect(expectOk(await api.get(`/v1/marketing/campaigns/${camp.id}`)).data.stats).toMatchObject({ recipients: 4, delivered: 1, skipped: 3, pending: 0, cost_cents: 2 });
    expect(done.completed_at).toEqual(expect.any(String));

    // One SMS went out, through the SMS code: metered per segment, on the ledger, linked to Ada.
    expect(await outboundTo(api, '+14155550102')).toHaveLength(1); // only the STOP confirmation
    const toAda = await outboundTo(api, '+14155550101');
    expect(toAda).toHaveLength(1);
    expect(toAda[0]).toMatchObject({ contact_id: ada.id, cost_cents: 2, metadata: { campaign_id: camp.id } });
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(balance - 2);
    expect(expectOk(await api.get(`/v1/credits/ledger?related_id=${toAda[0].id}`)).data).toMatchObject([{ kind: 'sms', amount_cents: -2 }]);

    // Sending again texts nobody twice.
    const again = await api.post(`/v1/marketing/campaigns/${camp.id}/send`);
    expect(again.status, again.text).toBe(202);
    expect(again.body.data.status).toBe('completed');
    // A contact added to the audience is the only one texted by the next send.
    const eve = await contact(api, 'Eve Later', ['+14155550105']);
    expectOk(await api.patch(`/v1/marketing/campaigns/${camp.id}`, { audience: { contact_ids: [ada.id, bob.id, cyd.id, dee.id, eve.id] } }));
    expectOk(await api.post(`/v1/marketing/campaigns/${camp.id}/send`, undefined, { 'idempotency-key': 'resend-1' }), 202);
    await waitStatus(api, camp.id, 'completed');
    const replay = await api.post(`/v1/marketing/campaigns/${camp.id}/send`, undefined, { 'idempotency-key': 'resend-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await new Promise((r) => setTimeout(r, 200));
    expect(await outboundTo(api, '+14155550101')).toHaveLength(1);
    expect(await outboundTo(api, '+14155550105')).toHaveLength(1);
    expect(expectOk(await api.get(`/v1/marketing/campaigns/${camp.id}/recipients?status=skipped`)).data).toHaveLength(3);

    // Ada's reply is threaded: marked on her recipient row and in her timeline next to the campaign text.
    const reply = expectOk(await api.post('/v1/sms/test-inbound', { to: numberId, from: '+14155550101', body: 'Count me in!' }), 201).data;
    const adaRow = (await recipients(api, camp.id)).find((r: any) => r.contact_id === ada.id);
    expect(adaRow).toMatchObject({ reply_sms_id: reply.id, replied_at: expect.any(String) });
    expect(expectOk(await api.get(`/v1/marketing/campaigns/${camp.id}`)).data.stats.replied).toBe(1);
    const timeline = expectOk(await api.get(`/v1/contacts/${ada.id}/timeline?type=sms`)).data;
    expect(timeline.map((e: any) => e.id)).toEqual([reply.id, toAda[0].id]);
    expect(numberPhone).toMatch(/^\+/);
  });

  it('paces the send; a pause stops it, and a resumed send uses the edited text for those not texted yet', async () => {
    const k = h.api(await h.key({ workspace: 'paced' }));
    await fund(k, 1000);
    const num = expectOk(await k.post('/v1/numbers', { system_prompt: 'x', inbound_mode: 'off' }), 201).data;
    const first = await contact(k, 'First One', ['+14155550601']);
    const second = await contact(k, 'Second Two', ['+14155550602']);
    const camp = expectOk(await k.post('/v1/marketing/campaigns', { key: 'paced', name: 'Paced', channel: 'sms', body_template: 'Old {{first_name}}', from_number_id: num.id, audience: { contact_ids: [first.id, second.id] }, messages_per_minute: 1 }), 201).data;
    expectOk(await k.post(`/v1/marketing/campaigns/${camp.id}/send`), 202);
    await eventually(async () => (await outboundTo(k, '+14155550601')).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await outboundTo(k, '+14155550602')).toEqual([]); // its slot is a minute later
    expect((await k.patch(`/v1/marketing/campaigns/${camp.id}`, { body_template: 'New {{first_name}}' })).status).toBe(409);
    expect(expectOk(await k.patch(`/v1/marketing/campaigns/${camp.id}`, { status: 'paused' })).data).toMatchObject({ status: 'paused', paused_reason: 'requested', stats: { pending: 1 } });
    expectOk(await k.patch(`/v1/marketing/campaigns/${camp.id}`, { body_template: 'New {{first_name}}' }));
    expectOk(await k.post(`/v1/marketing/campaigns/${camp.id}/send`), 202);
    await waitStatus(k, camp.id, 'completed');
    expect((await outboundTo(k, '+14155550602')).map((m: any) => m.body)).toEqual(['New Second']);
    expect((await outboundTo(k, '+14155550601')).map((m: any) => m.body)).toEqual(['Old First']);
  });

  it('selects its audience by a contact filter', async () => {
    const k = h.api(await h.key({ workspace: 'filtered' }));
    await fund(k, 1000);
    const num = expectOk(await k.post('/v1/numbers', { system_prompt: 'x', inbound_mode: 'off' }), 201).data;
    const vip = expectOk(await k.post('/v1/contacts', { name: 'Vic Vip', phones: ['+14155550201'], custom_fields: { tier: 'vip' } }), 201).data;
    await contact(k, 'Norm Al', ['+14155550202']);
    const camp = expectOk(await k.post('/v1/marketing/campaigns', { key: 'vip', name: 'VIP', channel: 'sms', body_template: '{{name}}: early access', from_number_id: num.id, audience: { filter: { custom_field_key: 'tier', custom_field_value: 'vip' } }, messages_per_minute: 600 }), 201).data;
    expectOk(await k.post(`/v1/marketing/campaigns/${camp.id}/send`), 202);
    await waitStatus(k, camp.id, 'completed');
    expect((await recipients(k, camp.id)).map((r: any) => [r.contact_id, r.body])).toEqual([[vip.id, 'Vic Vip: early access']]);
    expect(await outboundTo(k, '+14155550202')).toEqual([]);
  });

  it('402 before anything is sent when the balance cannot cover the whole send; a content-only key cannot send', async () => {
    const poor = await createHarness({ env: { AGENTLINE_PRICE_SMS_SEGMENT_CENTS: '400' } });
    try {
      const k = poor.api(await poor.key({ workspace: 'poor' }));
      await fund(k, 2000);
      const num = expectOk(await k.post('/v1/numbers', { system_prompt: 'x', inbound_mode: 'off' }), 201).data;
      const balance = expectOk(await k.get('/v1/credits/balance')).data.balance_cents;
      const ids = [];
      for (let i = 0; i < Math.floor(balance / 400) + 1; i++) ids.push((await contact(k, `P${i}`, [`+1415555030${i}`])).id);
      const camp = expectOk(await k.post('/v1/marketing/campaigns', { key: 'pricey', name: 'Pricey', channel: 'sms', body_template: 'Hello', from_number_id: num.id, audience: { contact_ids: ids }, messages_per_minute: 600 }), 201).data;
      const res = await k.post(`/v1/marketing/campaigns/${camp.id}/send`);
      expect(res.status, res.text).toBe(402);
      expect(res.body.error).toMatchObject({ code: 'insufficient_credits', details: [{ required_cents: ids.length * 400, balance_cents: balance, recipients: ids.length }] });
      await new Promise((r) => setTimeout(r, 100));
      expect(await recipients(k, camp.id)).toEqual([]);
      expect(expectOk(await k.get(`/v1/marketing/campaigns/${camp.id}`)).data).toMatchObject({ status: 'draft', stats: { recipients: 0 } });
      expect(expectOk(await k.get('/v1/sms')).data).toEqual([]);
      expect(expectOk(await k.get('/v1/credits/balance')).data.balance_cents).toBe(balance);

      const cmsOnly = poor.api(await poor.key({ workspace: 'poor', scopes: ['cms:write'] }));
      const forbidden = await cmsOnly.post(`/v1/marketing/campaigns/${camp.id}/send`);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.details[0]).toMatchObject({ required: 'sms:write' });

      // After buying credits the same send goes through.
      await fund(k, 1000);
      expectOk(await k.post(`/v1/marketing/campaigns/${camp.id}/send`), 202);
      await waitStatus(k, camp.id, 'completed');
      expect(expectOk(await k.get('/v1/sms?limit=100')).data).toHaveLength(ids.length);
    } finally {
      await poor.close();
    }
  });
});
