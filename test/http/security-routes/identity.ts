import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for customers and install tokens (see ../security.test.ts). The exchange
// is public (the token is its credential) and is tested in test/auth/.
export const group: RouteGroup = {
  routes: {
    'POST /v1/identity/customers': { body: { contacts: [{ email: 'jane@acme.com', displayName: 'Jane Doe' }], company: 'Acme Corp', tags: ['lead'] } },
    'GET /v1/identity/customers': {},
    'GET /v1/identity/customers/by-contact/:guid': { owns: 'customer_contact', params: { guid: 'customer_contact' } },
    'GET /v1/identity/customers/:id': { owns: 'customer' },
    'GET /v1/identity/customers/:id/timeline': { owns: 'customer' },
    'PATCH /v1/identity/customers/:id': { owns: 'customer', body: { notes: 'Renewed' } },
    'DELETE /v1/identity/customers/:id': { owns: 'customer' },
    'POST /v1/identity/customers/:id/contacts': { owns: 'customer', body: { email: 'work@acme.com' } },
    'DELETE /v1/identity/customers/:id/contacts/:guid': { owns: 'customer', params: { guid: 'customer_contact' } },
    'POST /v1/auth/install-token': {},
  },
  async own(api, owned) {
    const customer = expectOk(await api.post('/v1/identity/customers', { contacts: [{ email: 'owner@owner.example' }, { email: 'owner2@owner.example' }] }), 201).data;
    owned.customer = customer.id;
    owned.customer_contact = customer.contacts[0].guid;
  },
};
