import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the tasks routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/tasks': { body: { title: 'Follow up with Jane Doe', due_at: '2026-06-01T09:00:00.000Z' } },
    'GET /v1/tasks': {},
    'GET /v1/tasks/:id': { owns: 'task' },
    'PATCH /v1/tasks/:id': { owns: 'task', body: { status: 'completed', completed_note: 'Jane confirmed the next call.' } },
    'DELETE /v1/tasks/:id': { owns: 'task' },
  },
  async own(api, owned) {
    owned.task = expectOk(await api.post('/v1/tasks', { title: 'Owner task' }), 201).data.id;
  },
};
