import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompanyInTx } from '../../../src/crm/people/companies/company-service.js';
import { createContactInTx } from '../../../src/crm/people/contacts/contact-service.js';
import { expectOk } from '../../helpers/harness.js';
import { type People, peopleHarness } from './people-helpers.js';

// Filters, FTS search and cursor pagination on a few thousand contacts: every filtered walk
// through the pages returns exactly the matching contacts, newest first, none twice, none missed,
// even while new contacts are inserted between pages.

const N = 3000;
let p: People;
let companies: string[];
const contacts: { id: string; i: number }[] = [];
/** Contacts created by the walks themselves (newer than every seeded one). */
const newcomers = new Set<string>();

beforeAll(async () => {
  p = await peopleHarness();
  const at = p.h.clock.now();
  await p.deps.db.transaction().execute(async (trx) => {
    companies = [];
    for (const name of ['Acme Corp', 'Globex', 'Initech']) companies.push((await createCompanyInTx(trx, p.scope, { name }, at)).id);
    for (let i = 0; i < N; i++) {
      const dto = await createContactInTx(trx, p.scope, {
        name: `Person ${i} ${i % 2 === 0 ? 'Smith' : 'Jones'}`,
        email: `person${i}@example.com`,
        phones: [`+1 (212) 555-${String(i).padStart(4, '0')}`, ...(i % 7 === 0 ? ['415.555.0199'] : [])],
        company_id: companies[i % 3],
        notes: i % 3 === 0 ? 'Asked about the renewal' : 'No notes',
        custom_fields: { tier: i % 5 === 0 ? 'gold' : 'silver' },
      }, at);
      contacts.push({ id: dto.id, i });
    }
  });
}, 120_000);
afterAll(async () => p.h.close());

/** Walks every page of `query`, inserting a matching newcomer after the first page. */
async function walk(query: string, limit: number, newcomer?: () => Promise<void>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = expectOk(await p.api.get(`/v1/contacts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
    expect(res.data.length).toBeLessThanOrEqual(limit);
    ids.push(...res.data.map((c: { id: string }) => c.id));
    cursor = res.next_cursor;
    if (pages++ === 0 && newcomer) await newcomer();
  } while (cursor);
  return { ids, pages };
}

const expected = (pred: (i: number) => boolean) => contacts.filter((c) => pred(c.i)).map((c) => c.id).reverse();

describe(`pagination over ${N} contacts`, () => {
  it('lists them all, newest first, in pages that never repeat or skip', async () => {
    const { ids, pages } = await walk('include_archived=false', 100, async () => {
      newcomers.add(expectOk(await p.api.post('/v1/contacts', { name: 'Late arrival' }), 201).data.id);
    });
    expect(ids).toEqual(expected(() => true)); // the late arrival is newer than the cursor: not in this walk
    expect(pages).toBe(N / 100);
  });

  it.each([
    ['query=renewal', (i: number) => i % 3 === 0],
    ['query=smith%20renew', (i: number) => i % 2 === 0 && i % 3 === 0],
    ['query=person12', (i: number) => String(i).startsWith('12')],
    [`company_id=COMPANY1`, (i: number) => i % 3 === 1],
    [`phone=${encodeURIComponent('(415) 555-0199')}`, (i: number) => i % 7 === 0],
    ['phone=%2B12125550042', (i: number) => i === 42],
    ['custom_field_key=tier&custom_field_value=gold', (i: number) => i % 5 === 0],
    ['query=renewal&custom_field_key=tier&custom_field_value=gold', (i: number) => i % 15 === 0],
    [`query=jones&company_id=COMPANY2&phone=4155550199`, (i: number) => i % 2 === 1 && i % 3 === 2 && i % 7 === 0],
    ['email=PERSON2999%40example.com', (i: number) => i === 2999],
  ])('%s', async (rawQuery, pred) => {
    const query = rawQuery.replace(/COMPANY(\d)/, (_m, n: string) => companies[Number(n)]!);
    const want = expected(pred);
    expect(want.length).toBeGreaterThan(0);
    const before = new Set(newcomers);
    let late = '';
    const { ids } = await walk(query, 37, async () => {
      // A newcomer that matches every filter above is newer than the cursor: it never shifts a page.
      late = expectOk(await p.api.post('/v1/contacts', { name: 'Person 12 Smith Jones', email: 'person2999@example.com', phones: ['+14155550199', '+12125550042'], company_id: companies[2], notes: 'renewal', custom_fields: { tier: 'gold' } }), 201).data.id;
      newcomers.add(late);
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(late);
    // Newcomers of earlier walks are the newest rows: first, then exactly the seeded matches.
    const earlier = ids.filter((id) => before.has(id));
    expect(ids.slice(0, earlier.length)).toEqual(earlier);
    expect(ids.slice(earlier.length)).toEqual(want);
  });

  it('archived contacts drop out of filtered pages', async () => {
    const victim = contacts.find((c) => c.i === 21)!; // i % 7 === 0 and i % 3 === 0
    expectOk(await p.api.delete(`/v1/contacts/${victim.id}`));
    const seeded = (ids: string[]) => ids.filter((id) => !newcomers.has(id));
    const { ids } = await walk('phone=4155550199&query=renewal', 50);
    expect(seeded(ids)).toEqual(expected((i) => i % 21 === 0 && i !== 21));
    const withArchived = await walk('phone=4155550199&query=renewal&include_archived=true', 50);
    expect(seeded(withArchived.ids)).toEqual(expected((i) => i % 21 === 0));
  });
});
