import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for assets, integrations, analytics governance and BI (see ../security.test.ts).
const query = { dataset: 'calls', measures: [{ agg: 'count' }] };

export const group: RouteGroup = {
  routes: {
    'GET /v1/assets': {},
    'POST /v1/assets': { body: { asset_type: 'image', file_name: 'acme-hero.png', mime_type: 'image/png' } },
    'GET /v1/assets/:id': { owns: 'asset' },
    'DELETE /v1/assets/:id': { owns: 'asset' },
    'POST /v1/assets/:id/complete': { owns: 'asset', body: { byte_size: 2048, checksum_sha256: 'abc' } },

    'GET /v1/integrations/events': {},
    'POST /v1/integrations/events': { body: { key: 'external.publish.completed', category: 'publishing', description: 'External publishing workflow completed.' } },
    'POST /v1/integrations/events/:key/emit': { owns: 'external_key', params: { key: 'external_key' }, body: { data: { ok: true } } },

    'GET /v1/analytics/events': {},
    'POST /v1/analytics/events': { body: { name: 'first_contact_created', owner: 'growth', properties: ['workspace_id'] } },
    'GET /v1/analytics/properties': {},
    'POST /v1/analytics/properties': { body: { key: 'workspace_id', type: 'string', required: true } },
    'POST /v1/analytics/events/validate': { body: { name: 'security_event', properties: {} } },

    'GET /v1/bi/datasets': {},
    'POST /v1/bi/datasets': { body: { key: 'inbound_calls', name: 'Inbound calls', source: 'calls', filters: [{ field: 'direction', op: 'eq', value: 'inbound' }] } },
    'GET /v1/bi/metrics': {},
    'POST /v1/bi/metrics': { body: { name: 'Calls', dataset: 'calls', measure: { agg: 'count' } } },
    'GET /v1/bi/reports': {},
    'POST /v1/bi/reports': { body: { name: 'Calls by status', query: { ...query, dimensions: ['status'] } } },
    'GET /v1/bi/dashboards': {},
    'POST /v1/bi/dashboards': { body: { name: 'Voice' } },
    'POST /v1/bi/queries/run': { body: { query } },
    'GET /v1/bi/exports': {},
    'POST /v1/bi/exports': { body: { format: 'csv', query } },
    'GET /v1/bi/exports/:id': { owns: 'bi_export' },
    'GET /v1/bi/scheduled-artifacts': {},
    'POST /v1/bi/scheduled-artifacts': { body: { name: 'Hourly calls', artifact_type: 'export', export: { query }, every_minutes: 60 } },
    'GET /v1/bi/:collection/:id': { owns: 'bi_artifact', params: { collection: 'bi_collection' } },
    'PATCH /v1/bi/:collection/:id': { owns: 'bi_artifact', params: { collection: 'bi_collection' }, body: { name: 'Renamed' } },
    'DELETE /v1/bi/:collection/:id': { owns: 'bi_artifact', params: { collection: 'bi_collection' } },
  },
  async own(api, owned) {
    owned.asset = expectOk(await api.post('/v1/assets', { asset_type: 'document', file_name: 'owner.pdf', mime_type: 'application/pdf' }), 201).data.id;
    owned.external_key = expectOk(await api.post('/v1/integrations/events', { key: 'external.security.owner', category: 'security' }), 201).data.key;
    expectOk(await api.post('/v1/analytics/events', { name: 'security_event' }), 201);
    owned.bi_export = expectOk(await api.post('/v1/bi/exports', { format: 'json', query }), 202).data.id;
    // Its collection name doubles as an `owned` value: it must not appear in strangers' lists.
    owned.bi_collection = 'scheduled-artifacts';
    owned.bi_artifact = expectOk(await api.post('/v1/bi/scheduled-artifacts', { name: 'Owner schedule', artifact_type: 'export', export: { query }, every_minutes: 60 }), 201).data.id;
  },
};
