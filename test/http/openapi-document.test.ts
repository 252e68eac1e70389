import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATIONS, TAGS } from '../../src/http/openapi-operations.js';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.js';
import { buildOpenApiDocument } from '../../scripts/openapi-document.js';
import { createHarness, type Harness } from '../helpers/harness.js';

// What a client generator and a linter see in GET /v1/openapi.json: every operation named and
// grouped, named component schemas, the shared headers and errors, and a server a browser at
// the same origin can call.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

const operationsOf = (doc: Json) =>
  Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m, op: item[m] as Json })),
  );

async function served(host = '127.0.0.1:3000'): Promise<Json> {
  h = await createHarness();
  const res = await h.request({ method: 'GET', url: '/v1/openapi.json', headers: { host } });
  expect(res.status).toBe(200);
  return res.body;
}

describe('OpenAPI document', () => {
  it('names every operation from one table: no /v1 operation without an operationId, no entry without its route', async () => {
    const doc = await served();
    const ops = operationsOf(doc);
    const documented = ops.map((o) => o.key).sort();
    expect(documented.filter((k) => !OPERATIONS[k]), 'operations missing from src/http/openapi-operations.ts').toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !documented.includes(k)), 'entries in src/http/openapi-operations.ts with no route').toEqual([]);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][a-zA-Z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/workspace'].get.operationId).toBe('getWorkspace');
    expect(doc.paths['/v1/leads/{id}/convert'].post.operationId).toBe('convertLead');
    expect(doc.paths['/v1/calls/{id}/hangup'].post.operationId).toBe('hangupCall');
    expect(doc.paths['/v1/numbers'].post.operationId).toBe('createNumber');
  });

  it('declares every tag it uses, each with a description', async () => {
    const doc = await served();
    const declared = new Map<string, string>(doc.tags.map((t: Json) => [t.name, t.description]));
    for (const { key, op } of operationsOf(doc)) {
      expect(op.tags, key).toHaveLength(1);
      expect(declared.get(op.tags[0]), `${key} tag ${op.tags[0]}`).toBeTruthy();
    }
    expect([...declared.keys()].sort()).toEqual(Object.keys(TAGS).sort());
  });

  it('names component schemas after the resources, never def-N', async () => {
    const doc = await served();
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['Number', 'Call', 'Sms', 'LedgerEntry', 'Balance', 'Error', 'Webhook', 'Contact', 'Lead']));
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/#\/components\/schemas\/def-\d+/);
    const created = doc.paths['/v1/numbers'].post.responses['201'].content['application/json'].schema;
    expect(created.properties.data).toEqual({ $ref: '#/components/schemas/Number' });
  });

  it('documents Idempotency-Key on every POST and PATCH, and the headers every response carries', async () => {
    const doc = await served();
    for (const { key, method, op } of operationsOf(doc)) {
      const params = (op.parameters ?? []).map((p: Json) => p.$ref ?? p.name);
      const writes = method === 'post' || method === 'patch';
      expect(params.includes('#/components/parameters/IdempotencyKey'), key).toBe(writes);
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        const resolved = response.$ref ? doc.components.responses[response.$ref.split('/').pop()] : response;
        expect(Object.keys(resolved.headers ?? {}), `${key} ${status}`).toEqual(
          expect.arrayContaining(['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
        );
        if (status.startsWith('2') && writes) expect(Object.keys(resolved.headers), `${key} ${status}`).toContain('Idempotent-Replayed');
      }
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    expect(Object.keys(doc.components.responses.RateLimited.headers)).toContain('Retry-After');
  });

  it('lists 402 where an operation spends credits and 502/503 where it calls the carrier', async () => {
    const doc = await served();
    for (const path of ['/v1/numbers', '/v1/calls', '/v1/sms']) {
      expect(Object.keys(doc.paths[path].post.responses)).toEqual(expect.arrayContaining(['402', '502', '503']));
    }
    expect(Object.keys(doc.paths['/v1/numbers/{id}'].delete.responses)).toEqual(expect.arrayContaining(['502', '503']));
    expect(Object.keys(doc.paths['/v1/calls/{id}/hangup'].post.responses)).toContain('502');
    expect(doc.paths['/v1/credits/purchase'].post.responses['402']).toBeUndefined();
    expect(doc.paths['/v1/contacts'].get.responses['502']).toBeUndefined();
    expect(doc.components.responses.InsufficientCredits.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('declares the bearer scheme, a license and a contact', async () => {
    const doc = await served();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.info.license).toMatchObject({ name: 'Apache-2.0' });
    expect(doc.info.contact).toBeDefined();
  });

  it('serves a first server that is the origin the document was fetched from', async () => {
    h = await createHarness({ env: { PUBLIC_URL: 'https://gw.example.net' } });
    for (const url of ['/v1/openapi.json', '/docs/json']) {
      const viaLoopback = await h.request({ method: 'GET', url, headers: { host: '127.0.0.1:4010' } });
      expect(viaLoopback.body.servers.map((s: Json) => s.url), url).toEqual(['http://127.0.0.1:4010', 'https://gw.example.net']);
      const viaName = await h.request({ method: 'GET', url, headers: { host: 'localhost:4010' } });
      expect(viaName.body.servers[0].url, url).toBe('http://localhost:4010');
      // A Host that is not a host name is not echoed into the document.
      const odd = await h.request({ method: 'GET', url, headers: { host: 'evil"><script>' } });
      expect(odd.body.servers.map((s: Json) => s.url), url).toEqual(['https://gw.example.net']);
    }
  });

  it('has committed client types that match the document (npm run gen:api-types)', async () => {
    const fresh = await generateApiTypes(await buildOpenApiDocument());
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === fresh, `${API_TYPES_FILE} is stale: run npm run gen:api-types`).toBe(true);
  });
});
