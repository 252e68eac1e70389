import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectOk, type Api, type Harness } from '../helpers/harness.js';
import { foldForSearch, tsQuery } from '../../src/crm/search-index.js';
import { onPostgres } from './two-nodes.js';

// The PostgreSQL twins of SQLite-only SQL, through the API: the tsvector search behind `query`
// (every word a prefix, case and accents ignored, like FTS5's unicode61), custom fields and
// emails through jsonb, support's case-insensitive ILIKE, and LEAST for the breach filter.

describe('search folding (both engines)', () => {
  it('folds text the way FTS5 tokenizes it and builds a prefix tsquery', () => {
    expect(foldForSearch('Émile Zoë, ACME-Corp — émile@acme.io')).toBe('emile zoe acme corp emile acme io');
    expect(tsQuery('émile@acm  Zo')).toBe("('emile' <-> 'acm':*) & ('zo':*)");
    expect(tsQuery("'; DROP TABLE --")).toBe("('drop':*) & ('table':*)");
    expect(tsQuery('  !!  ')).toBeNull();
  });
});

describe.skipIf(!onPostgres)('CRM and support queries on PostgreSQL', () => {
  let h: Harness;
  let api: Api;
  beforeAll(async () => {
    h = await createHarness();
    api = h.api(await h.key());
    for (const c of [
      { name: 'Émile Zola', emails: ['Emile@Example.com'], notes: 'asked about quarterly invoicing', custom_fields: { tier: 'gold' } },
      { name: 'Zoë Saldaña', emails: ['zoe@example.org', 'z.saldana@studio.example'], custom_fields: { tier: 'silver' } },
      { name: 'Ada Lovelace', emails: ['ada@example.com'], custom_fields: { tier: 'gold', "it's": 'quoted' } },
    ]) {
      expectOk(await api.post('/v1/contacts', c), 201);
    }
  });
  afterAll(async () => h?.close());

  const names = async (url: string) => (expectOk(await api.get(url)).data as { name: string }[]).map((c) => c.name).sort();

  it('query: prefixes, any case, accents ignored, every word required', async () => {
    expect(await names('/v1/contacts?query=emi')).toEqual(['Émile Zola']);
    expect(await names('/v1/contacts?query=%C3%89MILE%20zol')).toEqual(['Émile Zola']);
    expect(await names('/v1/contacts?query=zoe')).toEqual(['Zoë Saldaña']);
    expect(await names('/v1/contacts?query=quarterly%20invoic')).toEqual(['Émile Zola']);
    expect(await names('/v1/contacts?query=quarterly%20lovelace')).toEqual([]);
    expect(await names('/v1/contacts?query=z.saldana%40studio')).toEqual(['Zoë Saldaña']);
    expect(await names("/v1/contacts?query=%27%3B%20drop")).toEqual([]);
  });

  it('custom fields and emails through jsonb', async () => {
    expect(await names('/v1/contacts?custom_field_key=tier&custom_field_value=gold')).toEqual(['Ada Lovelace', 'Émile Zola']);
    expect(await names("/v1/contacts?custom_field_key=it's&custom_field_value=quoted")).toEqual(['Ada Lovelace']);
    expect(await names('/v1/contacts?email=EMILE%40example.com')).toEqual(['Émile Zola']);
    expect(await names('/v1/contacts?email=z.saldana%40studio.example')).toEqual(['Zoë Saldaña']);
  });

  it('support: queue search ignores case (ILIKE); the breach filter compares with LEAST', async () => {
    expectOk(await api.post('/v1/support/queues', { name: 'Billing Desk', key: 'billing' }), 201);
    expect((expectOk(await api.get('/v1/support/queues?query=BILLING%20d')).data as unknown[]).length).toBe(1);
    expectOk(await api.post('/v1/support/tickets', { subject: 'Refund please' }), 201);
    expect(expectOk(await api.get('/v1/support/tickets?breached=false')).data).toHaveLength(1);
    expect(expectOk(await api.get('/v1/support/tickets?breached=true')).data).toHaveLength(0);
  });
});
