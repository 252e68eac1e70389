import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the support routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/support/queues': { body: { key: 'security', name: 'Security queue', first_response_target_minutes: 60 } },
    'GET /v1/support/queues': {},
    'GET /v1/support/queues/:id': { owns: 'queue' },
    'PATCH /v1/support/queues/:id': { owns: 'queue', body: { name: 'Renamed queue' } },
    'DELETE /v1/support/queues/:id': { owns: 'queue' },
    'POST /v1/support/tickets': { body: { subject: 'Customer cannot download invoice', priority: 'urgent', category: 'billing' } },
    'GET /v1/support/tickets': {},
    'GET /v1/support/tickets/:id': { owns: 'ticket' },
    'PATCH /v1/support/tickets/:id': { owns: 'ticket', body: { status: 'open' } },
    'DELETE /v1/support/tickets/:id': { owns: 'ticket' },
    'GET /v1/support/tickets/:id/messages': { owns: 'ticket' },
    'POST /v1/support/tickets/:id/messages': { owns: 'ticket', body: { direction: 'inbound', channel: 'email', body: 'I still cannot access the invoice.' } },
    'GET /v1/support/tickets/:id/comments': { owns: 'ticket' },
    'POST /v1/support/tickets/:id/comments': { owns: 'ticket', body: { body: 'Finance is checking the invoice export.', pinned: true } },
    'PATCH /v1/support/tickets/:id/comments/:comment_id': { owns: 'ticket', params: { comment_id: 'ticket_comment' }, body: { pinned: false } },
    'DELETE /v1/support/tickets/:id/comments/:comment_id': { owns: 'ticket', params: { comment_id: 'ticket_comment' } },
  },
  async own(api, owned) {
    owned.queue = expectOk(await api.post('/v1/support/queues', { key: 'owner-priority', name: 'Priority Support', first_response_target_minutes: 120 }), 201).data.id;
    owned.ticket = expectOk(await api.post('/v1/support/tickets', { subject: 'Owner ticket', queue_id: owned.queue }), 201).data.id;
    owned.ticket_comment = expectOk(await api.post(`/v1/support/tickets/${owned.ticket}/comments`, { body: 'Owner note' }), 201).data.id;
  },
};
