import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

let h: Harness;
let api: Api;

beforeAll(async () => {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'books' }));
});
afterAll(async () => h.close());

const account = async (a: Api, code: string, name: string, type: string, extra: Record<string, unknown> = {}) =>
  expectOk(await a.post('/v1/accounting/accounts', { code, name, type, ...extra }), 201).data;
const trialBalance = async (a: Api) => expectOk(await a.get('/v1/accounting/trial-balance')).data;
const balanceOf = (tb: any, code: string) => tb.accounts.find((x: any) => x.code === code)?.balance_cents;

describe('accounts and journal entries', () => {
  it('takes the seed\'s bodies and answers in its shape', async () => {
    const rev = expectOk(await api.post('/v1/accounting/accounts', { code: '4000', name: 'Services revenue', type: 'revenue' }), 201).data;
    expect(rev).toMatchObject({ id: expect.stringMatching(/^acct_/), code: '4000', name: 'Services revenue', type: 'revenue', balance_cents: 0, default_for: null });
    const cash = await account(api, '1000', 'Cash', 'asset');
    const ar = await account(api, '1100', 'Accounts receivable', 'asset');
    const je = expectOk(await api.post('/v1/accounting/journal-entries', { status: 'posted', lines: [{ account_id: cash.id, debit_cents: 10000 }, { account_id: ar.id, credit_cents: 10000 }] }), 201).data;
    expect(je).toMatchObject({ id: expect.stringMatching(/^je_/), status: 'posted', total_cents: 10000, posted_at: expect.any(String) });
    expect(je.lines).toMatchObject([{ account_id: cash.id, account_code: '1000', debit_cents: 10000, credit_cents: 0 }, { account_id: ar.id, credit_cents: 10000, debit_cents: 0 }]);

    const list = expectOk(await api.get('/v1/accounting/accounts?type=asset'));
    expect(list.data.map((a: any) => a.code).sort()).toEqual(['1000', '1100']);
    expect(list.next_cursor).toBeNull();
    expect(expectOk(await api.get('/v1/accounting/accounts?query=servi')).data.map((a: any) => a.id)).toEqual([rev.id]);
    expect(expectOk(await api.get(`/v1/accounting/accounts/${cash.id}`)).data.balance_cents).toBe(10000);
    expect(expectOk(await api.get(`/v1/accounting/accounts/${ar.id}`)).data.balance_cents).toBe(-10000);
    expect(expectOk(await api.get('/v1/accounting/journal-entries?status=posted')).data.map((e: any) => e.id)).toContain(je.id);
    expect(expectOk(await api.get(`/v1/accounting/journal-entries?account_id=${cash.id}`)).data.map((e: any) => e.id)).toEqual([je.id]);

    const dup = await api.post('/v1/accounting/accounts', { code: '4000', name: 'Again', type: 'revenue' });
    expect(dup.status, dup.text).toBe(409);
    expect(dup.body.error.details[0]).toMatchObject({ field: 'code', error: 'already_exists' });
    expect((await api.post('/v1/accounting/accounts', { code: '9', name: 'x', type: 'income' })).status).toBe(422);
  });

  it('refuses entries that do not balance, lines on both or no side, non-positive cents and unknown accounts (422, nothing written)', async () => {
    const a = await account(api, '5000', 'Hosting', 'expense');
    const b = await account(api, '2000', 'Card payable', 'liability');
    const other = await account(h.api(await h.key({ workspace: 'someone-else' })), '5000', 'Theirs', 'expense');
    const before = expectOk(await api.get('/v1/accounting/journal-entries?limit=100')).data.length;
    const cases: [unknown[], Record<string, unknown>][] = [
      [[{ account_id: a.id, debit_cents: 500 }, { account_id: b.id, credit_cents: 400 }], { field: 'lines', error: 'unbalanced', debit_cents: 500, credit_cents: 400 }],
      [[{ account_id: a.id, debit_cents: 500, credit_cents: 500 }, { account_id: b.id, credit_cents: 0 + 500 }], { field: 'lines.0', error: 'one_side_only' }],
      [[{ account_id: a.id }, { account_id: b.id, credit_cents: 500 }], { field: 'lines.0', error: 'amount_required' }],
      [[{ account_id: a.id, debit_cents: 500 }, { account_id: other.id, credit_cents: 500 }], { field: 'lines.1.account_id', error: 'account_not_found' }],
      [[{ account_id: a.id, debit_cents: 0 }, { account_id: b.id, credit_cents: 0 }], { field: 'lines.0.debit_cents', error: 'too_small' }],
      [[{ account_id: a.id, debit_cents: -5 }, { account_id: b.id, credit_cents: -5 }], { field: 'lines.0.debit_cents', error: 'too_small' }],
      [[{ account_id: a.id, debit_cents: 1.5 }, { account_id: b.id, credit_cents: 1.5 }], { field: 'lines.0.debit_cents' }],
      [[{ account_id: a.id, debit_cents: 100 }], { field: 'lines' }],
    ];
    for (const [lines, detail] of cases) {
      const res = await api.post('/v1/accounting/journal-entries', { status: 'posted', lines });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.details).toContainEqual(expect.objectContaining(detail));
    }
    expect(expectOk(await api.get('/v1/accounting/journal-entries?limit=100')).data.length).toBe(before);
    expect(expectOk(await api.get(`/v1/accounting/accounts/${a.id}`)).data.balance_cents).toBe(0);
  });

  it('drafts are editable and do not count; posted entries are immutable and corrected by a reversal', async () => {
    const a = await account(api, '5100', 'Software', 'expense');
    const b = await account(api, '1010', 'Bank', 'asset');
    const draft = expectOk(await api.post('/v1/accounting/journal-entries', { memo: 'SaaS', lines: [{ account_id: a.id, debit_cents: 700 }, { account_id: b.id, credit_cents: 700 }] }), 201).data;
    expect(draft).toMatchObject({ status: 'draft', posted_at: null });
    expect(expectOk(await api.get(`/v1/accounting/accounts/${a.id}`)).data.balance_cents).toBe(0);
    const edited = expectOk(await api.patch(`/v1/accounting/journal-entries/${draft.id}`, { lines: [{ account_id: a.id, debit_cents: 900 }, { account_id: b.id, credit_cents: 900 }] })).data;
    expect(edited.total_cents).toBe(900);
    expect((await api.patch(`/v1/accounting/journal-entries/${draft.id}`, { lines: [{ account_id: a.id, debit_cents: 900 }, { account_id: b.id, credit_cents: 1 }] })).status).toBe(422);
    const posted = expectOk(await api.patch(`/v1/accounting/journal-entries/${draft.id}`, { status: 'posted' })).data;
    expect(posted).toMatchObject({ status: 'posted', total_cents: 900 });
    expect(expectOk(await api.get(`/v1/accounting/accounts/${a.id}`)).data.balance_cents).toBe(900);

    for (const res of [await api.patch(`/v1/accounting/journal-entries/${draft.id}`, { memo: 'changed' }), await api.delete(`/v1/accounting/journal-entries/${draft.id}`)]) {
      expect(res.status, res.text).toBe(409);
      expect(res.body.error.details[0].error).toBe('entry_posted');
    }
    const reversal = expectOk(await api.post(`/v1/accounting/journal-entries/${draft.id}/reverse`), 201).data;
    expect(reversal).toMatchObject({ status: 'posted', reversal_of: draft.id, total_cents: 900 });
    expect(reversal.lines).toMatchObject([{ account_id: a.id, debit_cents: 0, credit_cents: 900 }, { account_id: b.id, debit_cents: 900, credit_cents: 0 }]);
    expect(expectOk(await api.get(`/v1/accounting/journal-entries/${draft.id}`)).data.reversed_by).toBe(reversal.id);
    expect(expectOk(await api.get(`/v1/accounting/accounts/${a.id}`)).data.balance_cents).toBe(0);
    expect((await api.post(`/v1/accounting/journal-entries/${draft.id}/reverse`)).status).toBe(409);

    const gone = expectOk(await api.post('/v1/accounting/journal-entries', { lines: [{ account_id: a.id, debit_cents: 1 }, { account_id: b.id, credit_cents: 1 }] }), 201).data;
    expect((await api.post(`/v1/accounting/journal-entries/${gone.id}/reverse`)).status).toBe(409);
    expect(expectOk(await api.delete(`/v1/accounting/journal-entries/${gone.id}`))).toMatchObject({ data: { id: gone.id, deleted: true } });
    expect((await api.get(`/v1/accounting/journal-entries/${gone.id}`)).status).toBe(404);

    // Archived accounts take no new lines.
    expectOk(await api.patch(`/v1/accounting/accounts/${a.id}`, { archived: true }));
    const onArchived = await api.post('/v1/accounting/journal-entries', { lines: [{ account_id: a.id, debit_cents: 1 }, { account_id: b.id, credit_cents: 1 }] });
    expect(onArchived.status).toBe(422);
    expect(onArchived.body.error.details[0]).toMatchObject({ field: 'lines.0.account_id', error: 'account_archived' });
    expect((await api.patch(`/v1/accounting/accounts/${a.id}`, { type: 'asset' })).status).toBe(409);
    expect(tbZero(await trialBalance(api))).toBe(true);
  });
});

