import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { chargeMinute, createCall, finalizeCall, markConnected, type CallServiceDeps } from '../../src/calls/call-service.js';
import { findCallById } from '../../src/calls/call-repository.js';
import type { Db } from '../../src/db/database.js';
import { post } from '../../src/credits/ledger.js';
import { readBalance, sumLedger } from '../../src/credits/ledger-repository.js';
import { renewDueNumbers, type NumbersDeps } from '../../src/numbers/number-service.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import { convertLead } from '../../src/crm/sales/leads/lead-convert.js';
import { claimDelivery } from '../../src/webhooks/webhook-repository.js';
import { issueTicket, redeemTicket } from '../../src/softphone/tickets.js';
import { reserveIdem } from '../../src/idempotency/idempotency-repository.js';
import { expectOk, fund } from '../helpers/harness.js';
import { onPostgres, race, startTwoNodes, type TwoNodes } from './two-nodes.js';

// What SQLite got right only because it has one writer, shown right on PostgreSQL with real
// concurrent transactions from two pools (two gateway nodes) on the same schema.

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value);
const rejected = (results: PromiseSettledResult<unknown>[]) => results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);

let nodes: TwoNodes | undefined;
afterEach(async () => {
  await nodes?.close();
  nodes = undefined;
});

async function setup(env: Record<string, string> = {}) {
  nodes = await startTwoNodes({ env });
  const { h } = nodes;
  const { key, workspaceId } = await h.keyWithId();
  const api = h.api(key);
  const dbs: [Db, Db] = [h.opened.db, nodes.b.opened.db];
  const callDeps = (node: 0 | 1): CallServiceDeps => ({ db: dbs[node], clock: h.clock, config: h.config, log });
  const scope = { workspaceId, mode: 'test' as const };
  return { h, b: nodes.b, key, api, dbs, callDeps, scope };
}

const events = (db: Db, type: string) => db.selectFrom('events').selectAll().where('type', '=', type).execute();

describe.skipIf(!onPostgres)('calls under concurrency (PostgreSQL)', () => {
  async function liveCall(s: Awaited<ReturnType<typeof setup>>) {
    const number = expectOk(await s.api.post('/v1/numbers', { system_prompt: 'You are a test agent.' }), 201).data;
    const row = (await findActiveByPhone(s.dbs[0], 'test', number.phone_number))!;
    const call = await createCall(s.callDeps(0), { number: row, direction: 'outbound', from: row.phone_number, to: '+14155550100', carrier: 'sim', carrierSid: null, status: 'queued' });
    return markConnected(s.callDeps(0), call);
  }

  it('two finalizes racing on two nodes: one call.ended, one transcript event, one refund', async () => {
    const s = await setup();
    await fund(s.api, 2000);
    const call = await liveCall(s);
    for (const n of [1, 2, 3]) expect(await chargeMinute(s.callDeps(0), call, n)).toBe(true);
    const before = await readBalance(s.dbs[0], s.scope);

    // 90 s of a 3-minute prepayment: 1 minute refunded, exactly once, whoever wins.
    const results = await race(8, (node) => finalizeCall(s.callDeps(node), call.id, { status: 'completed', durationSeconds: 90, source: 'carrier' }));
    expect(rejected(results)).toEqual([]);

    expect(await events(s.dbs[0], 'call.ended')).toHaveLength(1);
    expect(await events(s.dbs[0], 'call.transcript.ready')).toHaveLength(1);
    const refunds = await s.dbs[0].selectFrom('ledger_entries').selectAll().where('related_id', '=', call.id).where('kind', '=', 'refund').execute();
    expect(refunds.map((r) => r.amount_cents)).toEqual([s.h.config.prices.outboundMinuteCents]);
    const ended = (await findCallById(s.dbs[0], call.id))!;
    expect(ended).toMatchObject({ status: 'completed', minutes_charged: 2, duration_seconds: 90 });
    expect(await readBalance(s.dbs[0], s.scope)).toBe(before + s.h.config.prices.outboundMinuteCents);
    expect(await sumLedger(s.dbs[0], s.scope)).toBe(await readBalance(s.dbs[0], s.scope));
  });

  it('the same minute charged from both nodes at once is charged once', async () => {
    const s = await setup();
    await fund(s.api, 2000);
    const call = await liveCall(s);
    const results = await race(8, (node) => chargeMinute(s.callDeps(node), call, 1));
    expect(fulfilled(results)).toEqual(Array(8).fill(true));
    const charges = await s.dbs[0].selectFrom('ledger_entries').selectAll().where('related_id', '=', call.id).where('kind', '=', 'call_minutes').execute();
    expect(charges).toHaveLength(1);
    expect((await findCallById(s.dbs[0], call.id))!).toMatchObject({ minutes_charged: 1, cost_cents: s.h.config.prices.outboundMinuteCents });
  });
});

