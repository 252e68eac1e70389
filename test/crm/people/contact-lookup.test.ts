import { afterEach, describe, expect, it } from 'vitest';
import { contactDto, findContactByPhone } from '../../../src/crm/people/contacts/contact-lookup.js';
import { expectOk } from '../../helpers/harness.js';
import { type People, peopleHarness } from './people-helpers.js';

let p: People;
afterEach(async () => p?.h.close());

describe('findContactByPhone (caller matching)', () => {
  it('finds a contact by any of its numbers, however the caller number is written', async () => {
    p = await peopleHarness();
    const jane = expectOk(await p.api.post('/v1/contacts', { name: 'Jane', phones: ['415-555-0100', '+44 20 7946 0958'] }), 201).data;
    for (const phone of ['+14155550100', '(415) 555-0100', '1 415 555 0100', '0014155550100', '+442079460958', '+44 (20) 7946-0958']) {
      const row = await findContactByPhone(p.deps.db, p.scope, phone);
      expect(row?.id, phone).toBe(jane.id);
    }
    const row = (await findContactByPhone(p.deps.db, p.scope, '+14155550100'))!;
    expect(contactDto(row)).toEqual(expectOk(await p.api.get(`/v1/contacts/${jane.id}`)).data);
    expect(await findContactByPhone(p.deps.db, p.scope, '+14155550101')).toBeUndefined();
    expect(await findContactByPhone(p.deps.db, p.scope, 'anonymous')).toBeUndefined();
    expect(await findContactByPhone(p.deps.db, p.scope, '')).toBeUndefined();
  });

  it('the most recently updated contact wins; archived contacts are not matched; a removed phone stops matching', async () => {
    p = await peopleHarness();
    const older = expectOk(await p.api.post('/v1/contacts', { name: 'Older', phones: ['+14155550100'] }), 201).data;
    p.h.clock.advance(1000);
    const newer = expectOk(await p.api.post('/v1/contacts', { name: 'Newer', phones: ['+14155550100'] }), 201).data;
    expect((await findContactByPhone(p.deps.db, p.scope, '4155550100'))?.id).toBe(newer.id);
    p.h.clock.advance(1000);
    expectOk(await p.api.patch(`/v1/contacts/${older.id}`, { title: 'Touched' }));
    expect((await findContactByPhone(p.deps.db, p.scope, '4155550100'))?.id).toBe(older.id);
    p.h.clock.advance(1000);
    expectOk(await p.api.delete(`/v1/contacts/${older.id}`));
    expect((await findContactByPhone(p.deps.db, p.scope, '4155550100'))?.id).toBe(newer.id);
    expectOk(await p.api.patch(`/v1/contacts/${newer.id}`, { phones: ['+12125550199'] }));
    expect(await findContactByPhone(p.deps.db, p.scope, '4155550100')).toBeUndefined();
    expect((await findContactByPhone(p.deps.db, p.scope, '212 555 0199'))?.id).toBe(newer.id);
  });

  it('never matches another workspace\'s or the other mode\'s contact', async () => {
    p = await peopleHarness();
    const other = await p.h.keyWithId({ workspace: 'other' });
    expectOk(await p.h.api(other.key).post('/v1/contacts', { name: 'Theirs', phones: ['+14155550100'] }), 201);
    expectOk(await p.h.api(await p.h.key({ workspace: 'acme', mode: 'live' })).post('/v1/contacts', { name: 'Live', phones: ['+14155550100'] }), 201);
    expect(await findContactByPhone(p.deps.db, p.scope, '+14155550100')).toBeUndefined();
    expect((await findContactByPhone(p.deps.db, { workspaceId: other.workspaceId, mode: 'test' }, '+14155550100'))?.name).toBe('Theirs');
    expect((await findContactByPhone(p.deps.db, { ...p.scope, mode: 'live' }, '+14155550100'))?.name).toBe('Live');
  });
});
