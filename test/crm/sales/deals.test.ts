import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../../helpers/harness.js';

let h: Harness;
let api: Api;

beforeAll(async () => {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'sales-deals' }));
});
afterAll(async () => h.close());

describe('deal stages', () => {
  it('creates, orders by position then key, pages with a cursor, searches', async () => {
    const fresh = h.api(await h.key({ workspace: 'sales-stages-order' }));
    for (const [key, position] of [['zeta', 20], ['alpha', 20], ['intro', 5], ['closing', 90], ['demo', 30]] as const) {
      expectOk(await fresh.post('/v1/deal-stages', { key, position }), 201);
    }
    const auto = expectOk(await fresh.post('/v1/deal-stages', { key: 'after_care', probability: 100 }), 201).data;
    expect(auto).toMatchObject({ key: 'after_care', name: 'After care', position: 100, probability: 100, archived_at: null });

    const order = ['intro', 'alpha', 'zeta', 'demo', 'closing', 'after_care'];
    expect(expectOk(await fresh.get('/v1/deal-stages')).data.map((s: any) => s.key)).toEqual(order);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectOk(await fresh.get(`/v1/deal-stages?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.data.map((s: any) => s.key));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(order);
    expect((await fresh.get('/v1/deal-stages?cursor=bogus')).status).toBe(400);
    expect(expectOk(await fresh.get('/v1/deal-stages?query=clos')).data.map((s: any) => s.key)).toEqual(['closing']);
  });

  it('validates keys and probability; a duplicate key is a 409', async () => {
    expectOk(await api.post('/v1/deal-stages', { key: 'discovery', name: 'Discovery', position: 10 }), 201);
    const dup = await api.post('/v1/deal-stages', { key: 'discovery' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'key', error: 'already_exists' }] });
    for (const body of [{ key: 'Has Caps' }, { key: 'x'.repeat(41) }, { key: 'ok', probability: 101 }, { key: 'ok', position: 1.5 }, { name: 'no key' }]) {
      expect((await api.post('/v1/deal-stages', body)).status, JSON.stringify(body)).toBe(422);
    }
  });

  it('updates name/position/probability; archiving is refused while deals sit in the stage', async () => {
    const stage = expectOk(await api.post('/v1/deal-stages', { key: 'negotiation', position: 40 }), 201).data;
    const patched = expectOk(await api.patch(`/v1/deal-stages/${stage.id}`, { name: 'Negotiating', position: 45, probability: 70 })).data;
    expect(patched).toMatchObject({ key: 'negotiation', name: 'Negotiating', position: 45, probability: 70 });
    expect((await api.patch(`/v1/deal-stages/${stage.id}`, { key: 'renamed' })).status).toBe(422);

    const deal = expectOk(await api.post('/v1/deals', { name: 'In negotiation', stage: 'negotiation' }), 201).data;
    const refused = await api.delete(`/v1/deal-stages/${stage.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({ error: 'stage_in_use', deal_count: 1 });

    expectOk(await api.delete(`/v1/deals/${deal.id}`));
    const archived = expectOk(await api.delete(`/v1/deal-stages/${stage.id}`)).data;
    expect(archived.archived_at).not.toBeNull();
    expect(expectOk(await api.delete(`/v1/deal-stages/${stage.id}`)).data).toEqual(archived); // twice is harmless
    expect(expectOk(await api.get('/v1/deal-stages')).data.map((s: any) => s.key)).not.toContain('negotiation');
    expect(expectOk(await api.get('/v1/deal-stages?include_archived=true')).data.map((s: any) => s.key)).toContain('negotiation');

    // An archived stage takes no deals; creating its key again restores it.
    expect((await api.post('/v1/deals', { name: 'Nope', stage: 'negotiation' })).status).toBe(422);
    const restored = expectOk(await api.post('/v1/deal-stages', { key: 'negotiation', position: 41 }), 201).data;
    expect(restored).toMatchObject({ id: stage.id, archived_at: null, position: 41 });
  });
});

describe('deals', () => {
  it('an unknown stage is a 422 on create and update; missing company/contact are 404 naming the field', async () => {
    const res = await api.post('/v1/deals', { name: 'Ghost', stage: 'does_not_exist' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation_error', details: [{ field: 'stage', error: 'unknown_stage', received: 'does_not_exist' }] });

    const missing = await api.post('/v1/deals', { name: 'Orphan', stage: 'discovery', company_id: 'com_00000000000000000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details).toEqual([{ field: 'company_id', error: 'not_found', received: 'com_00000000000000000000000000' }]);
    const missingContact = await api.post('/v1/deals', { name: 'Orphan', contact_id: 'con_00000000000000000000000000' });
    expect(missingContact.body.error.details[0].field).toBe('contact_id');

    const deal = expectOk(await api.post('/v1/deals', { name: 'Real', stage: 'discovery' }), 201).data;
    const bad = await api.patch(`/v1/deals/${deal.id}`, { stage: 'nowhere' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'stage', error: 'unknown_stage' });
    for (const body of [{ currency: 'usd' }, { amount_cents: -1 }, { amount_cents: 1.5 }, { expected_close_date: 'soon' }]) {
      expect((await api.patch(`/v1/deals/${deal.id}`, body)).status, JSON.stringify(body)).toBe(422);
    }
  });

  it('emits deal.stage_changed with previous_stage only when the stage changes', async () => {
    expectOk(await api.post('/v1/deal-stages', { key: 'won_big', position: 100 }), 201);
    const deal = expectOk(await api.post('/v1/deals', { name: 'Mover', stage: 'discovery', amount_cents: 1000, custom_fields: { owner: 'kim' } }), 201).data;
    expect(deal).toMatchObject({ currency: 'USD', custom_fields: { owner: 'kim' }, archived_at: null });
    expectOk(await api.patch(`/v1/deals/${deal.id}`, { amount_cents: 2000, custom_fields: { owner: null, team: 'b2b' } }));
    const moved = expectOk(await api.patch(`/v1/deals/${deal.id}`, { stage: 'won_big' })).data;
    expect(moved).toMatchObject({ stage: 'won_big', amount_cents: 2000, custom_fields: { team: 'b2b' } });
    expectOk(await api.patch(`/v1/deals/${deal.id}`, { stage: 'won_big' })); // same stage: no event
    const events = expectOk(await api.get('/v1/events?type=deal.stage_changed&limit=100')).data.filter((e: any) => e.data.id === deal.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ id: deal.id, stage: 'won_big', previous_stage: 'discovery', amount_cents: 2000 });
  });

  it('filters by stage, company, contact and custom field; archive hides from lists; pages', async () => {
    const ws = h.api(await h.key({ workspace: 'sales-deals-filters' }));
    const lead = expectOk(await ws.post('/v1/leads', { name: 'Filter Lead', company_name: 'Filter Co' }), 201).data;
    const conv = expectOk(await ws.post(`/v1/leads/${lead.id}/convert`, { create_deal: true })).data;
    for (let i = 0; i < 30; i++) {
      expectOk(await ws.post('/v1/deals', {
        name: `Deal ${i}`,
        stage: i % 3 === 0 ? 'proposal' : 'qualified',
        company_id: i % 2 === 0 ? conv.company_id : null,
        contact_id: i % 5 === 0 ? conv.contact_id : undefined,
        custom_fields: { region: i % 4 === 0 ? 'emea' : 'amer' },
      }), 201);
    }
    const get = async (q: string) => expectOk(await ws.get(`/v1/deals?limit=100&${q}`)).data;
    expect((await get('stage=proposal')).length).toBe(10);
    expect((await get(`company_id=${conv.company_id}`)).length).toBe(16); // 15 + the converted deal
    expect((await get(`contact_id=${conv.contact_id}`)).length).toBe(7); // 6 + the converted deal
    expect((await get('custom_field_key=region&custom_field_value=emea&stage=qualified')).map((d: any) => d.name).sort()).toEqual(['Deal 16', 'Deal 20', 'Deal 28', 'Deal 4', 'Deal 8']);

    const page1 = expectOk(await ws.get('/v1/deals?limit=20'));
    const page2 = expectOk(await ws.get(`/v1/deals?limit=20&cursor=${page1.next_cursor}`));
    expect(page1.data.length + page2.data.length).toBe(31);
    expect(page2.next_cursor).toBeNull();

    const victim = page1.data[0];
    const archived = expectOk(await ws.delete(`/v1/deals/${victim.id}`)).data;
    expect(archived.archived_at).not.toBeNull();
    expect((await get('')).map((d: any) => d.id)).not.toContain(victim.id);
    expect((await get('include_archived=true')).map((d: any) => d.id)).toContain(victim.id);
    expect((await ws.patch(`/v1/deals/${victim.id}`, { name: 'Back?' })).status).toBe(409);
  });

  it('a deal without stage goes into the first stage; a workspace without stages gets the defaults', async () => {
    const ws = h.api(await h.key({ workspace: 'sales-deals-defaults' }));
    const deal = expectOk(await ws.post('/v1/deals', { name: 'First' }), 201).data;
    expect(deal.stage).toBe('lead');
    expect(expectOk(await ws.get('/v1/deal-stages')).data).toHaveLength(5);
  });
});
