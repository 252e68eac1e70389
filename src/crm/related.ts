import type { Executor } from '../db/database.js';
import { ApiError } from '../errors.js';
import type { Scope } from '../scope.js';

// Tasks and activities point at another resource (`related_resource_type` + `_id`), which must
// exist in the same workspace and mode (else 404, like any missing resource).

export const RELATED_TYPES = ['contact', 'company', 'lead', 'deal', 'invoice', 'ticket', 'task', 'call', 'sms'] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];

const TABLES = {
  contact: 'contacts',
  company: 'companies',
  lead: 'leads',
  deal: 'deals',
  invoice: 'invoices',
  ticket: 'tickets',
  task: 'tasks',
  call: 'calls',
  sms: 'sms_messages',
} as const satisfies Record<RelatedType, string>;

export async function resourceExists(db: Executor, scope: Scope, type: RelatedType, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(TABLES[type])
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Both or neither; when given, the resource must exist (404 naming the field otherwise). */
export async function requireRelated(db: Executor, scope: Scope, type: string | null | undefined, id: string | null | undefined): Promise<void> {
  if (!type && !id) return;
  if (!type || !id) {
    throw new ApiError('validation_error', 'related_resource_type and related_resource_id go together.', [
      { field: type ? 'related_resource_id' : 'related_resource_type', error: 'required' },
    ]);
  }
  if (!(await resourceExists(db, scope, type as RelatedType, id))) {
    throw new ApiError('not_found', `No such ${type}.`, [{ field: 'related_resource_id', error: 'not_found', received: id }]);
  }
}

/** For foreign keys in bodies (company_id, contact_id ...): 404 naming the field when missing. */
export async function requireExists(db: Executor, scope: Scope, type: RelatedType, id: string | null | undefined, field: string): Promise<void> {
  if (id && !(await resourceExists(db, scope, type, id))) {
    throw new ApiError('not_found', `No such ${type}.`, [{ field, error: 'not_found', received: id }]);
  }
}