describe.skipIf(!onPostgres)('money under concurrency (PostgreSQL)', () => {
  it('the ledger is never overdrawn: of 24 racing debits only those the balance pays for land, and it sums to the balance', async () => {
    const s = await setup();
    await fund(s.api, 1000);
    const results = await race(24, (node, i) =>
      s.dbs[node].transaction().execute((trx) => post(trx, s.scope, { kind: 'adjustment', amountCents: -100, description: `debit ${i}` }, new Date())),
    );
    expect(fulfilled(results)).toHaveLength(10);
    expect(rejected(results).every((e) => (e as { code?: string }).code === 'insufficient_credits')).toBe(true);
    expect(await readBalance(s.dbs[0], s.scope)).toBe(0);
    expect(await sumLedger(s.dbs[1], s.scope)).toBe(0);
    const afters = (await s.dbs[0].selectFrom('ledger_entries').select('balance_after_cents').where('kind', '=', 'adjustment').execute()).map((r) => r.balance_after_cents);
    expect(afters.sort((a, b) => a - b)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('number renewals swept by two nodes at once charge each number once', async () => {
    const s = await setup();
    await fund(s.api, 5000);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push(expectOk(await s.api.post('/v1/numbers', { system_prompt: 'You are a test agent.' }), 201).data);
    const past = new Date(Date.now() - 1000).toISOString();
    await s.dbs[0].updateTable('numbers').set({ renews_at: past }).execute();
    const sim = new SimCarrier(async () => true);
    const numberDeps = (node: 0 | 1): NumbersDeps => ({ db: s.dbs[node], clock: s.h.clock, config: s.h.config, carrierFor: () => sim, log });

    const results = await race(6, (node) => renewDueNumbers(numberDeps(node)));
    expect(rejected(results)).toEqual([]);
    expect(fulfilled(results).reduce((n, r) => n + r.renewed, 0)).toBe(3);
    const fees = await s.dbs[0].selectFrom('ledger_entries').select('related_id').where('kind', '=', 'number_fee').execute();
    // One fee at provisioning and one at renewal per number.
    for (const n of numbers) expect(fees.filter((f) => f.related_id === n.id)).toHaveLength(2);
    expect(await events(s.dbs[0], 'number.renewed')).toHaveLength(3);
    expect(await sumLedger(s.dbs[0], s.scope)).toBe(await readBalance(s.dbs[0], s.scope));
  });

  it('credit purchases through both nodes at once all land; the balance is their sum', async () => {
    const s = await setup();
    const results = await race(12, (node) => (node === 0 ? s.api.post('/v1/credits/purchase', { amount_cents: 1000 }) : s.b.request('POST', '/v1/credits/purchase', s.key, { amount_cents: 1000 })));
    expect(fulfilled(results).map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(expectOk(await s.b.request('GET', '/v1/credits/balance', s.key)).data.balance_cents).toBe(12_000);
    expect(await sumLedger(s.dbs[0], s.scope)).toBe(12_000);
  });
});

describe.skipIf(!onPostgres)('single-use rows under concurrency (PostgreSQL)', () => {
  it('a lead converted through both nodes at once makes one contact and one lead.converted', async () => {
    const s = await setup();
    const lead = expectOk(await s.api.post('/v1/leads', { name: 'Ada Lovelace', email: 'ada@example.com', company_name: 'Analytical Engines' }), 201).data;
    const results = await race(8, (node) => convertLead({ db: s.dbs[node], clock: s.h.clock }, s.scope, lead.id, undefined, null));
    expect(rejected(results)).toEqual([]);
    const contactIds = new Set(fulfilled(results).map((l) => l.contact_id));
    expect(contactIds.size).toBe(1);
    expect([...contactIds][0]).toMatch(/^con_/);
    expect(await s.dbs[0].selectFrom('contacts').select('id').execute()).toHaveLength(1);
    expect(await events(s.dbs[0], 'lead.converted')).toHaveLength(1);
    expect(await events(s.dbs[0], 'contact.created')).toHaveLength(1);
  });

  it('a webhook delivery claimed by two nodes at once goes to one of them', async () => {
    const s = await setup();
    expectOk(await s.api.post('/v1/webhooks', { url: 'https://hooks.example.com/a', event_types: ['*'] }), 201);
    await fund(s.api, 1000); // credits.purchased: one pending delivery
    const [delivery] = await s.dbs[0].selectFrom('webhook_deliveries').selectAll().execute();
    const now = new Date(Date.now() + 1000).toISOString();
    const lease = new Date(Date.now() + 60_000).toISOString();
    const results = await race(8, (node) => claimDelivery(s.dbs[node], delivery!.id, now, lease));
    expect(fulfilled(results).filter(Boolean)).toHaveLength(1);
  });

  it('a softphone ticket redeemed on both nodes at once opens one socket', async () => {
    const s = await setup();
    const { id: keyId, workspaceId } = await s.h.keyWithId();
    const issued = await issueTicket({ db: s.dbs[0], clock: s.h.clock }, { keyId, workspaceId, to: '+14155550100', from: null });
    const results = await race(8, (node) => redeemTicket({ db: s.dbs[node], clock: s.h.clock }, issued.ticket));
    expect(fulfilled(results).filter((r) => r.ok)).toHaveLength(1);
  });

  it('an idempotency key reserved on both nodes at once is held by one request', async () => {
    const s = await setup();
    const at = new Date().toISOString();
    const row = { workspace_id: s.scope.workspaceId, mode: 'test' as const, method: 'POST', path: '/v1/leads', idem_key: 'k-1', fingerprint: 'f', state: 'in_progress' as const, response_status: null, response_body: null, created_at: at, expires_at: at };
    const results = await race(8, (node) => reserveIdem(s.dbs[node], row));
    expect(fulfilled(results).filter(Boolean)).toHaveLength(1);
  });

  it('the same Idempotency-Key sent to both nodes at once creates one lead', async () => {
    const s = await setup();
    const body = { name: 'Grace Hopper' };
    const headers = { 'idempotency-key': 'create-grace' };
    const results = await race(6, (node) => (node === 0 ? s.api.post('/v1/leads', body, headers) : s.b.request('POST', '/v1/leads', s.key, body, headers)));
    const statuses = fulfilled(results).map((r) => r.status);
    // The first creates; the others replay it or are told it is still in progress (409).
    expect(statuses.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((c) => c === 201 || c === 409)).toBe(true);
    const ids = new Set(fulfilled(results).filter((r) => r.status === 201).map((r) => r.body.data.id));
    expect(ids.size).toBe(1);
    expect(await s.dbs[0].selectFrom('leads').select('id').execute()).toHaveLength(1);
  });
});
