import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { expectOk } from '../helpers/harness.js';
import { type Ctx, eventsOf, ids, setup } from './fixtures.js';

const MIN = 60_000;
const T0 = '2026-03-02T09:00:00.000Z';
const plus = (minutes: number) => new Date(Date.parse(T0) + minutes * MIN).toISOString();

let ctx: Ctx;
let clock: ManualClock;
afterEach(async () => ctx?.h.close());

async function start(): Promise<{ fast: string; slow: string }> {
  clock = new ManualClock(T0);
  ctx = await setup({ clock });
  const fast = expectOk(await ctx.api.post('/v1/support/queues', { key: 'fast', name: 'Fast', first_response_target_minutes: 30 }), 201).data.id;
  const slow = expectOk(await ctx.api.post('/v1/support/queues', { key: 'slow', name: 'Slow', first_response_target_minutes: 120 }), 201).data.id;
  return { fast, slow };
}

const get = async (id: string) => expectOk(await ctx.api.get(`/v1/support/tickets/${id}`)).data;
const breachedIds = async (flag: boolean) => ids(expectOk(await ctx.api.get(`/v1/support/tickets?breached=${flag}`)));

describe('first response due and breach', () => {
  it('is due target minutes after creation and breached once the clock passes it', async () => {
    const { slow } = await start();
    const t = expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Help', queue_id: slow }), 201).data;
    expect(t).toMatchObject({ created_at: T0, first_response_due_at: plus(120), first_responded_at: null, first_response_breached: false });

    clock.advance(119 * MIN);
    expect((await get(t.id)).first_response_breached).toBe(false);
    expect(await breachedIds(true)).toEqual([]);
    // An inbound message is not a response.
    expectOk(await ctx.api.post(`/v1/support/tickets/${t.id}/messages`, { direction: 'inbound', body: 'Anyone?' }), 201);
    clock.advance(2 * MIN);
    expect(await get(t.id)).toMatchObject({ first_responded_at: null, first_response_breached: true });
    expect(await breachedIds(true)).toEqual([t.id]);
    expect(await breachedIds(false)).toEqual([]);

    // Answering late keeps it breached, and the response time is recorded once.
    expectOk(await ctx.api.post(`/v1/support/tickets/${t.id}/messages`, { direction: 'outbound', channel: 'email', body: 'Sorry for the wait' }), 201);
    clock.advance(5 * MIN);
    expectOk(await ctx.api.post(`/v1/support/tickets/${t.id}/messages`, { direction: 'outbound', body: 'Following up' }), 201);
    expect(await get(t.id)).toMatchObject({ first_responded_at: plus(121), first_response_breached: true, updated_at: plus(121) });
    expect(await breachedIds(true)).toEqual([t.id]);
    const updates = await eventsOf(ctx.api, 'ticket.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.data).toMatchObject({ changed_fields: ['first_responded_at'], first_responded_at: plus(121), first_response_breached: true });
  });

  it('an answer in time is never breached', async () => {
    const { fast } = await start();
    const t = expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Quick', queue_id: fast }), 201).data;
    clock.advance(29 * MIN);
    expectOk(await ctx.api.post(`/v1/support/tickets/${t.id}/messages`, { direction: 'outbound', body: 'On it' }), 201);
    clock.advance(24 * 60 * MIN);
    expect(await get(t.id)).toMatchObject({ first_responded_at: plus(29), first_response_breached: false });
    expect(await breachedIds(false)).toEqual([t.id]);
  });

  it('follows the queue until the first response; no queue, no target', async () => {
    const { fast, slow } = await start();
    const none = expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'No queue' }), 201).data;
    const t = expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Moves', queue_id: slow }), 201).data;
    clock.advance(10 * MIN);
    expect(expectOk(await ctx.api.patch(`/v1/support/tickets/${t.id}`, { queue_id: fast })).data.first_response_due_at).toBe(plus(30));
    expect(expectOk(await ctx.api.patch(`/v1/support/tickets/${t.id}`, { queue_id: null })).data.first_response_due_at).toBeNull();
    expect(expectOk(await ctx.api.patch(`/v1/support/tickets/${none.id}`, { queue_id: slow })).data.first_response_due_at).toBe(plus(120));
    // Once answered, moving queues keeps the due time it was measured against.
    expectOk(await ctx.api.post(`/v1/support/tickets/${none.id}/messages`, { direction: 'outbound', body: 'Hi' }), 201);
    expect(expectOk(await ctx.api.patch(`/v1/support/tickets/${none.id}`, { queue_id: fast })).data).toMatchObject({ first_response_due_at: plus(120), first_response_breached: false });
    clock.advance(1000 * MIN);
    expect((await get(t.id)).first_response_breached).toBe(false); // no queue now: no target
    // A queue's new target applies to tickets that enter it afterwards.
    expectOk(await ctx.api.patch(`/v1/support/queues/${slow}`, { first_response_target_minutes: 5 }));
    expect((await get(none.id)).first_response_due_at).toBe(plus(120));
  });

  it('resolving stops the clock; reopening restarts it', async () => {
    const { fast } = await start();
    const t = expectOk(await ctx.api.post('/v1/support/tickets', { subject: 'Never mind', queue_id: fast }), 201).data;
    clock.advance(10 * MIN);
    expectOk(await ctx.api.patch(`/v1/support/tickets/${t.id}`, { status: 'resolved' }));
    clock.advance(60 * MIN);
    expect((await get(t.id)).first_response_breached).toBe(false);
    expect(await breachedIds(false)).toEqual([t.id]);
    expectOk(await ctx.api.patch(`/v1/support/tickets/${t.id}`, { status: 'open' }));
    expect((await get(t.id)).first_response_breached).toBe(true);
    expect(await breachedIds(true)).toEqual([t.id]);
  });
});
