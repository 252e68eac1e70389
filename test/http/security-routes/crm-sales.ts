import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the crm-sales routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/leads': { body: { name: 'Priya Shah', company_name: 'Northstar Studio', source: 'website' } },
    'GET /v1/leads': {},
    'GET /v1/leads/:id': { owns: 'lead' },
    'PATCH /v1/leads/:id': { owns: 'lead', body: { status: 'working' } },
    'DELETE /v1/leads/:id': { owns: 'lead' },
    'POST /v1/leads/:id/convert': { owns: 'lead_to_convert', body: { create_deal: true, deal_name: 'Website redesign' } },
    'POST /v1/deal-stages': { body: { key: 'discovery', name: 'Discovery', position: 10 } },
    'GET /v1/deal-stages': {},
    'GET /v1/deal-stages/:id': { owns: 'stage' },
    'PATCH /v1/deal-stages/:id': { owns: 'stage', body: { name: 'Renamed', probability: 40 } },
    'DELETE /v1/deal-stages/:id': { owns: 'stage' },
    'POST /v1/deals': { body: { name: 'Pilot subscription', stage: 'qualified', amount_cents: 500000, currency: 'USD' } },
    'GET /v1/deals': {},
    'GET /v1/deals/:id': { owns: 'deal' },
    'PATCH /v1/deals/:id': { owns: 'deal', body: { stage: 'proposal', amount_cents: 750000, currency: 'USD' } },
    'DELETE /v1/deals/:id': { owns: 'deal' },
    'POST /v1/invoices': { body: { invoice_number: 'INV-1001', line_items: [{ kind: 'service', name: 'Website redesign', unit_amount_cents: 500000 }] } },
    'GET /v1/invoices': {},
    'GET /v1/invoices/:id': { owns: 'invoice' },
    'PATCH /v1/invoices/:id': { owns: 'invoice', body: { notes: 'Thanks for your business' } },
    'DELETE /v1/invoices/:id': { owns: 'invoice' },
    'POST /v1/payments': { body: { invoice_id: 'inv_00000000000000000000000000', amount_cents: 250000 } },
    'GET /v1/payments': {},
    'GET /v1/payments/:id': { owns: 'payment' },
  },
  async own(api, owned) {
    owned.lead = expectOk(await api.post('/v1/leads', { name: 'Owner lead', phone: '+14155550100' }), 201).data.id;
    owned.lead_to_convert = expectOk(await api.post('/v1/leads', { name: 'Lead to convert', company_name: 'Owner Co' }), 201).data.id;
    owned.stage = expectOk(await api.post('/v1/deal-stages', { key: 'owner_stage', name: 'Owner stage', position: 5 }), 201).data.id;
    owned.deal = expectOk(await api.post('/v1/deals', { name: 'Owner deal', stage: 'owner_stage', amount_cents: 1000 }), 201).data.id;
    const invoice = expectOk(await api.post('/v1/invoices', { status: 'sent', line_items: [{ kind: 'service', name: 'Setup', unit_amount_cents: 10000 }] }), 201).data;
    owned.invoice = invoice.id;
    owned.payment = expectOk(await api.post('/v1/payments', { invoice_id: invoice.id, amount_cents: 2500 }), 201).data.id;
  },
};
