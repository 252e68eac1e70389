import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../../helpers/harness.js';

let h: Harness;
let api: Api;

beforeAll(async () => {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'sales-invoices' }));
});
afterAll(async () => h.close());

const items = [
  { kind: 'service', name: 'Design', quantity: 3, unit_amount_cents: 12500 },
  { kind: 'product', name: 'License', unit_amount_cents: 9900 },
];

describe('invoices', () => {
  it('computes line amounts, subtotal and total; auto-numbers; refuses a duplicate number', async () => {
    const inv = expectOk(await api.post('/v1/invoices', { line_items: items, due_date: '2026-02-01', notes: 'Net 30' }), 201).data;
    expect(inv).toMatchObject({
      invoice_number: 'INV-0001', status: 'draft', currency: 'USD', subtotal_cents: 47400, total_cents: 47400, amount_paid_cents: 0, amount_due_cents: 47400,
      due_date: '2026-02-01', notes: 'Net 30', sent_at: null, paid_at: null, voided_at: null,
    });
    expect(inv.line_items.map((li: any) => [li.name, li.quantity, li.amount_cents])).toEqual([['Design', 3, 37500], ['License', 1, 9900]]);
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data).toEqual(inv);

    const second = expectOk(await api.post('/v1/invoices', {}), 201).data;
    expect(second).toMatchObject({ invoice_number: 'INV-0002', total_cents: 0, line_items: [] });
    expectOk(await api.post('/v1/invoices', { invoice_number: 'INV-0003' }), 201);
    expect(expectOk(await api.post('/v1/invoices', {}), 201).data.invoice_number).toBe('INV-0004');

    const dup = await api.post('/v1/invoices', { invoice_number: 'INV-0001' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'invoice_number', error: 'already_exists' }] });
    // Another workspace has its own numbering.
    const other = h.api(await h.key({ workspace: 'sales-invoices-other' }));
    expect(expectOk(await other.post('/v1/invoices', { invoice_number: 'INV-0001' }), 201).data.invoice_number).toBe('INV-0001');

    for (const body of [
      { line_items: [{ kind: 'service', name: 'x', quantity: 0, unit_amount_cents: 1 }] },
      { line_items: [{ kind: 'service', name: 'x', unit_amount_cents: -5 }] },
      { line_items: [{ name: 'x', unit_amount_cents: 5 }] },
      { currency: 'EURO' },
      { status: 'paid' },
      { deal_id: 'deal_00000000000000000000000000' },
    ]) {
      expect([404, 422], JSON.stringify(body)).toContain((await api.post('/v1/invoices', body)).status);
    }
  });

  it('edits drafts only; sends; voids unless paid; deletes drafts only', async () => {
    const inv = expectOk(await api.post('/v1/invoices', { line_items: items }), 201).data;
    const edited = expectOk(await api.patch(`/v1/invoices/${inv.id}`, { line_items: [{ kind: 'fee', name: 'Rush', quantity: 2, unit_amount_cents: 5000 }], notes: 'rush job' })).data;
    expect(edited).toMatchObject({ subtotal_cents: 10000, total_cents: 10000, notes: 'rush job' });
    expect(edited.line_items).toHaveLength(1);

    const sent = expectOk(await api.patch(`/v1/invoices/${inv.id}`, { status: 'sent' })).data;
    expect(sent).toMatchObject({ status: 'sent', sent_at: expect.any(String) });
    expect(expectOk(await api.patch(`/v1/invoices/${inv.id}`, { status: 'sent' })).data.status).toBe('sent'); // no-op
    const locked = await api.patch(`/v1/invoices/${inv.id}`, { notes: 'too late' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.details[0]).toMatchObject({ field: 'notes', error: 'invoice_not_draft' });
    expect((await api.delete(`/v1/invoices/${inv.id}`)).status).toBe(409);

    expectOk(await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 100 }), 201);
    const noVoid = await api.patch(`/v1/invoices/${inv.id}`, { status: 'void' });
    expect(noVoid.status).toBe(409);
    expect(noVoid.body.error.details[0].error).toBe('invoice_has_payments');

    const other = expectOk(await api.post('/v1/invoices', { line_items: items, status: 'sent' }), 201).data;
    const voided = expectOk(await api.patch(`/v1/invoices/${other.id}`, { status: 'void' })).data;
    expect(voided).toMatchObject({ status: 'void', voided_at: expect.any(String), amount_due_cents: 0 });
    expect((await api.patch(`/v1/invoices/${other.id}`, { status: 'sent' })).status).toBe(409);

    const draft = expectOk(await api.post('/v1/invoices', { line_items: items }), 201).data;
    expect(expectOk(await api.delete(`/v1/invoices/${draft.id}`)).data).toEqual({ id: draft.id, deleted: true });
    expect((await api.get(`/v1/invoices/${draft.id}`)).status).toBe(404);
    const orphans = await h.opened.db.selectFrom('invoice_line_items').select('id').where('invoice_id', '=', draft.id).execute();
    expect(orphans).toEqual([]);
  });

  it('a zero-total invoice is paid as soon as it is sent (invoice.paid)', async () => {
    const inv = expectOk(await api.post('/v1/invoices', { line_items: [{ kind: 'service', name: 'Free consult', unit_amount_cents: 0 }] }), 201).data;
    expect(expectOk(await api.patch(`/v1/invoices/${inv.id}`, { status: 'sent' })).data).toMatchObject({ status: 'paid', paid_at: expect.any(String) });
    const events = expectOk(await api.get('/v1/events?type=invoice.paid&limit=100')).data;
    expect(events.find((e: any) => e.data.id === inv.id).data.payment_id).toBeNull();
  });

  it('filters by status, company, contact and deal, with line items in list results', async () => {
    const ws = h.api(await h.key({ workspace: 'sales-invoice-filters' }));
    const lead = expectOk(await ws.post('/v1/leads', { name: 'Inv Lead', company_name: 'Inv Co' }), 201).data;
    const conv = expectOk(await ws.post(`/v1/leads/${lead.id}/convert`, { create_deal: true })).data;
    for (let i = 0; i < 12; i++) {
      expectOk(await ws.post('/v1/invoices', {
        status: i % 2 === 0 ? 'sent' : 'draft',
        company_id: i % 3 === 0 ? conv.company_id : undefined,
        contact_id: i % 4 === 0 ? conv.contact_id : undefined,
        deal_id: i === 5 ? conv.deal_id : undefined,
        line_items: [{ kind: 'service', name: `Item ${i}`, unit_amount_cents: 100 * (i + 1) }],
      }), 201);
    }
    const get = async (q: string) => expectOk(await ws.get(`/v1/invoices?${q}`)).data;
    expect((await get('status=sent')).length).toBe(6);
    expect((await get(`company_id=${conv.company_id}`)).length).toBe(4);
    expect((await get(`contact_id=${conv.contact_id}&status=sent`)).length).toBe(3);
    const byDeal = await get(`deal_id=${conv.deal_id}`);
    expect(byDeal.map((i: any) => i.line_items[0].name)).toEqual(['Item 5']);
    const p1 = expectOk(await ws.get('/v1/invoices?limit=5'));
    expect(p1.data.every((i: any) => i.line_items.length === 1)).toBe(true);
    const p2 = expectOk(await ws.get(`/v1/invoices?limit=5&cursor=${p1.next_cursor}`));
    const p3 = expectOk(await ws.get(`/v1/invoices?limit=5&cursor=${p2.next_cursor}`));
    expect(new Set([...p1.data, ...p2.data, ...p3.data].map((i: any) => i.id)).size).toBe(12);
    expect(p3.next_cursor).toBeNull();
    expect((await ws.get('/v1/invoices?status=late')).status).toBe(400);
  });
});
