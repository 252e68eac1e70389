import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the crm-people routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'GET /v1/workspace': {},
    'PATCH /v1/workspace': { body: { default_region: 'US' } },
    'POST /v1/contacts': { body: { name: 'Jane Doe', email: 'jane@acme.com', company_name: 'Acme Corp' } },
    'GET /v1/contacts': {},
    'GET /v1/contacts/:id': { owns: 'contact' },
    'PATCH /v1/contacts/:id': { owns: 'contact', body: { title: 'CTO' } },
    'DELETE /v1/contacts/:id': { owns: 'contact' },
    'GET /v1/contacts/:id/timeline': { owns: 'contact' },
    'POST /v1/companies': { body: { name: 'Acme Corp', domain: 'acme.com' } },
    'GET /v1/companies': {},
    'GET /v1/companies/:id': { owns: 'company' },
    'PATCH /v1/companies/:id': { owns: 'company', body: { website: 'https://acme.com' } },
    'DELETE /v1/companies/:id': { owns: 'company' },
    'POST /v1/activities': { body: { type: 'note', summary: 'Jane asked for pricing details' } },
    'GET /v1/activities': {},
    'GET /v1/activities/:id': { owns: 'activity' },
  },
  async own(api, owned) {
    owned.company = expectOk(await api.post('/v1/companies', { name: 'Owner Co', domain: 'owner.example' }), 201).data.id;
    owned.contact = expectOk(await api.post('/v1/contacts', { name: 'Owner Contact', company_id: owned.company, phones: ['+14155550100'] }), 201).data.id;
    owned.activity = expectOk(
      await api.post('/v1/activities', { type: 'note', summary: 'Owner note', related_resource_type: 'contact', related_resource_id: owned.contact }),
      201,
    ).data.id;
  },
};
