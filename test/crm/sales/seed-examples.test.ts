import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, type Harness } from '../../helpers/harness.js';

// Seed 003's sales operations, in order, with their example bodies: each answers with the
// documented status and shape (the seed's response example, with our ids in place of `lead_123`
// ...). `{name}` in a path or body is an id an earlier step saved.

interface Step {
  op: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  status: number;
  /** The seed's response example (`data`, or the first list item). */
  shape: Record<string, unknown>;
  list?: true;
  id?: RegExp;
  save?: Record<string, (data: any) => string>;
}

const STEPS: Step[] = [
  { op: 'createLead', method: 'POST', path: '/v1/leads', body: { name: 'Priya Shah', company_name: 'Northstar Studio', source: 'website' }, status: 201, shape: { name: 'Priya Shah', status: 'new' }, id: /^lead_[0-9A-Z]{26}$/, save: { lead_id: (d) => d.id } },
  { op: 'listLeads', method: 'GET', path: '/v1/leads', status: 200, list: true, shape: { id: '{lead_id}', name: 'Priya Shah' } },
  {
    op: 'convertLead', method: 'POST', path: '/v1/leads/{lead_id}/convert', body: { create_deal: true, deal_name: 'Website redesign' }, status: 200,
    shape: { id: '{lead_id}', status: 'converted' }, save: { company_id: (d) => d.company_id, contact_id: (d) => d.contact_id, converted_deal_id: (d) => d.deal_id },
  },
  { op: 'createDealStage', method: 'POST', path: '/v1/deal-stages', body: { key: 'discovery', name: 'Discovery', position: 10 }, status: 201, shape: { key: 'discovery' }, id: /^stage_[0-9A-Z]{26}$/ },
  { op: 'listDealStages', method: 'GET', path: '/v1/deal-stages', status: 200, list: true, shape: { key: 'discovery' }, id: /^stage_/ },
  {
    op: 'createDeal', method: 'POST', path: '/v1/deals', body: { name: 'Pilot subscription', company_id: '{company_id}', stage: 'qualified', amount_cents: 500000, currency: 'USD' }, status: 201,
    shape: { name: 'Pilot subscription', stage: 'qualified' }, id: /^deal_[0-9A-Z]{26}$/, save: { deal_id: (d) => d.id },
  },
  { op: 'updateDeal', method: 'PATCH', path: '/v1/deals/{deal_id}', body: { stage: 'proposal', amount_cents: 750000, currency: 'USD' }, status: 200, shape: { id: '{deal_id}', stage: 'proposal', amount_cents: 750000, currency: 'USD' } },
  {
    op: 'createInvoice', method: 'POST', path: '/v1/invoices', body: { invoice_number: 'INV-1001', line_items: [{ kind: 'service', name: 'Website redesign', unit_amount_cents: 500000 }] }, status: 201,
    shape: { invoice_number: 'INV-1001' }, id: /^inv_[0-9A-Z]{26}$/, save: { invoice_id: (d) => d.id },
  },
  { op: '(send the invoice)', method: 'PATCH', path: '/v1/invoices/{invoice_id}', body: { status: 'sent' }, status: 200, shape: { id: '{invoice_id}', status: 'sent' } },
  { op: 'listInvoices', method: 'GET', path: '/v1/invoices', status: 200, list: true, shape: { id: '{invoice_id}', status: 'sent' } },
  { op: 'recordPayment', method: 'POST', path: '/v1/payments', body: { invoice_id: '{invoice_id}', amount_cents: 250000 }, status: 201, shape: { amount_cents: 250000 }, id: /^pay_[0-9A-Z]{26}$/ },
];

let h: Harness;
let api: Api;
const saved: Record<string, string> = {};
const fill = (value: unknown): any => JSON.parse(JSON.stringify(value).replace(/\{([a-z_]+)\}/g, (_m, k: string) => saved[k] ?? `{${k}}`));

beforeAll(async () => {
  h = await createHarness();
  api = h.api(await h.key());
});
afterAll(async () => h.close());

describe('seed 003 sales operations answer with the documented shapes', () => {
  it.each(STEPS.map((s) => [s.op, s] as const))('%s', async (_op, step) => {
    const path = fill(step.path) as string;
    const res =
      step.method === 'GET' ? await api.get(path) : step.method === 'POST' ? await api.post(path, fill(step.body)) : await api.patch(path, fill(step.body));
    expect(res.status, res.text).toBe(step.status);
    expect(res.body.request_id).toMatch(/^req_/);
    expect(res.headers['x-request-id']).toBe(res.body.request_id);
    let data = res.body.data;
    if (step.list) {
      expect(Object.keys(res.body).sort()).toEqual(['data', 'next_cursor', 'request_id']);
      expect(res.body.next_cursor).toBeNull();
      expect(Array.isArray(data)).toBe(true);
      data = data.find((item: any) => Object.entries(fill(step.shape)).every(([k, v]) => item[k] === v));
      expect(data, `no item like ${JSON.stringify(step.shape)}`).toBeDefined();
    } else {
      expect(Object.keys(res.body).sort()).toEqual(['data', 'request_id']);
    }
    expect(data).toMatchObject(fill(step.shape));
    if (step.id) expect(data.id).toMatch(step.id);
    for (const [k, pick] of Object.entries(step.save ?? {})) saved[k] = pick(data);
  });

  it('left the records the steps imply', async () => {
    const lead = (await api.get(`/v1/leads/${saved.lead_id}`)).body.data;
    expect(lead).toMatchObject({ status: 'converted', company_id: expect.stringMatching(/^com_/), contact_id: expect.stringMatching(/^con_/), deal_id: expect.stringMatching(/^deal_/) });
    const converted = (await api.get(`/v1/deals/${saved.converted_deal_id}`)).body.data;
    expect(converted).toMatchObject({ name: 'Website redesign', stage: 'lead', company_id: saved.company_id, contact_id: saved.contact_id, lead_id: saved.lead_id });
    const invoice = (await api.get(`/v1/invoices/${saved.invoice_id}`)).body.data;
    expect(invoice).toMatchObject({ status: 'partially_paid', total_cents: 500000, amount_paid_cents: 250000, amount_due_cents: 250000 });
    expect(invoice.line_items).toEqual([{ id: expect.stringMatching(/^li_/), kind: 'service', name: 'Website redesign', quantity: 1, unit_amount_cents: 500000, amount_cents: 500000 }]);
  });
});
