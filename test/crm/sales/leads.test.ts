import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadInternal, findLeadByPhone } from '../../../src/crm/sales/leads/lead-service.js';
import { type Api, createHarness, expectOk, type Harness } from '../../helpers/harness.js';

let h: Harness;
let api: Api;
let workspaceId: string;

beforeAll(async () => {
  h = await createHarness();
  const k = await h.keyWithId({ workspace: 'sales-leads' });
  workspaceId = k.workspaceId;
  api = h.api(k.key);
});
afterAll(async () => h.close());

async function pageAll(path: string, limit = 100): Promise<any[]> {
  const all: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = expectOk(await api.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
    expect(res.data.length).toBeLessThanOrEqual(limit);
    all.push(...res.data);
    cursor = res.next_cursor;
  } while (cursor);
  return all;
}

describe('leads', () => {
  it('creates with defaults, normalizes the phone, reads, updates and lists', async () => {
    const lead = expectOk(await api.post('/v1/leads', { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(415) 555-0123', custom_fields: { tier: 'gold' } }), 201).data;
    expect(lead).toMatchObject({ name: 'Ada Lovelace', phone: '+14155550123', status: 'new', source: 'api', custom_fields: { tier: 'gold' }, contact_id: null, company_id: null, deal_id: null, converted_at: null, livemode: false });
    expect(expectOk(await api.get(`/v1/leads/${lead.id}`)).data).toEqual(lead);

    const updated = expectOk(await api.patch(`/v1/leads/${lead.id}`, { status: 'qualified', notes: 'Wants a demo', custom_fields: { tier: null, region: 'emea' } })).data;
    expect(updated).toMatchObject({ status: 'qualified', notes: 'Wants a demo', custom_fields: { region: 'emea' } });
    expect(expectOk(await api.get(`/v1/leads?query=demo`)).data.map((l: any) => l.id)).toEqual([lead.id]);
  });

  it('refuses bad input: unreadable phone, converted via PATCH, unknown fields and enums', async () => {
    const badPhone = await api.post('/v1/leads', { name: 'X', phone: 'call me maybe' });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error.code).toBe('invalid_phone');
    expect(badPhone.body.error.details).toEqual([{ field: 'phone', error: 'invalid_phone', reason: 'not_a_number', received: 'call me maybe' }]);
    const lead = expectOk(await api.post('/v1/leads', { name: 'Y' }), 201).data;
    for (const [body, field] of [
      [{ status: 'converted' }, 'status'],
      [{ source: 'carrier-pigeon' }, 'source'],
      [{ nickname: 'Y' }, 'nickname'],
      [{}, '(body)'],
    ] as const) {
      const res = await api.patch(`/v1/leads/${lead.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    expect((await api.patch(`/v1/leads/${lead.id}`, { phone: '12' })).status).toBe(422);
    expect((await api.post('/v1/leads', { email: 'no-name@example.com' })).status).toBe(422);
  });

  it('deletes unconverted leads; a converted one answers 409', async () => {
    const lead = expectOk(await api.post('/v1/leads', { name: 'Temp' }), 201).data;
    expect(expectOk(await api.delete(`/v1/leads/${lead.id}`)).data).toEqual({ id: lead.id, deleted: true });
    expect((await api.get(`/v1/leads/${lead.id}`)).status).toBe(404);
    expect((await api.delete(`/v1/leads/${lead.id}`)).status).toBe(404);

    const kept = expectOk(await api.post('/v1/leads', { name: 'Keeper' }), 201).data;
    expectOk(await api.post(`/v1/leads/${kept.id}/convert`));
    const refused = await api.delete(`/v1/leads/${kept.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    const statusChange = await api.patch(`/v1/leads/${kept.id}`, { status: 'working' });
    expect(statusChange.status).toBe(409);
    expect(expectOk(await api.patch(`/v1/leads/${kept.id}`, { notes: 'still editable' })).data).toMatchObject({ status: 'converted', notes: 'still editable' });
  });

  it('emits lead.created', async () => {
    const lead = expectOk(await api.post('/v1/leads', { name: 'Evented', source: 'referral' }), 201).data;
    const events = expectOk(await api.get('/v1/events?type=lead.created&limit=100')).data;
    const event = events.find((e: any) => e.data.id === lead.id);
    expect(event.data).toMatchObject({ id: lead.id, name: 'Evented', source: 'referral', status: 'new' });
  });

  it('filters and pages through a few thousand leads (FTS query, status, source, custom field, phone)', async () => {
    const scope = { workspaceId, mode: 'test' as const };
    const statuses = ['new', 'working', 'qualified', 'disqualified'] as const;
    const sources = ['website', 'referral', 'campaign', 'import'] as const;
    await h.opened.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2400; i++) {
        await createLeadInternal(trx, scope, {
          name: `Bulk Person ${i}`,
          email: `bulk${i}@example.com`,
          company_name: i % 10 === 0 ? 'Zephyr Analytics' : `Company ${i % 37}`,
          phone: `+1415600${String(i).padStart(4, '0')}`,
          status: statuses[i % 4],
          source: sources[i % 4 === 0 ? 0 : i % 3 === 0 ? 1 : 2],
          notes: i % 100 === 7 ? 'asked about quarterly invoicing' : null,
          custom_fields: { bucket: String(i % 8) },
        }, new Date());
      }
    });

    const all = await pageAll('/v1/leads');
    expect(all.length).toBeGreaterThanOrEqual(2400);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    expect([...all.map((l) => l.id)].sort().reverse()).toEqual(all.map((l) => l.id)); // newest first

    const zephyr = await pageAll('/v1/leads?query=zephyr');
    expect(zephyr.length).toBe(240);
    expect(zephyr.every((l) => l.company_name === 'Zephyr Analytics')).toBe(true);
    expect((await pageAll('/v1/leads?query=quarterly%20invoic')).length).toBe(24);
    expect((await pageAll('/v1/leads?query=bulk1234%40example.com')).map((l) => l.name)).toEqual(['Bulk Person 1234']);

    const qualified = await pageAll('/v1/leads?status=qualified&source=campaign', 50);
    const expected = Array.from({ length: 2400 }, (_, i) => i).filter((i) => i % 4 === 2 && !(i % 3 === 0));
    expect(qualified.length).toBe(expected.length);
    expect(qualified.every((l) => l.status === 'qualified' && l.source === 'campaign')).toBe(true);

    const bucket = await pageAll('/v1/leads?custom_field_key=bucket&custom_field_value=3&query=zephyr');
    expect(bucket.length).toBe(0); // i % 10 === 0 is even, bucket 3 is odd
    expect((await pageAll('/v1/leads?custom_field_key=bucket&custom_field_value=3')).length).toBe(300);
    expect((await api.get('/v1/leads?custom_field_key=bucket')).status).toBe(400);

    const byPhone = expectOk(await api.get(`/v1/leads?phone=${encodeURIComponent('(415) 600-0042')}`)).data;
    expect(byPhone.map((l: any) => l.name)).toEqual(['Bulk Person 42']);
    expect((await findLeadByPhone(h.opened.db, scope, '415-600-0042'))?.name).toBe('Bulk Person 42');
    expect(await findLeadByPhone(h.opened.db, scope, '+19995550000')).toBeNull();

    // Another workspace sees none of them.
    const stranger = h.api(await h.key({ workspace: 'sales-leads-stranger' }));
    expect(expectOk(await stranger.get('/v1/leads?query=zephyr')).data).toEqual([]);
  });

  it('createLeadInternal opens a phone lead inside the caller\'s transaction (for unknown callers)', async () => {
    const scope = { workspaceId, mode: 'test' as const };
    const dto = await h.opened.db.transaction().execute((trx) => createLeadInternal(trx, scope, { name: 'Caller +1 212 555 0199', phone: '+12125550199', source: 'phone' }, new Date()));
    expect(dto).toMatchObject({ source: 'phone', status: 'new', phone: '+12125550199' });
    expect(expectOk(await api.get(`/v1/leads?source=phone`)).data.map((l: any) => l.id)).toContain(dto.id);
    await expect(h.opened.db.transaction().execute((trx) => createLeadInternal(trx, scope, { name: 'Anon', phone: 'anonymous', source: 'phone' }, new Date()))).rejects.toMatchObject({ code: 'invalid_phone' });
  });
});
