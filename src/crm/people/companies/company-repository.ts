import type { Executor } from '../../../db/database.js';
import type { CompaniesTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';
import { customFieldFilter } from '../../custom-fields.js';
import { indexDocument, matchesSearch } from '../../search-index.js';

export interface CompanyFilter {
  query?: string;
  domain?: string;
  includeArchived?: boolean;
  custom_field_key?: string;
  custom_field_value?: string;
}

export async function insertCompany(db: Executor, row: CompaniesTable): Promise<void> {
  await db.insertInto('companies').values(row).execute();
}

export async function findCompany(db: Executor, scope: Scope, id: string): Promise<CompaniesTable | undefined> {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateCompany(db: Executor, scope: Scope, id: string, changes: Partial<Omit<CompaniesTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db
    .updateTable('companies')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** The text `query` searches: name, domain, website, notes. */
export async function indexCompany(db: Executor, scope: Scope, row: CompaniesTable): Promise<void> {
  await indexDocument(db, scope, 'company', row.id, [row.name, row.domain, row.website, row.notes]);
}

export async function listCompanies(db: Executor, scope: Scope, page: PageRequest, filter: CompanyFilter): Promise<CompaniesTable[]> {
  let q = db
    .selectFrom('companies')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (!filter.includeArchived) q = q.where('archived_at', 'is', null);
  if (filter.domain !== undefined) q = q.where('domain', '=', filter.domain.trim().toLowerCase());
  if (filter.query !== undefined) q = q.where(matchesSearch(db, scope, 'company', filter.query));
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}
