import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../../helpers/harness.js';
import { type People, peopleHarness } from './people-helpers.js';

// Every seed-003 operation of the people group, with the seed's example body, answers with the
// seed's example shape (ids and request ids are ours, so they are matched by pattern).

let p: People;
let contactId: string;
beforeAll(async () => {
  p = await peopleHarness();
  contactId = expectOk(await p.api.post('/v1/contacts', { name: 'Seed Contact' }), 201).data.id;
});
afterAll(async () => p.h.close());

interface SeedCase {
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  body?: () => Record<string, unknown>;
  status: number;
  /** The seed's response example, `data` part (ids replaced by patterns). */
  data: unknown;
  list?: boolean;
}

const CASES: SeedCase[] = [
  {
    operation: 'getWorkspace',
    method: 'GET',
    path: '/v1/workspace',
    status: 200,
    data: { id: expect.stringMatching(/^ws_/), name: 'acme', enabled_modules: ['activity_log', 'tasks', 'crm', 'support', 'cms', 'assets', 'integrations', 'analytics_governance', 'bi'] },
  },
  {
    operation: 'createContact',
    method: 'POST',
    path: '/v1/contacts',
    body: () => ({ name: 'Jane Doe', email: 'jane@acme.com', company_name: 'Acme Corp' }),
    status: 201,
    data: { id: expect.stringMatching(/^con_[0-9A-Z]{26}$/), name: 'Jane Doe', email: 'jane@acme.com', company_name: 'Acme Corp' },
  },
  {
    operation: 'listContacts',
    method: 'GET',
    path: '/v1/contacts?query=jane&limit=10',
    status: 200,
    list: true,
    data: [{ id: expect.stringMatching(/^con_/), name: 'Jane Doe', email: 'jane@acme.com' }],
  },
  {
    operation: 'createCompany',
    method: 'POST',
    path: '/v1/companies',
    body: () => ({ name: 'Acme Corp', domain: 'acme.com' }),
    status: 201,
    data: { id: expect.stringMatching(/^com_[0-9A-Z]{26}$/), name: 'Acme Corp', domain: 'acme.com' },
  },
  {
    operation: 'listCompanies',
    method: 'GET',
    path: '/v1/companies?query=acme',
    status: 200,
    list: true,
    data: [{ id: expect.stringMatching(/^com_/), name: 'Acme Corp', domain: 'acme.com' }],
  },
  {
    operation: 'createActivity',
    method: 'POST',
    path: '/v1/activities',
    body: () => ({ type: 'email', summary: 'Jane asked for pricing details', related_resource_type: 'contact', related_resource_id: contactId }),
    status: 201,
    data: { id: expect.stringMatching(/^act_[0-9A-Z]{26}$/), type: 'email', summary: 'Jane asked for pricing details' },
  },
  {
    operation: 'listActivities',
    method: 'GET',
    path: '/v1/activities?query=pricing&type=email',
    status: 200,
    list: true,
    data: [{ id: expect.stringMatching(/^act_/), summary: 'Jane asked for pricing details' }],
  },
];

describe('seed 003 examples (people)', () => {
  it.each(CASES)('$operation: $method $path', async (c) => {
    const res = c.method === 'GET' ? await p.api.get(c.path) : await p.api.post(c.path, c.body!());
    expect(res.status, res.text).toBe(c.status);
    expect(res.body.request_id).toMatch(/^req_/);
    expect(res.body.data).toMatchObject(c.data as object);
    if (c.list) {
      expect(res.body).toHaveProperty('next_cursor', null);
      expect(res.body.data).toHaveLength((c.data as unknown[]).length);
    } else {
      expect(res.body).not.toHaveProperty('next_cursor');
    }
  });
});

describe('OpenAPI', () => {
  it('documents every people route with its scope', async () => {
    const doc = expectOk(await p.h.api(null).get('/v1/openapi.json'));
    const paths = doc.paths as Record<string, Record<string, { description?: string }>>;
    for (const [path, methods] of Object.entries({
      '/v1/workspace': ['get', 'patch'],
      '/v1/contacts': ['get', 'post'],
      '/v1/contacts/{id}': ['get', 'patch', 'delete'],
      '/v1/contacts/{id}/timeline': ['get'],
      '/v1/companies': ['get', 'post'],
      '/v1/companies/{id}': ['get', 'patch', 'delete'],
      '/v1/activities': ['get', 'post'],
      '/v1/activities/{id}': ['get'],
    })) {
      expect(Object.keys(paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
      for (const m of methods) expect(paths[path]![m]!.description, `${m} ${path}`).toMatch(/Requires scope `(any|crm:(read|write)|activity:(read|write))`/);
    }
  });
});
