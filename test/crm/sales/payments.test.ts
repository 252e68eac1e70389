import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPaymentToInvoice } from '../../../src/crm/sales/payments/payment-repository.js';
import { type Api, createHarness, expectOk, type Harness } from '../../helpers/harness.js';

let h: Harness;
let api: Api;
let workspaceId: string;

beforeAll(async () => {
  h = await createHarness();
  const k = await h.keyWithId({ workspace: 'sales-payments' });
  workspaceId = k.workspaceId;
  api = h.api(k.key);
});
afterAll(async () => h.close());

const sentInvoice = async (total: number) =>
  expectOk(await api.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'service', name: 'Work', unit_amount_cents: total }] }), 201).data;

const paymentsOf = async (invoiceId: string) =>
  h.opened.db.selectFrom('payments').selectAll().where('invoice_id', '=', invoiceId).execute();

describe('payments', () => {
  it('records partial then full payment; status, paid_at and invoice.paid follow', async () => {
    const inv = await sentInvoice(10000);
    const p1 = expectOk(await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 4000, method: 'card', reference: 'ch_1' }), 201).data;
    expect(p1).toMatchObject({ invoice_id: inv.id, amount_cents: 4000, currency: 'USD', method: 'card', reference: 'ch_1', livemode: false });
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data).toMatchObject({ status: 'partially_paid', amount_paid_cents: 4000, amount_due_cents: 6000, paid_at: null });

    const paidAt = '2026-01-15T10:00:00.000Z';
    const p2 = expectOk(await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 6000, paid_at: paidAt }), 201).data;
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data).toMatchObject({ status: 'paid', amount_paid_cents: 10000, amount_due_cents: 0, paid_at: paidAt });
    expect(expectOk(await api.get(`/v1/payments/${p2.id}`)).data).toEqual(p2);
    expect(expectOk(await api.get(`/v1/payments?invoice_id=${inv.id}`)).data.map((p: any) => p.id)).toEqual([p2.id, p1.id]);

    const events = expectOk(await api.get('/v1/events?type=invoice.paid&limit=100')).data.filter((e: any) => e.data.id === inv.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ status: 'paid', amount_paid_cents: 10000, payment_id: p2.id });

    const more = await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 1 });
    expect(more.status).toBe(422);
    expect(more.body.error.details).toEqual([{ field: 'amount_cents', error: 'exceeds_balance_due', received: 1, amount_due_cents: 0 }]);
  });

  it('refuses overpayment (422, nothing changes), draft and void invoices (409), unknown invoices (404)', async () => {
    const inv = await sentInvoice(5000);
    const over = await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 5001 });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'validation_error', details: [{ field: 'amount_cents', error: 'exceeds_balance_due', amount_due_cents: 5000 }] });
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data).toMatchObject({ status: 'sent', amount_paid_cents: 0 });
    expect(await paymentsOf(inv.id)).toEqual([]);

    const draft = expectOk(await api.post('/v1/invoices', { line_items: [{ kind: 'service', name: 'x', unit_amount_cents: 100 }] }), 201).data;
    const toDraft = await api.post('/v1/payments', { invoice_id: draft.id, amount_cents: 50 });
    expect(toDraft.status).toBe(409);
    expect(toDraft.body.error.details[0]).toMatchObject({ error: 'invoice_not_payable', status: 'draft' });
    const voided = await sentInvoice(100);
    expectOk(await api.patch(`/v1/invoices/${voided.id}`, { status: 'void' }));
    expect((await api.post('/v1/payments', { invoice_id: voided.id, amount_cents: 50 })).status).toBe(409);

    const unknown = await api.post('/v1/payments', { invoice_id: 'inv_00000000000000000000000000', amount_cents: 50 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].field).toBe('invoice_id');
    const stranger = h.api(await h.key({ workspace: 'sales-payments-stranger' }));
    expect((await stranger.post('/v1/payments', { invoice_id: inv.id, amount_cents: 50 })).status).toBe(404);
    for (const body of [{ invoice_id: inv.id, amount_cents: 0 }, { invoice_id: inv.id, amount_cents: '50' }, { invoice_id: inv.id }, { invoice_id: inv.id, amount_cents: 5, paid_at: 'yesterday' }]) {
      expect((await api.post('/v1/payments', body)).status, JSON.stringify(body)).toBe(422);
    }
  });

  it('ten racing payments of 30% each: exactly three succeed, never more than the total', async () => {
    const inv = await sentInvoice(100000);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 30000, reference: `race-${i}` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    for (const r of results.filter((x) => x.status === 422)) expect(r.body.error.details[0].error).toBe('exceeds_balance_due');
    const after = expectOk(await api.get(`/v1/invoices/${inv.id}`)).data;
    expect(after).toMatchObject({ status: 'partially_paid', amount_paid_cents: 90000, amount_due_cents: 10000 });
    const rows = await paymentsOf(inv.id);
    expect(rows).toHaveLength(3);
    expect(rows.reduce((s, p) => s + p.amount_cents, 0)).toBe(90000);

    // The rest settles it; racing the last 10% twice: one wins.
    const last = await Promise.all([0, 1].map(() => api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 10000 })));
    expect(last.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data).toMatchObject({ status: 'paid', amount_paid_cents: 100000 });
    const paidEvents = expectOk(await api.get('/v1/events?type=invoice.paid&limit=100')).data.filter((e: any) => e.data.id === inv.id);
    expect(paidEvents).toHaveLength(1);
  });

  it('the conditional UPDATE refuses an overpay on its own; the trigger is the backstop', async () => {
    const inv = await sentInvoice(1000);
    const scope = { workspaceId, mode: 'test' as const };
    const at = new Date().toISOString();
    expect((await applyPaymentToInvoice(h.opened.db, scope, inv.id, 700, at, at))?.amount_paid_cents).toBe(700);
    expect(await applyPaymentToInvoice(h.opened.db, scope, inv.id, 301, at, at)).toBeUndefined();
    expect((await applyPaymentToInvoice(h.opened.db, scope, inv.id, 300, at, at))?.status).toBe('paid');
    await expect(h.opened.db.updateTable('invoices').set({ amount_paid_cents: 1001 }).where('id', '=', inv.id).execute()).rejects.toThrow(/invoice overpaid/);
  });

  it('the same Idempotency-Key twice records one payment (also when sent concurrently)', async () => {
    const inv = await sentInvoice(9000);
    const headers = { 'idempotency-key': `pay-${inv.id}` };
    const first = await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 3000 }, headers);
    const again = await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 3000 }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect(await paymentsOf(inv.id)).toHaveLength(1);
    expect((await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 3001 }, headers)).status).toBe(409);

    const concurrentHeaders = { 'idempotency-key': `pay-2-${inv.id}` };
    const burst = await Promise.all([0, 1, 2].map(() => api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 1000 }, concurrentHeaders)));
    for (const r of burst) expect([201, 409]).toContain(r.status);
    expect(await paymentsOf(inv.id)).toHaveLength(2);
    expect(expectOk(await api.get(`/v1/invoices/${inv.id}`)).data.amount_paid_cents).toBe(4000);
  });

  it('lists newest first with a cursor; another workspace sees nothing', async () => {
    const inv = await sentInvoice(100000);
    for (let i = 0; i < 7; i++) expectOk(await api.post('/v1/payments', { invoice_id: inv.id, amount_cents: 100 }), 201);
    const p1 = expectOk(await api.get(`/v1/payments?invoice_id=${inv.id}&limit=4`));
    const p2 = expectOk(await api.get(`/v1/payments?invoice_id=${inv.id}&limit=4&cursor=${p1.next_cursor}`));
    expect(p1.data).toHaveLength(4);
    expect(p2.data).toHaveLength(3);
    expect(p2.next_cursor).toBeNull();
    const ids = [...p1.data, ...p2.data].map((p: any) => p.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const stranger = h.api(await h.key({ workspace: 'sales-payments-stranger-2' }));
    expect(expectOk(await stranger.get(`/v1/payments?invoice_id=${inv.id}`)).data).toEqual([]);
    expect((await stranger.get(`/v1/payments/${ids[0]}`)).status).toBe(404);
  });
});
