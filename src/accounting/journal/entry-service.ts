import type { Executor, Trx } from '../../db/database.js';
import type { JournalEntriesTable, JournalLinesTable } from '../../db/schema-books.js';
import { notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import { conflict, type DeletedDto } from '../../crm/sales/sales-shared.js';
import { findAccountsByIds } from '../accounts/account-repository.js';
import { type CheckedLine, checkLines } from './entry-rules.js';
import type { CreateEntryInput, EntryDto, LineInput, UpdateEntryInput } from './entry-schemas.js';
import * as repo from './entry-repository.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

const today = (at: Date) => at.toISOString().slice(0, 10);

async function entryDtos(db: Executor, rows: JournalEntriesTable[]): Promise<EntryDto[]> {
  const lines = await repo.linesOf(db, rows.map((r) => r.id));
  const accounts = new Map<string, { code: string; name: string }>();
  const ids = [...new Set(lines.map((l) => l.account_id))];
  if (ids.length > 0) {
    for (const a of await db.selectFrom('accounting_accounts').select(['id', 'code', 'name']).where('id', 'in', ids).execute()) accounts.set(a.id, a);
  }
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    entry_date: r.entry_date,
    memo: r.memo,
    reference: r.reference,
    currency: r.currency,
    lines: lines
      .filter((l) => l.entry_id === r.id)
      .map((l) => ({
        id: l.id,
        account_id: l.account_id,
        account_code: accounts.get(l.account_id)?.code ?? '',
        account_name: accounts.get(l.account_id)?.name ?? '',
        debit_cents: Number(l.debit_cents),
        credit_cents: Number(l.credit_cents),
        description: l.description,
      })),
    total_cents: Number(r.total_cents),
    source: r.source_type && r.source_id ? { type: r.source_type, id: r.source_id } : null,
    reversal_of: r.reversal_of_id,
    reversed_by: r.reversed_by_id,
    posted_at: r.posted_at,
    custom_fields: JSON.parse(r.custom_fields) as Record<string, string>,
    livemode: r.mode === 'live',
    created_at: r.created_at,
    updated_at: r.updated_at,
  }));
}

const one = async (db: Executor, row: JournalEntriesTable) => (await entryDtos(db, [row]))[0]!;

async function checked(trx: Executor, scope: Scope, lines: LineInput[]) {
  const accounts = await findAccountsByIds(trx, scope, [...new Set(lines.map((l) => l.account_id))]);
  return checkLines(lines, new Map(accounts.map((a) => [a.id, a])));
}

const lineRows = (entryId: string, scope: Scope, lines: CheckedLine[]): JournalLinesTable[] =>
  lines.map((l, i) => ({ id: newId('jel'), entry_id: entryId, workspace_id: scope.workspaceId, mode: scope.mode, position: i + 1, ...l }));

export interface NewEntry {
  status: 'draft' | 'posted';
  entry_date: string;
  memo: string | null;
  reference: string | null;
  currency: string;
  lines: CheckedLine[];
  total: number;
  custom_fields?: Record<string, string>;
  source?: { type: string; id: string; key: string };
  reversal_of_id?: string;
}

