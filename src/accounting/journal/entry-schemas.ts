import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFields } from '../../crm/custom-fields.js';
import { Currency, CustomFieldsPatch, DateOnly } from '../../crm/sales/sales-shared.js';

// Journal entries (seed 003 "Create journal entry"): lines that balance, `draft` → `posted`.

const PositiveCents = (side: string) =>
  Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: `Positive integer cents on the ${side} side; a line has a debit or a credit, never both.` });

export const LineInput = Type.Object(
  {
    account_id: Type.String({ minLength: 1, maxLength: 100, description: 'An `acct_` id of this workspace (422 `account_not_found` otherwise).' }),
    debit_cents: Type.Optional(PositiveCents('debit')),
    credit_cents: Type.Optional(PositiveCents('credit')),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type LineInput = Static<typeof LineInput>;

const Lines = Type.Array(LineInput, { minItems: 2, maxItems: 200, description: 'At least two; the debits must sum to the credits (422 `unbalanced`).' });
const Memo = Type.String({ maxLength: 2000 });
const Reference = Type.String({ maxLength: 200 });

export const CreateEntryBody = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('posted')], { description: 'Default `draft`. A posted entry is final.' })),
    entry_date: Type.Optional(DateOnly('The accounting date, YYYY-MM-DD (default today, UTC).')),
    memo: Type.Optional(Nullable(Memo)),
    reference: Type.Optional(Nullable(Reference)),
    currency: Type.Optional(Currency),
    lines: Lines,
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);
export type CreateEntryInput = Static<typeof CreateEntryBody>;

export const UpdateEntryBody = Type.Object(
  {
    status: Type.Optional(Type.Literal('posted', { description: '`posted` posts the draft; it cannot go back.' })),
    entry_date: Type.Optional(DateOnly()),
    memo: Type.Optional(Nullable(Memo)),
    reference: Type.Optional(Nullable(Reference)),
    currency: Type.Optional(Currency),
    lines: Type.Optional(Lines),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEntryInput = Static<typeof UpdateEntryBody>;

export const ReverseEntryBody = Type.Object(
  {
    entry_date: Type.Optional(DateOnly('Date of the reversing entry (default today).')),
    memo: Type.Optional(Memo),
  },
  { additionalProperties: false },
);

export const LineSchema = Type.Object({
  id: Type.String({ description: '`jel_` id.' }),
  account_id: Type.String(),
  account_code: Type.String(),
  account_name: Type.String(),
  debit_cents: Type.Integer(),
  credit_cents: Type.Integer(),
  description: Nullable(Type.String()),
});

export const EntrySchema = Type.Object(
  {
    id: Type.String({ description: '`je_` id.' }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('posted')]),
    entry_date: Type.String({ format: 'date' }),
    memo: Nullable(Type.String()),
    reference: Nullable(Type.String()),
    currency: Type.String(),
    lines: Type.Array(LineSchema),
    total_cents: Type.Integer({ description: 'The sum of the debits (= the sum of the credits).' }),
    source: Nullable(Type.Object({ type: Type.String({ description: '`invoice` or `payment` for automatic postings.' }), id: Type.String() })),
    reversal_of: Nullable(Type.String({ description: 'The entry this one reverses.' })),
    reversed_by: Nullable(Type.String({ description: 'The entry that reverses this one.' })),
    posted_at: Nullable(Timestamp()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'JournalEntry', title: 'JournalEntry' },
);
export type EntryDto = Static<typeof EntrySchema>;

export const ListEntriesQuery = {
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('posted')])),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Matches memo or reference (case-insensitive substring).' })),
  account_id: Type.Optional(Type.String({ maxLength: 100, description: 'Entries with a line on this account.' })),
  source_id: Type.Optional(Type.String({ maxLength: 100, description: 'Entries posted for this invoice or payment.' })),
};