const tbZero = (tb: any) => tb.balance_cents === 0 && tb.total_debit_cents === tb.total_credit_cents;

describe('invoices and payments post to the books when accounting is on', () => {
  it('balanced books after invoices, payments and a void; nothing posted twice; nothing while off', async () => {
    const k = h.api(await h.key({ workspace: 'shop' }));
    // Off: no entries.
    const before = expectOk(await k.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'service', name: 'Early', unit_amount_cents: 1234 }] }), 201).data;
    expect(expectOk(await k.get('/v1/accounting/journal-entries')).data).toEqual([]);
    expect(expectOk(await k.get('/v1/workspace')).data.accounting_enabled).toBe(false);
    expect(expectOk(await k.patch('/v1/workspace', { accounting_enabled: true })).data.accounting_enabled).toBe(true);

    // The seed's own revenue account is adopted as the revenue default.
    const services = await account(k, '4000', 'Services revenue', 'revenue');
    const inv = expectOk(await k.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'service', name: 'Build', quantity: 2, unit_amount_cents: 5000 }] }), 201).data;
    const draft = expectOk(await k.post('/v1/invoices', { line_items: [{ kind: 'service', name: 'Later', unit_amount_cents: 3000 }] }), 201).data;
    expect(expectOk(await k.get(`/v1/accounting/journal-entries?source_id=${draft.id}`)).data).toEqual([]);
    expectOk(await k.patch(`/v1/invoices/${draft.id}`, { status: 'sent' }));
    const p1 = expectOk(await k.post('/v1/payments', { invoice_id: inv.id, amount_cents: 4000, reference: 'ch_1' }, { 'idempotency-key': 'pay-1' }), 201).data;
    // A replayed payment posts nothing again.
    const replay = await k.post('/v1/payments', { invoice_id: inv.id, amount_cents: 4000, reference: 'ch_1' }, { 'idempotency-key': 'pay-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expectOk(await k.post('/v1/payments', { invoice_id: inv.id, amount_cents: 6000 }), 201);
    const voided = expectOk(await k.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'fee', name: 'Mistake', unit_amount_cents: 999 }] }), 201).data;
    expectOk(await k.patch(`/v1/invoices/${voided.id}`, { status: 'void' }));
    // A payment on the invoice issued before accounting was on still posts (cash in, receivable out).
    expectOk(await k.post('/v1/payments', { invoice_id: before.id, amount_cents: 1234 }), 201);

    const issued = expectOk(await k.get(`/v1/accounting/journal-entries?source_id=${inv.id}`)).data;
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ status: 'posted', total_cents: 10000, source: { type: 'invoice', id: inv.id } });
    expect(issued[0].lines).toMatchObject([{ account_code: '1100', debit_cents: 10000 }, { account_id: services.id, credit_cents: 10000 }]);
    const pay = expectOk(await k.get(`/v1/accounting/journal-entries?source_id=${p1.id}`)).data;
    expect(pay).toHaveLength(1);
    expect(pay[0].lines).toMatchObject([{ account_code: '1000', debit_cents: 4000 }, { account_code: '1100', credit_cents: 4000 }]);
    const voidEntries = expectOk(await k.get(`/v1/accounting/journal-entries?source_id=${voided.id}`)).data;
    expect(voidEntries).toHaveLength(2);
    expect(voidEntries.find((e: any) => e.reversal_of)).toBeTruthy();

    const tb = await trialBalance(k);
    expect(tbZero(tb)).toBe(true);
    expect(balanceOf(tb, '1000')).toBe(4000 + 6000 + 1234); // cash
    expect(balanceOf(tb, '1100')).toBe(3000 - 1234); // receivables: the open draft-then-sent invoice, less the early one paid
    expect(balanceOf(tb, '4000')).toBe(-(10000 + 3000)); // revenue is a credit balance
    const accounts = expectOk(await k.get('/v1/accounting/accounts')).data;
    expect(accounts.find((a: any) => a.code === '4000')).toMatchObject({ default_for: 'revenue', balance_cents: 13000 });
    expect(accounts.find((a: any) => a.code === '1100')).toMatchObject({ default_for: 'receivables', type: 'asset' });

    // The test-mode books are not the live ones.
    const live = h.api(await h.key({ workspace: 'shop', mode: 'live' }));
    expect((await trialBalance(live)).accounts).toEqual([]);
  });

  it('default_for routes postings to the account you choose (and checks its type)', async () => {
    const k = h.api(await h.key({ workspace: 'chosen' }));
    expectOk(await k.patch('/v1/workspace', { accounting_enabled: true }));
    const bank = await account(k, '1050', 'Checking', 'asset', { default_for: 'cash' });
    const wrong = await k.post('/v1/accounting/accounts', { code: '2100', name: 'Loan', type: 'liability', default_for: 'cash' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: 'default_for', error: 'wrong_account_type' });
    const inv = expectOk(await k.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'service', name: 'x', unit_amount_cents: 500 }] }), 201).data;
    const pay = expectOk(await k.post('/v1/payments', { invoice_id: inv.id, amount_cents: 500 }), 201).data;
    const entry = expectOk(await k.get(`/v1/accounting/journal-entries?source_id=${pay.id}`)).data[0];
    expect(entry.lines[0]).toMatchObject({ account_id: bank.id, debit_cents: 500 });
    expect(tbZero(await trialBalance(k))).toBe(true);
  });
});
