import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createTaskInternal } from '../../src/tasks/task-service.js';
import { expectOk } from '../helpers/harness.js';
import { allPages, type Ctx, eventsOf, ids, insertContact, makeCall, setup } from '../support/fixtures.js';

let ctx: Ctx;
afterEach(async () => ctx?.h.close());

describe('tasks', () => {
  it('creates about a related resource and emits task.created', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const contact = await insertContact(h, scope, 'Jane Doe');
    const task = expectOk(await api.post('/v1/tasks', { title: 'Follow up with Jane Doe', related_resource_type: 'contact', related_resource_id: contact, due_at: '2026-06-01T11:00:00+02:00', assignee_id: 'u1', description: 'Ask about the renewal' }), 201).data;
    expect(task).toMatchObject({
      title: 'Follow up with Jane Doe', status: 'open', related_resource_type: 'contact', related_resource_id: contact, livemode: false,
      due_at: '2026-06-01T09:00:00.000Z', assignee_id: 'u1', description: 'Ask about the renewal', completed_note: null, completed_at: null, canceled_at: null,
    });
    expect(task.id).toMatch(/^task_[0-9A-Z]{26}$/);
    expect(expectOk(await api.get(`/v1/tasks/${task.id}`)).data).toEqual(task);
    const events = await eventsOf(api, 'task.created');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ id: task.id, related_resource_id: contact });

    // Any related kind: a ticket, a call, another task; or none at all.
    const ticket = expectOk(await api.post('/v1/support/tickets', { subject: 'T' }), 201).data.id;
    const call = await makeCall(api);
    for (const [type, id] of [['ticket', ticket], ['call', call], ['task', task.id]]) {
      expect(expectOk(await api.post('/v1/tasks', { title: 'x', related_resource_type: type, related_resource_id: id }), 201).data.related_resource_id).toBe(id);
    }
    expect(expectOk(await api.post('/v1/tasks', { title: 'Standalone' }), 201).data.related_resource_type).toBeNull();
  });

  it('the related resource must exist here (404), both or neither (422)', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const stranger = await h.keyWithId({ workspace: 'stranger' });
    const foreign = await insertContact(h, { workspaceId: stranger.workspaceId, mode: 'test' });
    for (const [type, id] of [['contact', 'con_123'], ['contact', foreign], ['deal', 'deal_00000000000000000000000000'], ['ticket', 'ticket_123'], ['sms', 'sms_1']]) {
      const res = await api.post('/v1/tasks', { title: 'x', related_resource_type: type, related_resource_id: id });
      expect(res.status, `${type} ${id}`).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', details: [{ field: 'related_resource_id', error: 'not_found', received: id }] });
    }
    const half = await api.post('/v1/tasks', { title: 'x', related_resource_type: 'contact' });
    expect(half.status).toBe(422);
    expect(half.body.error.details[0]).toMatchObject({ field: 'related_resource_id', error: 'required' });
    for (const body of [{ title: 'x', related_resource_type: 'planet', related_resource_id: 'p' }, {}, { title: '' }, { title: 'x', due_at: 'tomorrow' }, { title: 'x', status: 'completed' }]) {
      expect((await api.post('/v1/tasks', body)).status, JSON.stringify(body)).toBe(422);
    }
    expect(expectOk(await api.get('/v1/tasks')).data).toEqual([]);
    expect(await eventsOf(api, 'task.created')).toEqual([]);
  });

  it('lifecycle: complete with a note, reopen, cancel; DELETE cancels idempotently', async () => {
    const clock = new ManualClock('2026-04-01T08:00:00.000Z');
    ctx = await setup({ clock });
    const { api } = ctx;
    const t = expectOk(await api.post('/v1/tasks', { title: 'Call back' }), 201).data;
    clock.advance(60_000);
    const done = expectOk(await api.patch(`/v1/tasks/${t.id}`, { status: 'completed', completed_note: 'Jane confirmed the next call.' })).data;
    expect(done).toMatchObject({ status: 'completed', completed_note: 'Jane confirmed the next call.', completed_at: '2026-04-01T08:01:00.000Z', canceled_at: null, updated_at: '2026-04-01T08:01:00.000Z' });
    clock.advance(60_000);
    expect(expectOk(await api.patch(`/v1/tasks/${t.id}`, { status: 'completed' })).data.completed_at).toBe('2026-04-01T08:01:00.000Z');
    const reopened = expectOk(await api.patch(`/v1/tasks/${t.id}`, { status: 'open', due_at: '2026-04-02T08:00:00Z', assignee_id: 'u2', title: 'Call back again' })).data;
    expect(reopened).toMatchObject({ status: 'open', completed_at: null, canceled_at: null, due_at: '2026-04-02T08:00:00.000Z', assignee_id: 'u2', title: 'Call back again' });
    const cleared = expectOk(await api.patch(`/v1/tasks/${t.id}`, { due_at: null, assignee_id: null, description: null, completed_note: null })).data;
    expect(cleared).toMatchObject({ due_at: null, assignee_id: null, description: null, completed_note: null });
    clock.advance(60_000);
    const canceled = expectOk(await api.delete(`/v1/tasks/${t.id}`)).data;
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: '2026-04-01T08:03:00.000Z', completed_at: null });
    clock.advance(60_000);
    expect(expectOk(await api.delete(`/v1/tasks/${t.id}`)).data.canceled_at).toBe('2026-04-01T08:03:00.000Z');
    expect(expectOk(await api.get(`/v1/tasks/${t.id}`)).data.status).toBe('canceled');
    for (const body of [{}, { status: 'done' }, { title: null }, { related_resource_id: 'x' }]) {
      expect((await api.patch(`/v1/tasks/${t.id}`, body)).status, JSON.stringify(body)).toBe(422);
    }
    expect((await api.patch('/v1/tasks/task_00000000000000000000000000', { title: 'x' })).status).toBe(404);
  });

  it('filters by status, assignee, related resource and due window, with a cursor', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const [jane, joe] = [await insertContact(h, scope, 'Jane'), await insertContact(h, scope, 'Joe')];
    const mk = async (body: Record<string, unknown>) => expectOk(await api.post('/v1/tasks', { title: 't', ...body }), 201).data.id as string;
    const a = await mk({ assignee_id: 'u1', related_resource_type: 'contact', related_resource_id: jane, due_at: '2026-05-01T10:00:00Z' });
    const b = await mk({ assignee_id: 'u2', related_resource_type: 'contact', related_resource_id: joe, due_at: '2026-05-03T10:00:00Z' });
    const c = await mk({ assignee_id: 'u1', due_at: '2026-05-05T10:00:00Z' });
    const d = await mk({});
    expectOk(await api.patch(`/v1/tasks/${b}`, { status: 'completed' }));
    expectOk(await api.delete(`/v1/tasks/${d}`));
    const list = async (q: string) => ids(expectOk(await api.get(`/v1/tasks?${q}`)));
    const cases: [string, string[]][] = [
      ['', [d, c, b, a]], ['status=open', [c, a]], ['status=completed', [b]], ['status=canceled', [d]],
      ['assignee_id=u1', [c, a]], ['related_resource_type=contact', [b, a]], [`related_resource_id=${jane}`, [a]],
      ['due_before=2026-05-03T10:00:00Z', [b, a]], ['due_after=2026-05-03T10:00:00Z', [c, b]],
      [`due_after=2026-05-02T00:00:00Z&due_before=${encodeURIComponent('2026-05-04T00:00:00+01:00')}`, [b]],
      ['status=open&assignee_id=u1&due_before=2026-05-02T00:00:00Z', [a]],
    ];
    for (const [q, expected] of cases) expect(await list(q), q).toEqual(expected);
    expect((await allPages(api, '/v1/tasks', 1)).map((t) => t.id)).toEqual([d, c, b, a]);
    for (const q of ['status=done', 'due_before=soon', 'related_resource_type=planet', 'limit=0']) expect((await api.get(`/v1/tasks?${q}`)).status, q).toBe(400);
  });

  it('is invisible to another workspace and mode', async () => {
    ctx = await setup();
    const { api, h } = ctx;
    const t = expectOk(await api.post('/v1/tasks', { title: 'Mine' }), 201).data;
    for (const key of [await h.key({ workspace: 'stranger' }), await h.key({ workspace: 'support', mode: 'live' })]) {
      const other = h.api(key);
      expect((await other.get(`/v1/tasks/${t.id}`)).status).toBe(404);
      expect((await other.patch(`/v1/tasks/${t.id}`, { title: 'x' })).status).toBe(404);
      expect((await other.delete(`/v1/tasks/${t.id}`)).status).toBe(404);
      expect(expectOk(await other.get('/v1/tasks')).data).toEqual([]);
      expect((await other.post('/v1/tasks', { title: 'x', related_resource_type: 'task', related_resource_id: t.id })).status).toBe(404);
    }
  });

  it('createTaskInternal: a callback request from the telephony side, in its transaction', async () => {
    ctx = await setup();
    const { api, h, scope } = ctx;
    const contact = await insertContact(h, scope, 'Caller');
    const task = await h.opened.db.transaction().execute((trx) =>
      createTaskInternal(trx, scope, { title: 'Call back about the invoice', related_resource_type: 'contact', related_resource_id: contact, due_at: '2026-05-01T15:00:00Z' }, h.clock.now()),
    );
    expect(expectOk(await api.get(`/v1/tasks?related_resource_id=${contact}`)).data).toEqual([task]);
    expect((await eventsOf(api, 'task.created')).map((e) => e.data.id)).toEqual([task.id]);
    await expect(h.opened.db.transaction().execute((trx) => createTaskInternal(trx, scope, { title: 'x', related_resource_type: 'contact', related_resource_id: 'con_nope' }, h.clock.now()))).rejects.toMatchObject({ code: 'not_found' });
  });
});
