import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { sseReply } from '../helpers/voice.js';

// Phone numbers through the API: read in the workspace's default region, stored in E.164 with
// the extension kept apart, refused with 422 invalid_phone and a reason.

let h: Harness;
let agent: FakeServer | undefined;
afterEach(async () => {
  await h?.close();
  await agent?.close();
  agent = undefined;
});

async function webhookNumber(api: ReturnType<Harness['api']>) {
  agent = await startFakeSseAgent();
  agent.script(sseReply('Thanks!'));
  return expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
}

describe('workspace default region', () => {
  it('is US unless set; PATCH sets it (crm:write), 422 on an unknown region', async () => {
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'acme' }));
    expect(expectOk(await api.get('/v1/workspace')).data).toMatchObject({ default_region: 'US' });
    expect(expectOk(await api.patch('/v1/workspace', { default_region: 'gb' })).data).toMatchObject({ default_region: 'GB' });
    expect(expectOk(await api.get('/v1/workspace')).data).toMatchObject({ default_region: 'GB' });
    const bad = await api.patch('/v1/workspace', { default_region: 'ZZ' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'default_region', error: 'unknown_region', received: 'ZZ' });
    expect((await api.patch('/v1/workspace', { default_region: 'GBR' })).status).toBe(422);
    expect((await api.patch('/v1/workspace', { region: 'GB' })).status).toBe(422);
    expect(expectOk(await api.get('/v1/workspace')).data).toMatchObject({ default_region: 'GB' });
    // Shared by both modes of the workspace; a read-only key cannot change it.
    const live = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
    expect(expectOk(await live.get('/v1/workspace')).data).toMatchObject({ default_region: 'GB' });
    const reader = h.api(await h.key({ workspace: 'acme', readOnly: true }));
    expect((await reader.patch('/v1/workspace', { default_region: 'US' })).status).toBe(403);
  });
});

describe('CRM phones', () => {
  it('a GB workspace stores +44 (0)20 7946 0958 as +442079460958 and finds it by 020 7946 0958', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    expectOk(await api.patch('/v1/workspace', { default_region: 'GB' }));
    const c = expectOk(await api.post('/v1/contacts', { name: 'John Roe', phones: ['+44 (0)20 7946 0958', '07911 123456', '+1 (415) 555-2671'] }), 201).data;
    expect(c.phones).toEqual(['+442079460958', '+447911123456', '+14155552671']);
    for (const phone of ['020 7946 0958', '+44 20 7946 0958', '0044 20 7946 0958', '+442079460958']) {
      expect(expectOk(await api.get(`/v1/contacts?phone=${encodeURIComponent(phone)}`)).data.map((x: any) => x.id), phone).toEqual([c.id]);
    }
    // In a GB workspace a bare 10-digit US number is not a US number.
    expect((await api.post('/v1/contacts', { name: 'X', phones: ['(415) 555-2671'] })).status).toBe(422);
    const lead = expectOk(await api.post('/v1/leads', { name: 'Lead', phone: '020 7946 0958' }), 201).data;
    expect(lead.phone).toBe('+442079460958');
    expect(expectOk(await api.get(`/v1/leads?phone=${encodeURIComponent('020 7946 0958')}`)).data.map((x: any) => x.id)).toEqual([lead.id]);
  });

  it('+1 555 555 5555 is a 422 invalid_phone that says why, and nothing is written', async () => {
    h = await createHarness();
    for (const mode of ['test', 'live'] as const) {
      const api = h.api(await h.key({ mode }));
      const res = await api.post('/v1/contacts', { name: 'Bad', phones: ['+1 415 555 2671', '+1 555 555 5555'] });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.code).toBe('invalid_phone');
      expect(res.body.error.message).toBe('phones[1]: "+1 555 555 5555" is not a valid North American (+1) number: 555 is not an area code in use, or 555 555 is not a range in use.');
      expect(res.body.error.details).toEqual([{ field: 'phones[1]', error: 'invalid_phone', reason: 'invalid_for_region', received: '+1 555 555 5555' }]);
      expect(expectOk(await api.get('/v1/contacts')).data).toEqual([]);
      const lead = await api.post('/v1/leads', { name: 'Bad', phone: '+1 123 456 7890' });
      expect(lead.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'phone', reason: 'invalid_for_region' }] });
      expect(lead.body.error.message).toContain('area codes never start with 1');
      const tooLong = await api.post('/v1/leads', { name: 'Bad', phone: '1 415 555 26711' });
      expect(tooLong.body.error).toMatchObject({ code: 'invalid_phone', details: [{ reason: 'too_long' }] });
      expect(expectOk(await api.get('/v1/leads')).data).toEqual([]);
      const lookup = await api.get('/v1/contacts?phone=abc');
      expect(lookup.status).toBe(422);
      expect(lookup.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'phone', reason: 'not_a_number' }] });
    }
  });

  it('keeps an extension in its own field; phones stay E.164 strings', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const c = expectOk(await api.post('/v1/contacts', { name: 'Jane', phones: ['(415) 555-2671 ext. 12', '+44 20 7946 0958'] }), 201).data;
    expect(c.phones).toEqual(['+14155552671', '+442079460958']);
    expect(c.phone_details).toEqual([
      { number: '+14155552671', extension: '12' },
      { number: '+442079460958', extension: null },
    ]);
    expect(expectOk(await api.get(`/v1/contacts/${c.id}`)).data.phone_details[0]).toEqual({ number: '+14155552671', extension: '12' });
    // The number with or without its extension finds the contact.
    expect(expectOk(await api.get(`/v1/contacts?phone=${encodeURIComponent('415-555-2671 x12')}`)).data.map((x: any) => x.id)).toEqual([c.id]);
    expect(expectOk(await api.get('/v1/contacts?phone=4155552671')).data.map((x: any) => x.id)).toEqual([c.id]);
    const patched = expectOk(await api.patch(`/v1/contacts/${c.id}`, { phones: ['+14155552671;ext=99'] })).data;
    expect(patched.phone_details).toEqual([{ number: '+14155552671', extension: '99' }]);

    const lead = expectOk(await api.post('/v1/leads', { name: 'Ada', phone: '415-555-2671 x7' }), 201).data;
    expect(lead).toMatchObject({ phone: '+14155552671', phone_extension: '7' });
    expect(expectOk(await api.patch(`/v1/leads/${lead.id}`, { phone: '+1 212 555 0199' })).data).toMatchObject({ phone: '+12125550199', phone_extension: null });
    expectOk(await api.patch(`/v1/leads/${lead.id}`, { phone: '+1 212 555 0199 ext 4' }));
    const converted = expectOk(await api.post(`/v1/leads/${lead.id}/convert`, {})).data;
    const contact = expectOk(await api.get(`/v1/contacts/${converted.contact_id}`)).data;
    expect(contact.phone_details).toEqual([{ number: '+12125550199', extension: '4' }]);
  });
});

