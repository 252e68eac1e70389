import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type OpenedDatabase } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';

// Numbers stored before libphonenumber read them are rewritten once, by migration 008.

let opened: OpenedDatabase | undefined;
let dir: string | undefined;
afterEach(() => {
  opened?.sqlite?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  opened = dir = undefined;
});

describe('migration 008-phone-regions', () => {
  it('rewrites +4402… to +442…, leaves what it cannot read, and gives every workspace US', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-phones-'));
    opened = await openDatabase(join(dir, 'old.db'));
    const db = opened.db as any;
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('006-crm');
    expect(error).toBeUndefined();
    const at = new Date().toISOString();
    await db.insertInto('workspaces').values({ id: 'ws_1', name: 'acme', created_at: at }).execute();
    const owned = { workspace_id: 'ws_1', mode: 'test', created_at: at, updated_at: at };
    await db.insertInto('contacts').values({ id: 'con_1', ...owned, name: 'John', emails: '[]', phones: JSON.stringify(['+4402079460958', '+15551234567']), custom_fields: '{}' }).execute();
    await db.insertInto('contact_phones').values([
      { contact_id: 'con_1', workspace_id: 'ws_1', mode: 'test', phone: '+4402079460958' },
      { contact_id: 'con_1', workspace_id: 'ws_1', mode: 'test', phone: '+15551234567' },
    ]).execute();
    await db.insertInto('leads').values({ id: 'lead_1', ...owned, name: 'Lead', phone: '+4402079460958', status: 'new', source: 'api', custom_fields: '{}' }).execute();

    expect(await migrateToLatest(opened.db)).toContain('008-phone-regions');

    const contact = await db.selectFrom('contacts').selectAll().where('id', '=', 'con_1').executeTakeFirst();
    expect(JSON.parse(contact.phones)).toEqual(['+442079460958', '+15551234567']);
    expect(contact.phone_extensions).toBe('{}');
    const phones = await db.selectFrom('contact_phones').select('phone').where('contact_id', '=', 'con_1').orderBy('phone').execute();
    expect(phones.map((p: { phone: string }) => p.phone)).toEqual(['+15551234567', '+442079460958']);
    expect(await db.selectFrom('leads').select(['phone', 'phone_extension']).executeTakeFirst()).toEqual({ phone: '+442079460958', phone_extension: null });
    expect(await db.selectFrom('workspaces').select('default_region').executeTakeFirst()).toEqual({ default_region: 'US' });
  });
});
