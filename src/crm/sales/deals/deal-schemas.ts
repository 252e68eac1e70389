import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { CustomFieldQuery, CustomFields } from '../../custom-fields.js';
import { Cents, Currency, CustomFieldsPatch, DateOnly, IncludeArchivedQuery } from '../sales-shared.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const StageKey = Type.String({ minLength: 1, maxLength: 40, description: 'A deal stage `key`; 422 `unknown_stage` if there is none (or it is archived).' });
const Ref = (prefix: string, what: string) => Type.String({ minLength: 1, maxLength: 100, description: `A \`${prefix}_\` id; 404 if there is no such ${what}.` });

export const CreateDealBody = Type.Object(
  {
    name: Name,
    stage: Type.Optional(StageKey),
    company_id: Type.Optional(Nullable(Ref('com', 'company'))),
    contact_id: Type.Optional(Nullable(Ref('con', 'contact'))),
    lead_id: Type.Optional(Nullable(Ref('lead', 'lead'))),
    amount_cents: Type.Optional(Nullable(Cents())),
    currency: Type.Optional(Currency),
    expected_close_date: Type.Optional(Nullable(DateOnly('YYYY-MM-DD.'))),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateDealBody = Type.Object(
  {
    name: Type.Optional(Name),
    stage: Type.Optional(StageKey),
    company_id: Type.Optional(Nullable(Ref('com', 'company'))),
    contact_id: Type.Optional(Nullable(Ref('con', 'contact'))),
    amount_cents: Type.Optional(Nullable(Cents())),
    currency: Type.Optional(Currency),
    expected_close_date: Type.Optional(Nullable(DateOnly('YYYY-MM-DD.'))),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DealSchema = Type.Object(
  {
    id: Type.String({ description: '`deal_` id.' }),
    name: Type.String(),
    stage: Type.String({ description: 'The key of its deal stage.' }),
    company_id: Nullable(Type.String()),
    contact_id: Nullable(Type.String()),
    lead_id: Nullable(Type.String({ description: 'The lead it was converted from, if any.' })),
    amount_cents: Nullable(Type.Integer()),
    currency: Type.String(),
    expected_close_date: Nullable(Type.String({ format: 'date' })),
    custom_fields: Type.Record(Type.String(), Type.String()),
    archived_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Deal', title: 'Deal' },
);

export const ListDealsQuery = {
  stage: Type.Optional(Type.String({ maxLength: 40 })),
  company_id: Type.Optional(Type.String({ maxLength: 100 })),
  contact_id: Type.Optional(Type.String({ maxLength: 100 })),
  ...CustomFieldQuery,
  ...IncludeArchivedQuery,
};
