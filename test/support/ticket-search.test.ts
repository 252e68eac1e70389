import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketInternal } from '../../src/support/tickets/ticket-service.js';
import { expectOk } from '../helpers/harness.js';
import { allPages, type Ctx, ids, setup } from './fixtures.js';

// Full-text `query` and cursor pagination over a few thousand tickets, written through the
// service in one transaction (the same code path as the API, without 3000 HTTP round trips).

const N = 3000;
const subjectOf = (i: number) => (i % 3 === 0 ? `Invoice download fails #${i}` : i % 3 === 1 ? `Password reset loop #${i}` : `Billing question #${i}`);

let ctx: Ctx;
const byIndex: string[] = [];

beforeAll(async () => {
  ctx = await setup();
  const { h, scope } = ctx;
  const at = h.clock.now();
  await h.opened.db.transaction().execute(async (trx) => {
    for (let i = 0; i < N; i++) {
      const dto = await createTicketInternal(trx, scope, {
        subject: subjectOf(i),
        description: i % 5 === 0 ? 'The customer mentions a refund.' : 'Nothing special.',
        priority: i % 4 === 0 ? 'urgent' : 'normal',
        category: i % 2 === 0 ? 'billing' : 'account',
      }, at);
      byIndex.push(dto.id);
    }
  });
  // The same words in another workspace never show up here.
  const stranger = ctx.h.api(await ctx.h.key({ workspace: 'stranger' }));
  expectOk(await stranger.post('/v1/support/tickets', { subject: 'Invoice download fails elsewhere' }), 201);
}, 60_000);
afterAll(async () => ctx.h.close());

const expectedIds = (pred: (i: number) => boolean) => byIndex.filter((_, i) => pred(i)).reverse(); // newest first

describe(`ticket search and pagination over ${N} tickets`, () => {
  it('pages through everything newest first, without gaps or repeats', async () => {
    const all = await allPages(ctx.api, '/v1/support/tickets');
    expect(all.map((t) => t.id)).toEqual(expectedIds(() => true));
  });

  it('query matches every word as a prefix, across subject, description and category', async () => {
    const cases: [string, (i: number) => boolean][] = [
      ['invoice', (i) => i % 3 === 0],
      ['INVOICE download', (i) => i % 3 === 0],
      ['passw', (i) => i % 3 === 1],
      ['invoice refund', (i) => i % 3 === 0 && i % 5 === 0],
      ['billing', (i) => i % 3 === 2 || i % 2 === 0], // subject or category
    ];
    for (const [q, pred] of cases) {
      const found = await allPages(ctx.api, `/v1/support/tickets?query=${encodeURIComponent(q)}`, 100);
      expect(found.map((t) => t.id), q).toEqual(expectedIds(pred));
    }
  });

  it('combines query with filters and pages with a cursor', async () => {
    const want = expectedIds((i) => i % 3 === 0 && i % 4 === 0);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = expectOk(await ctx.api.get(`/v1/support/tickets?query=invoice&priority=urgent&limit=37${cursor ? `&cursor=${cursor}` : ''}`));
      pages.push(ids(res));
      cursor = res.next_cursor;
    } while (cursor);
    expect(pages.flat()).toEqual(want);
    expect(pages.slice(0, -1).every((p) => p.length === 37)).toBe(true);
  });

  it('pages stay stable while tickets are inserted', async () => {
    const p1 = expectOk(await ctx.api.get('/v1/support/tickets?query=password&limit=50'));
    expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Password reset loop again' }), 201);
    const p2 = expectOk(await ctx.api.get(`/v1/support/tickets?query=password&limit=50&cursor=${p1.next_cursor}`));
    expect([...ids(p1), ...ids(p2)]).toEqual(expectedIds((i) => i % 3 === 1).slice(0, 100));
  });

  it('finds words of messages, follows edits, and ignores punctuation-only queries', async () => {
    const target = byIndex[7]!;
    expect(expectOk(await ctx.api.get('/v1/support/tickets?query=xylophone')).data).toEqual([]);
    expectOk(await ctx.api.post(`/v1/support/tickets/${target}/messages`, { direction: 'inbound', body: 'The xylophone export crashes' }), 201);
    expect(ids(expectOk(await ctx.api.get('/v1/support/tickets?query=xyloph')))).toEqual([target]);
    expectOk(await ctx.api.patch(`/v1/support/tickets/${target}`, { subject: 'Café closed' }));
    expect(ids(expectOk(await ctx.api.get('/v1/support/tickets?query=cafe')))).toEqual([target]);
    expect(ids(expectOk(await ctx.api.get('/v1/support/tickets?query=xylophone')))).toEqual([target]); // messages stay indexed
    expect(expectOk(await ctx.api.get(`/v1/support/tickets?query=${encodeURIComponent('#7')}`)).data.map((t: { id: string }) => t.id)).not.toContain(target);
    expect(expectOk(await ctx.api.get(`/v1/support/tickets?query=${encodeURIComponent('"*()')}`)).data).toEqual([]);
  });
});