describe('SMS and call targets', () => {
  it('SMS to (415) 555-2671 is sent and stored in E.164; an invalid number is a 422 that charges nothing', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = await webhookNumber(api);
    const sms = expectOk(await api.post('/v1/sms', { from: num.id, to: '(415) 555-2671', body: 'Hello' }), 201).data;
    expect(sms).toMatchObject({ to: '+14155552671', from: num.phone_number });
    expect(expectOk(await api.get(`/v1/sms/${sms.id}`)).data.to).toBe('+14155552671');
    expect(expectOk(await api.get(`/v1/sms?counterpart=${encodeURIComponent('(415) 555-2671')}`)).data.map((s: any) => s.id)).toEqual([sms.id]);
    const balance = expectOk(await api.get('/v1/credits/balance')).data;

    const bad = await api.post('/v1/sms', { from: num.id, to: '+1 555 555 5555', body: 'Hello' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'to', reason: 'invalid_for_region', received: '+1 555 555 5555' }] });
    const ext = await api.post('/v1/sms', { from: num.id, to: '415 555 2671 ext. 3', body: 'Hello' });
    expect(ext.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'to', reason: 'has_extension' }] });
    expect(expectOk(await api.get('/v1/sms')).data).toHaveLength(1);
    expect(expectOk(await api.get('/v1/credits/balance')).data).toEqual(balance);

    const inbound = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+1 (212) 555-0199', body: 'Hi there' }), 201).data;
    expect(inbound).toMatchObject({ direction: 'inbound', from: '+12125550199' });
    expect((await api.post('/v1/sms/test-inbound', { to: num.id, from: 'nobody', body: 'Hi' })).body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'from' }] });
  });

  it('a call to 011 44 20 7946 0958 is placed to +442079460958; the fiction range works in test mode only', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = await webhookNumber(api);
    const call = expectOk(await api.post('/v1/calls', { from: num.id, to: '011 44 20 7946 0958' }), 201).data;
    expect(call.to).toBe('+442079460958');
    expect(expectOk(await api.get(`/v1/calls?to=${encodeURIComponent('+44 (0)20 7946 0958')}`)).data.map((c: any) => c.id)).toEqual([call.id]);
    const fiction = expectOk(await api.post('/v1/calls', { from: num.id, to: '+1 555 555 0100' }), 201).data;
    expect(fiction.to).toBe('+15555550100');
    const bad = await api.post('/v1/calls', { from: num.id, to: '+1 555 555 5555' });
    expect(bad.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'to', reason: 'invalid_for_region' }] });
    const live = h.api(await h.key({ mode: 'live' }));
    const liveSms = await live.post('/v1/sms', { from: num.id, to: '+1 555 555 0100', body: 'x' });
    expect(liveSms.body.error).toMatchObject({ code: 'invalid_phone', details: [{ field: 'to', reason: 'invalid_for_region' }] });
  });
});
