import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for agents, the identity and usage (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/agents': { body: { name: 'Front Desk', config: { system_prompt: 'You help.' } } },
    'GET /v1/agents': {},
    'GET /v1/agents/:id': { owns: 'agent' },
    'PATCH /v1/agents/:id': { owns: 'agent', body: { name: 'Renamed' } },
    'GET /v1/identity': {},
    'PATCH /v1/identity': { body: { profile: { tagline: 'Your trusted partner' } } },
    'POST /v1/usage/track': { body: { type: 'token_usage', prompt_tokens: 100, completion_tokens: 50, total_tokens: 150, model: 'gpt-4' } },
    'GET /v1/usage/stats': {},
  },
  async own(api, owned) {
    owned.agent = expectOk(await api.post('/v1/agents', { name: 'Owner agent', config: { system_prompt: 'Owner.' } }), 201).data.id;
  },
};
