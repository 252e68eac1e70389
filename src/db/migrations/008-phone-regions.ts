import { type Kysely, type Migration } from 'kysely';
import { parsePhone } from '../../phones/phone-number.js';

// Phone numbers read with libphonenumber: each workspace's default region (for numbers written
// without a country code), the extension a lead's or contact's number was given with, and the
// numbers stored before, rewritten in the E.164 form libphonenumber gives them
// (+44 (0)20 … had been kept as +4402…).
export const phoneRegions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('workspaces').addColumn('default_region', 'text', (c) => c.notNull().defaultTo('US')).execute();
    await db.schema.alterTable('leads').addColumn('phone_extension', 'text').execute();
    await db.schema.alterTable('contacts').addColumn('phone_extensions', 'text', (c) => c.notNull().defaultTo('{}')).execute();

    // Stored values all start with +; one that libphonenumber reads differently is rewritten,
    // one it cannot read is left as it was (it still matches the number it was stored from).
    const fix = (value: string) => {
      const parsed = parsePhone(value, { defaultRegion: 'US', lenient: true });
      return parsed.ok && parsed.e164 !== value ? parsed.e164 : null;
    };
    const leads = (await db.selectFrom('leads').select(['id', 'phone']).where('phone', 'is not', null).execute()) as { id: string; phone: string }[];
    for (const lead of leads) {
      const next = fix(lead.phone);
      if (next) await db.updateTable('leads').set({ phone: next }).where('id', '=', lead.id).execute();
    }
    const contacts = (await db.selectFrom('contacts').select(['id', 'workspace_id', 'mode', 'phones']).execute()) as { id: string; workspace_id: string; mode: string; phones: string }[];
    for (const contact of contacts) {
      const phones = JSON.parse(contact.phones) as string[];
      const next = [...new Set(phones.map((p) => fix(p) ?? p))];
      if (next.length === phones.length && next.every((p, i) => p === phones[i])) continue;
      await db.updateTable('contacts').set({ phones: JSON.stringify(next) }).where('id', '=', contact.id).execute();
      await db.deleteFrom('contact_phones').where('contact_id', '=', contact.id).execute();
      for (const phone of next) {
        await db.insertInto('contact_phones').values({ contact_id: contact.id, workspace_id: contact.workspace_id, mode: contact.mode, phone }).execute();
      }
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('contacts').dropColumn('phone_extensions').execute();
    await db.schema.alterTable('leads').dropColumn('phone_extension').execute();
    await db.schema.alterTable('workspaces').dropColumn('default_region').execute();
  },
};
