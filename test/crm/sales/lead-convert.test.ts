import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimForConversion } from '../../../src/crm/sales/leads/lead-repository.js';
import { type Api, createHarness, expectOk, type Harness } from '../../helpers/harness.js';

let h: Harness;
let api: Api;
let workspaceId: string;

beforeAll(async () => {
  h = await createHarness();
  const k = await h.keyWithId({ workspace: 'sales-convert' });
  workspaceId = k.workspaceId;
  api = h.api(k.key);
});
afterAll(async () => h.close());

const count = async (table: 'contacts' | 'companies' | 'deals' | 'contact_phones' | 'deal_stages', where: Record<string, string> = {}) => {
  let q = h.opened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId);
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const newLead = async (body: Record<string, unknown>) => expectOk(await api.post('/v1/leads', body), 201).data;

describe('POST /v1/leads/{id}/convert', () => {
  it('creates contact (with its phone), company and deal in one go and marks the lead converted', async () => {
    const lead = await newLead({ name: 'Priya Shah', email: 'priya@northstar.example', phone: '415 555 0142', company_name: 'Northstar Studio', notes: 'Met at a meetup', custom_fields: { origin: 'meetup' } });
    const converted = expectOk(await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true, deal_name: 'Website redesign', amount_cents: 120000 })).data;
    expect(converted).toMatchObject({
      id: lead.id,
      status: 'converted',
      contact_id: expect.stringMatching(/^con_[0-9A-Z]{26}$/),
      company_id: expect.stringMatching(/^com_[0-9A-Z]{26}$/),
      deal_id: expect.stringMatching(/^deal_[0-9A-Z]{26}$/),
      converted_at: expect.any(String),
    });

    const contact = await h.opened.db.selectFrom('contacts').selectAll().where('id', '=', converted.contact_id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ workspace_id: workspaceId, mode: 'test', name: 'Priya Shah', email: 'priya@northstar.example', company_id: converted.company_id, company_name: 'Northstar Studio', notes: 'Met at a meetup' });
    expect(JSON.parse(contact.phones)).toEqual(['+14155550142']);
    expect(JSON.parse(contact.custom_fields)).toEqual({ origin: 'meetup' });
    const phones = await h.opened.db.selectFrom('contact_phones').selectAll().where('contact_id', '=', contact.id).execute();
    expect(phones).toEqual([{ contact_id: contact.id, workspace_id: workspaceId, mode: 'test', phone: '+14155550142' }]);
    const found = expectOk(await api.get(`/v1/contacts?phone=${encodeURIComponent('+14155550142')}`)).data;
    expect(found.map((c: any) => c.id)).toEqual([contact.id]);
    const company = await h.opened.db.selectFrom('companies').selectAll().where('id', '=', converted.company_id).executeTakeFirstOrThrow();
    expect(company.name).toBe('Northstar Studio');

    // No stages existed: the default pipeline was created and the deal went into its first stage.
    const stages = expectOk(await api.get('/v1/deal-stages')).data;
    expect(stages.map((s: any) => [s.key, s.position, s.probability])).toEqual([['lead', 10, 10], ['qualified', 20, 25], ['proposal', 30, 50], ['won', 40, 100], ['lost', 50, 0]]);
    const deal = expectOk(await api.get(`/v1/deals/${converted.deal_id}`)).data;
    expect(deal).toMatchObject({ name: 'Website redesign', stage: 'lead', amount_cents: 120000, currency: 'USD', company_id: converted.company_id, contact_id: converted.contact_id, lead_id: lead.id });

    // Contact and company are searchable in the shared index.
    const indexed = await h.opened.db.selectFrom('crm_search').select(['resource_id', 'resource_type']).where('resource_id', 'in', [contact.id, company.id]).execute();
    expect(indexed.map((r) => r.resource_type).sort()).toEqual(['company', 'contact']);

    const events = expectOk(await api.get('/v1/events?limit=100')).data;
    const leadConverted = events.find((e: any) => e.type === 'lead.converted' && e.data.id === lead.id);
    expect(leadConverted.data).toMatchObject({ status: 'converted', contact_id: contact.id, company_id: company.id, deal_id: deal.id });
    const contactCreated = events.find((e: any) => e.type === 'contact.created' && e.data.id === contact.id);
    expect(contactCreated.data).toMatchObject({ name: 'Priya Shah', phones: ['+14155550142'], company_id: company.id });
  });

  it('is idempotent: converting twice answers the same ids and creates nothing more', async () => {
    const lead = await newLead({ name: 'Twice', company_name: 'Twice Co', phone: '+442071838750' });
    const first = expectOk(await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true }));
    const contactsBefore = await count('contacts');
    const dealsBefore = await count('deals');
    const second = expectOk(await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true, deal_name: 'Other' }));
    expect(second.data).toEqual(first.data);
    expect(await count('contacts')).toBe(contactsBefore);
    expect(await count('deals')).toBe(dealsBefore);
    expect(await count('contact_phones', { phone: '+442071838750' })).toBe(1);
    const events = expectOk(await api.get('/v1/events?type=lead.converted&limit=100')).data;
    expect(events.filter((e: any) => e.data.id === lead.id)).toHaveLength(1);
  });

  it('five concurrent conversions of one lead make exactly one contact', async () => {
    const lead = await newLead({ name: 'Racy Lead', phone: '+15125550177', company_name: 'Racy Co' });
    const results = await Promise.all(Array.from({ length: 5 }, () => api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true })));
    for (const r of results) expect(r.status, r.text).toBe(200);
    expect(new Set(results.map((r) => r.body.data.contact_id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.data.deal_id)).size).toBe(1);
    expect(await count('contact_phones', { phone: '+15125550177' })).toBe(1);
    expect(await count('companies', { name: 'Racy Co' })).toBe(1);
    const contacts = await h.opened.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('name', '=', 'Racy Lead').execute();
    expect(contacts).toHaveLength(1);
  });

  it('the conditional UPDATE lets exactly one converter claim the lead', async () => {
    const lead = await newLead({ name: 'Claimed once' });
    const scope = { workspaceId, mode: 'test' as const };
    const at = new Date().toISOString();
    expect((await claimForConversion(h.opened.db, scope, lead.id, at))?.id).toBe(lead.id);
    expect(await claimForConversion(h.opened.db, scope, lead.id, at)).toBeUndefined();
  });

  it('reuses an existing company with the same name (any case); no company without company_name', async () => {
    const a = await newLead({ name: 'A', company_name: 'Acme Rockets' });
    const b = await newLead({ name: 'B', company_name: 'acme rockets' });
    const c = await newLead({ name: 'C' });
    const ca = expectOk(await api.post(`/v1/leads/${a.id}/convert`)).data;
    const cb = expectOk(await api.post(`/v1/leads/${b.id}/convert`)).data;
    const cc = expectOk(await api.post(`/v1/leads/${c.id}/convert`)).data;
    expect(cb.company_id).toBe(ca.company_id);
    expect(cc).toMatchObject({ company_id: null, deal_id: null, contact_id: expect.stringMatching(/^con_/) });
    expect(ca.deal_id).toBeNull(); // no create_deal
  });

  it('rolls everything back when a step fails (unknown deal_stage: 422, lead untouched)', async () => {
    const lead = await newLead({ name: 'Rollback', phone: '+13035550188', company_name: 'Rollback Ltd' });
    const contacts = await count('contacts');
    const res = await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true, deal_stage: 'nope' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'deal_stage', error: 'unknown_stage', received: 'nope' }]);
    expect(expectOk(await api.get(`/v1/leads/${lead.id}`)).data).toMatchObject({ status: 'new', contact_id: null, converted_at: null });
    expect(await count('contacts')).toBe(contacts);
    expect(await count('companies', { name: 'Rollback Ltd' })).toBe(0);
    expect(await count('contact_phones', { phone: '+13035550188' })).toBe(0);

    const ok = expectOk(await api.post(`/v1/leads/${lead.id}/convert`, { deal_stage: 'proposal', currency: 'EUR' })).data;
    expect(expectOk(await api.get(`/v1/deals/${ok.deal_id}`)).data).toMatchObject({ stage: 'proposal', currency: 'EUR', name: 'Rollback Ltd' });
  });

  it('replays with the same Idempotency-Key; 404 for an unknown or foreign lead', async () => {
    const lead = await newLead({ name: 'Keyed' });
    const headers = { 'idempotency-key': `convert-${lead.id}` };
    const first = await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true }, headers);
    const again = await api.post(`/v1/leads/${lead.id}/convert`, { create_deal: true }, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect((await api.post('/v1/leads/lead_00000000000000000000000000/convert')).status).toBe(404);
    const stranger = h.api(await h.key({ workspace: 'sales-convert-stranger' }));
    expect((await stranger.post(`/v1/leads/${lead.id}/convert`)).status).toBe(404);
  });
});
