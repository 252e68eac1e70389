import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFields } from '../../crm/custom-fields.js';
import { CustomFieldsPatch } from '../../crm/sales/sales-shared.js';

// Accounts of the chart (seed 003 "Create accounting account"): a unique `code`, a `type`, and
// optionally the role invoices and payments post to (`default_for`).

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export const AccountType = Type.Union(ACCOUNT_TYPES.map((t) => Type.Literal(t)), { description: 'asset, liability, equity, revenue or expense.' });
export const DEFAULT_ROLES = ['receivables', 'revenue', 'cash'] as const;
export const DefaultRole = Type.Union(DEFAULT_ROLES.map((r) => Type.Literal(r)), {
  description: 'The automatic postings this account receives: `receivables` and `cash` (asset accounts), `revenue` (a revenue account). One account per role.',
});

const Code = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Unique in the workspace (409 otherwise), e.g. `4000`.', 'x-example': '4000' });
const Name = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Services revenue' });
const Description = Type.String({ maxLength: 2000 });

export const CreateAccountBody = Type.Object(
  {
    code: Code,
    name: Name,
    type: AccountType,
    description: Type.Optional(Nullable(Description)),
    default_for: Type.Optional(Nullable(DefaultRole)),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);
export type CreateAccountInput = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    type: Type.Optional(AccountType),
    description: Type.Optional(Nullable(Description)),
    default_for: Type.Optional(Nullable(DefaultRole)),
    archived: Type.Optional(Type.Boolean({ description: 'Archived accounts take no new lines and are hidden from lists unless `include_archived=true`.' })),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountInput = Static<typeof UpdateAccountBody>;

export const AccountSchema = Type.Object(
  {
    id: Type.String({ description: '`acct_` id.' }),
    code: Type.String(),
    name: Type.String(),
    type: AccountType,
    description: Nullable(Type.String()),
    default_for: Nullable(DefaultRole),
    balance_cents: Type.Integer({ description: 'Posted entries only, on the account\'s normal side: debits − credits for assets and expenses, credits − debits otherwise.' }),
    custom_fields: Type.Record(Type.String(), Type.String()),
    archived_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'AccountingAccount', title: 'AccountingAccount' },
);
export type AccountDto = Static<typeof AccountSchema>;

export const ListAccountsQuery = {
  type: Type.Optional(AccountType),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Matches code or name (case-insensitive substring).' })),
  include_archived: Type.Optional(Type.Boolean({ default: false })),
};
