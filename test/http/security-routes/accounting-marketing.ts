import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the accounting and marketing routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/accounting/accounts': { body: { code: '4000', name: 'Services revenue', type: 'revenue' } },
    'GET /v1/accounting/accounts': {},
    'GET /v1/accounting/accounts/:id': { owns: 'account' },
    'PATCH /v1/accounting/accounts/:id': { owns: 'account', body: { name: 'Renamed' } },
    'POST /v1/accounting/journal-entries': { body: { status: 'posted', lines: [{ account_id: 'acct_00000000000000000000000000', debit_cents: 10000 }, { account_id: 'acct_00000000000000000000000001', credit_cents: 10000 }] } },
    'GET /v1/accounting/journal-entries': {},
    'GET /v1/accounting/journal-entries/:id': { owns: 'journal_entry' },
    'PATCH /v1/accounting/journal-entries/:id': { owns: 'journal_entry', body: { memo: 'Edited' } },
    'DELETE /v1/accounting/journal-entries/:id': { owns: 'journal_entry' },
    'POST /v1/accounting/journal-entries/:id/reverse': { owns: 'journal_entry', body: {} },
    'GET /v1/accounting/trial-balance': {},
    'POST /v1/marketing/campaigns': { body: { key: 'slab5_beta_launch', name: 'Slab5 beta launch', channel: 'website' } },
    'GET /v1/marketing/campaigns': {},
    'GET /v1/marketing/campaigns/:id': { owns: 'campaign' },
    'PATCH /v1/marketing/campaigns/:id': { owns: 'campaign', body: { name: 'Renamed' } },
    'POST /v1/marketing/campaigns/:id/send': { owns: 'campaign' },
    'GET /v1/marketing/campaigns/:id/recipients': { owns: 'campaign' },
    'POST /v1/marketing/posts': { body: { channel: 'linkedin', title: 'Beta launch', body: 'We are opening Slab5 private beta.' } },
    'GET /v1/marketing/posts': {},
    'GET /v1/marketing/posts/:id': { owns: 'marketing_post' },
    'PATCH /v1/marketing/posts/:id': { owns: 'marketing_post', body: { title: 'Renamed' } },
    'DELETE /v1/marketing/posts/:id': { owns: 'marketing_post' },
  },
  async own(api, owned) {
    const cash = expectOk(await api.post('/v1/accounting/accounts', { code: '1000', name: 'Cash', type: 'asset' }), 201).data;
    const rev = expectOk(await api.post('/v1/accounting/accounts', { code: '4100', name: 'Owner revenue', type: 'revenue' }), 201).data;
    owned.account = cash.id;
    owned.journal_entry = expectOk(await api.post('/v1/accounting/journal-entries', { status: 'posted', lines: [{ account_id: cash.id, debit_cents: 100 }, { account_id: rev.id, credit_cents: 100 }] }), 201).data.id;
    const contact = expectOk(await api.post('/v1/contacts', { name: 'Campaign target', phones: ['+14155550199'] }), 201).data;
    owned.campaign = expectOk(
      await api.post('/v1/marketing/campaigns', { key: 'owner_sms', name: 'Owner SMS', channel: 'sms', body_template: 'Hi {{first_name}}', from_number_id: owned.number, audience: { contact_ids: [contact.id] } }),
      201,
    ).data.id;
    owned.marketing_post = expectOk(await api.post('/v1/marketing/posts', { channel: 'linkedin', body: 'Owner post' }), 201).data.id;
  },
};
