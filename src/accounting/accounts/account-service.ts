import type { Executor } from '../../db/database.js';
import type { AccountingAccountsTable, DefaultRole } from '../../db/schema-books.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import { conflict, isUniqueViolation } from '../../crm/sales/sales-shared.js';
import type { AccountDto, CreateAccountInput, UpdateAccountInput } from './account-schemas.js';
import * as repo from './account-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

/** The account type each automatic role needs. */
export const ROLE_TYPES: Record<DefaultRole, AccountingAccountsTable['type']> = { receivables: 'asset', cash: 'asset', revenue: 'revenue' };

/** Debit-normal types show debits − credits; the others credits − debits. */
export const debitNormal = (type: AccountingAccountsTable['type']) => type === 'asset' || type === 'expense';

export function accountDto(row: AccountingAccountsTable, role: DefaultRole | null, sums: { debit: number; credit: number } | undefined): AccountDto {
  const d = sums?.debit ?? 0;
  const c = sums?.credit ?? 0;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    description: row.description,
    default_for: role,
    balance_cents: debitNormal(row.type) ? d - c : c - d,
    custom_fields: JSON.parse(row.custom_fields) as Record<string, string>,
    archived_at: row.archived_at,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function toDtos(db: Executor, scope: Scope, rows: AccountingAccountsTable[]): Promise<AccountDto[]> {
  const defaults = await repo.defaultsOf(db, scope);
  const roleOf = new Map([...defaults].map(([role, id]) => [id, role]));
  const sums = await repo.postedSums(db, scope, { ids: rows.map((r) => r.id) });
  return rows.map((r) => accountDto(r, roleOf.get(r.id) ?? null, sums.get(r.id)));
}

const duplicateCode = (code: string) => conflict(`Account code "${code}" is already used in this workspace.`, 'code', 'already_exists', { received: code });

function checkRoleType(role: DefaultRole, type: AccountingAccountsTable['type']): void {
  if (ROLE_TYPES[role] !== type) {
    throw new ApiError('validation_error', `default_for "${role}" needs an account of type ${ROLE_TYPES[role]}, not ${type}.`, [
      { field: 'default_for', error: 'wrong_account_type', received: role, required_type: ROLE_TYPES[role] },
    ]);
  }
}

export async function createAccount(deps: Deps, scope: Scope, input: CreateAccountInput, idempotency: IdempotencyHandle | null): Promise<AccountDto> {
  if (input.default_for) checkRoleType(input.default_for, input.type);
  const now = deps.clock.now().toISOString();
  const row: AccountingAccountsTable = {
    id: newId('acct'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    code: input.code,
    name: input.name,
    type: input.type,
    description: input.description ?? null,
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await repo.findAccountByCode(trx, scope, input.code)) throw duplicateCode(input.code);
      await repo.insertAccount(trx, row);
      if (input.default_for) await repo.setDefault(trx, scope, input.default_for, row.id);
      const dto = accountDto(row, input.default_for ?? null, undefined);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(input.code);
    throw err;
  }
}

export async function getAccount(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<AccountDto> {
  const row = await repo.findAccount(deps.db, scope, id);
  if (!row) throw notFound('account');
  return (await toDtos(deps.db, scope, [row]))[0]!;
}

export async function listAccounts(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: { type?: string; query?: string; include_archived?: boolean }): Promise<AccountDto[]> {
  return toDtos(deps.db, scope, await repo.listAccounts(deps.db, scope, page, filter));
}

/**
 * Renames, re-codes, re-types (only while no line uses it: a type change would rewrite history),
 * archives, or points a default role at the account.
 */
export async function updateAccount(deps: Deps, scope: Scope, id: string, input: UpdateAccountInput, idempotency: IdempotencyHandle | null): Promise<AccountDto> {
  const now = deps.clock.now().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await repo.findAccount(trx, scope, id);
      if (!existing) throw notFound('account');
      const type = input.type ?? existing.type;
      if (input.type !== undefined && input.type !== existing.type && (await repo.hasLines(trx, id))) {
        throw conflict('This account has journal lines; its type cannot change. Open a new account instead.', 'type', 'account_in_use');
      }
      if (input.code !== undefined && input.code !== existing.code && (await repo.findAccountByCode(trx, scope, input.code))) throw duplicateCode(input.code);
      const changes: Partial<AccountingAccountsTable> = { updated_at: now };
      if (input.code !== undefined) changes.code = input.code;
      if (input.name !== undefined) changes.name = input.name;
      if (input.type !== undefined) changes.type = input.type;
      if (input.description !== undefined) changes.description = input.description;
      if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
      if (input.archived !== undefined) changes.archived_at = input.archived ? (existing.archived_at ?? now) : null;

      const defaults = await repo.defaultsOf(trx, scope);
      const currentRole = [...defaults].find(([, acct]) => acct === id)?.[0] ?? null;
      if (input.default_for) {
        checkRoleType(input.default_for, type);
        if (input.archived) throw new ApiError('validation_error', 'An archived account cannot be a default account.', [{ field: 'default_for', error: 'account_archived' }]);
      }
      // A type change or archiving must not leave a role on an account that cannot take it.
      if (input.default_for === undefined && currentRole && (input.archived || ROLE_TYPES[currentRole] !== type)) {
        await repo.clearDefaultsOf(trx, scope, id);
      }
      if (input.default_for === null) await repo.clearDefaultsOf(trx, scope, id);
      if (input.default_for) {
        await repo.clearDefaultsOf(trx, scope, id);
        await repo.setDefault(trx, scope, input.default_for, id);
      }
      const updated = await repo.updateAccount(trx, scope, id, changes);
      if (!updated) throw notFound('account');
      const dto = (await toDtos(trx, scope, [updated]))[0]!;
      await idempotency?.saveInTx(trx, 200, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateCode(input.code ?? '');
    throw err;
  }
}