/** Writes an already checked entry in the caller's transaction. */
export async function writeEntry(trx: Trx, scope: Scope, e: NewEntry, at: Date): Promise<JournalEntriesTable> {
  const now = at.toISOString();
  const row: JournalEntriesTable = {
    id: newId('je'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    status: e.status,
    entry_date: e.entry_date,
    memo: e.memo,
    reference: e.reference,
    currency: e.currency,
    total_cents: e.total,
    source_type: e.source?.type ?? null,
    source_id: e.source?.id ?? null,
    source_key: e.source?.key ?? null,
    reversal_of_id: e.reversal_of_id ?? null,
    reversed_by_id: null,
    custom_fields: JSON.stringify(e.custom_fields ?? {}),
    posted_at: e.status === 'posted' ? now : null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertEntry(trx, row, lineRows(row.id, scope, e.lines));
  return row;
}

export async function createEntry(deps: Deps, scope: Scope, input: CreateEntryInput, idempotency: IdempotencyHandle | null): Promise<EntryDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { lines, total } = await checked(trx, scope, input.lines);
    const row = await writeEntry(
      trx,
      scope,
      { status: input.status ?? 'draft', entry_date: input.entry_date ?? today(at), memo: input.memo ?? null, reference: input.reference ?? null, currency: input.currency ?? 'USD', lines, total, custom_fields: input.custom_fields },
      at,
    );
    const dto = await one(trx, row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getEntry(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<EntryDto> {
  const row = await repo.findEntry(deps.db, scope, id);
  if (!row) throw notFound('journal entry');
  return one(deps.db, row);
}

export async function listEntries(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: Parameters<typeof repo.listEntries>[3]): Promise<EntryDto[]> {
  return entryDtos(deps.db, await repo.listEntries(deps.db, scope, page, filter));
}

const postedImmutable = () => conflict('Posted journal entries cannot change; post a reversing entry (POST /v1/accounting/journal-entries/{id}/reverse) instead.', 'status', 'entry_posted');

/** Edits a draft (lines are re-checked as a whole) and posts it with `status: "posted"`. */
export async function updateEntry(deps: Deps, scope: Scope, id: string, input: UpdateEntryInput, idempotency: IdempotencyHandle | null): Promise<EntryDto> {
  const at = deps.clock.now();
  const now = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findEntry(trx, scope, id);
    if (!existing) throw notFound('journal entry');
    if (existing.status !== 'draft') throw postedImmutable();
    const changes: Partial<JournalEntriesTable> = { updated_at: now };
    if (input.entry_date !== undefined) changes.entry_date = input.entry_date;
    if (input.memo !== undefined) changes.memo = input.memo;
    if (input.reference !== undefined) changes.reference = input.reference;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
    let lines: CheckedLine[] | null = null;
    if (input.lines) {
      const c = await checked(trx, scope, input.lines);
      lines = c.lines;
      changes.total_cents = c.total;
    } else if (input.status === 'posted') {
      // Accounts may have been archived since the draft was written: post only onto open ones.
      const current = await repo.linesOf(trx, [id]);
      await checked(trx, scope, current.map((l) => ({ account_id: l.account_id, debit_cents: Number(l.debit_cents) || undefined, credit_cents: Number(l.credit_cents) || undefined })));
    }
    if (input.status === 'posted') {
      changes.status = 'posted';
      changes.posted_at = now;
    }
    const updated = await repo.updateDraft(trx, scope, id, changes);
    if (!updated) throw postedImmutable();
    if (lines) await repo.replaceLines(trx, id, lineRows(id, scope, lines));
    const dto = await one(trx, updated);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function deleteEntry(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DeletedDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findEntry(trx, scope, id);
    if (!existing) throw notFound('journal entry');
    if (existing.status !== 'draft' || !(await repo.deleteDraft(trx, scope, id))) throw postedImmutable();
    return { id, deleted: true as const };
  });
}

/**
 * The correction of a posted entry: a new posted entry with every line on the other side,
 * linked both ways. An entry is reversed at most once (409 afterwards), even under races.
 */
export async function reverseInTx(trx: Trx, scope: Scope, original: JournalEntriesTable, at: Date, opts: { entry_date?: string; memo?: string; source?: NewEntry['source'] } = {}): Promise<JournalEntriesTable> {
  const lines = (await repo.linesOf(trx, [original.id])).map((l) => ({ account_id: l.account_id, debit_cents: Number(l.credit_cents), credit_cents: Number(l.debit_cents), description: l.description }));
  const row = await writeEntry(
    trx,
    scope,
    {
      status: 'posted',
      entry_date: opts.entry_date ?? today(at),
      memo: opts.memo ?? `Reversal of ${original.id}${original.memo ? `: ${original.memo}` : ''}`.slice(0, 2000),
      reference: original.reference,
      currency: original.currency,
      lines,
      total: Number(original.total_cents),
      source: opts.source,
      reversal_of_id: original.id,
    },
    at,
  );
  if (!(await repo.markReversed(trx, scope, original.id, row.id, at.toISOString()))) {
    throw conflict(`Journal entry ${original.id} was already reversed.`, 'id', 'already_reversed');
  }
  return row;
}

export async function reverseEntry(deps: Deps, scope: Scope, id: string, input: { entry_date?: string; memo?: string }, idempotency: IdempotencyHandle | null): Promise<EntryDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findEntry(trx, scope, id);
    if (!existing) throw notFound('journal entry');
    if (existing.status !== 'posted') throw conflict('Only posted entries are reversed; edit or delete a draft instead.', 'status', 'entry_not_posted');
    if (existing.reversed_by_id) throw conflict(`Journal entry ${id} was already reversed by ${existing.reversed_by_id}.`, 'id', 'already_reversed', { reversed_by: existing.reversed_by_id });
    const row = await reverseInTx(trx, scope, existing, at, input);
    const dto = await one(trx, row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}
