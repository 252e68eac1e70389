import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import type { paths } from '../generated/agentline-api.js';
import { createHarness, type Harness } from '../helpers/harness.js';

// The README quickstart through a client generated from the served document
// (openapi-typescript types + openapi-fetch) against a real listening gateway: if an operation,
// a field or a parameter is missing from the document, this does not typecheck or fails here.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a client generated from the OpenAPI document', () => {
  it('runs the quickstart: buy credits, provision a number, read ledger and balance, release it', async () => {
    h = await createHarness();
    const key = await h.key({ workspace: 'quickstart' });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}`, headers: { Authorization: `Bearer ${key}` } });

    // 1. Buy credits, with an Idempotency-Key; the retry replays and charges nothing more.
    const purchase = await client.POST('/v1/credits/purchase', {
      params: { header: { 'Idempotency-Key': 'first-purchase' } },
      body: { amount_cents: 1000 },
    });
    expect(purchase.response.status).toBe(201);
    expect(purchase.data?.data.amount_cents).toBe(1000);
    expect(purchase.response.headers.get('x-request-id')).toBe(purchase.data?.request_id);
    const retry = await client.POST('/v1/credits/purchase', {
      params: { header: { 'Idempotency-Key': 'first-purchase' } },
      body: { amount_cents: 1000 },
    });
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data?.data.id).toBe(purchase.data?.data.id);

    // 2. Provision a managed number.
    const created = await client.POST('/v1/numbers', {
      body: { system_prompt: 'You are a helpful sales assistant for Acme Corp.', first_message: 'Hello, how can I help you?', area_code: '415' },
    });
    expect(created.error).toBeUndefined();
    const number = created.data!.data;
    expect(number.id).toMatch(/^num_/);
    expect(number.phone_number).toMatch(/^\+1415/);

    // 3. The ledger adds up: +1000 purchase, -500 number fee, balance 500.
    const ledger = await client.GET('/v1/credits/ledger', { params: { query: { limit: 10 } } });
    expect(ledger.data?.data.map((e) => [e.kind, e.amount_cents])).toEqual([
      ['number_fee', -500],
      ['purchase', 1000],
    ]);
    const balance = await client.GET('/v1/credits/balance');
    expect(balance.data?.data.balance_cents).toBe(500);

    // 4. Release the number; reading it shows it released.
    const released = await client.DELETE('/v1/numbers/{id}', { params: { path: { id: number.id } } });
    expect(released.error).toBeUndefined();
    expect(released.response.ok).toBe(true);
    const after = await client.GET('/v1/numbers/{id}', { params: { path: { id: number.id } } });
    expect(after.data?.data.status).toBe('released');

    // Errors come back typed as the Error envelope.
    const missing = await client.GET('/v1/numbers/{id}', { params: { path: { id: 'num_doesnotexist' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('not_found');
  });
});
