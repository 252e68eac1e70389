import type { Executor } from '../../db/database.js';
import type { ContactsTable } from '../../db/schema-crm.js';
import { ApiError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { listContacts } from '../../crm/people/contacts/contact-repository.js';
import type { AudienceInput } from './campaign-schemas.js';

// Who an SMS campaign texts: listed contacts, or the contacts a filter selects (as GET
// /v1/contacts filters them), read page by page and bounded.

export const MAX_AUDIENCE = 10_000;

export function checkAudienceShape(audience: AudienceInput): void {
  const given = [audience.contact_ids !== undefined, audience.filter !== undefined].filter(Boolean).length;
  if (given !== 1) {
    throw new ApiError('validation_error', 'audience takes `contact_ids` or a contact `filter`, one of the two.', [{ field: 'audience', error: given === 0 ? 'required' : 'one_of' }]);
  }
  const f = audience.filter;
  if (f && (f.custom_field_key === undefined) !== (f.custom_field_value === undefined)) {
    throw new ApiError('validation_error', 'custom_field_key and custom_field_value go together.', [{ field: 'audience.filter', error: 'custom_field_pair' }]);
  }
}

/** 404 naming the first listed contact that does not exist in this workspace. */
export async function checkAudienceContacts(db: Executor, scope: Scope, audience: AudienceInput): Promise<void> {
  const ids = audience.contact_ids ?? [];
  if (ids.length === 0) return;
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('contacts').select('id').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.id);
  }
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new ApiError('not_found', 'No such contact.', [{ field: `audience.contact_ids.${missing}`, error: 'not_found', received: ids[missing] }]);
}

/** The audience's contacts, oldest first; listed ids that no longer exist come back as ids alone. */
export async function resolveAudience(db: Executor, scope: Scope, audience: AudienceInput): Promise<{ contacts: ContactsTable[]; missing: string[] }> {
  if (audience.contact_ids) {
    const ids = audience.contact_ids;
    const contacts: ContactsTable[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      contacts.push(...(await db.selectFrom('contacts').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', 'in', ids.slice(i, i + 500)).execute()));
    }
    const found = new Set(contacts.map((c) => c.id));
    return { contacts: contacts.sort((a, b) => (a.id < b.id ? -1 : 1)), missing: ids.filter((id) => !found.has(id)) };
  }
  const f = audience.filter ?? {};
  const contacts: ContactsTable[] = [];
  let afterId: string | undefined;
  for (;;) {
    const page = await listContacts(db, scope, { limit: 100, afterId }, { query: f.query, companyId: f.company_id, custom_field_key: f.custom_field_key, custom_field_value: f.custom_field_value });
    contacts.push(...page.slice(0, 100));
    if (contacts.length > MAX_AUDIENCE) {
      throw new ApiError('validation_error', `The audience matches more than ${MAX_AUDIENCE} contacts; narrow the filter.`, [{ field: 'audience.filter', error: 'audience_too_large', max: MAX_AUDIENCE }]);
    }
    if (page.length <= 100) break;
    afterId = page[99]!.id;
  }
  return { contacts: contacts.reverse(), missing: [] };
}
