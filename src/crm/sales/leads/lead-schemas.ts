import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { CustomFieldQuery, CustomFields } from '../../custom-fields.js';
import { Cents, Currency, CustomFieldsPatch } from '../sales-shared.js';

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export const LEAD_SOURCES = ['manual', 'website', 'referral', 'campaign', 'import', 'api', 'mcp', 'phone', 'sms', 'other'] as const;

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

export const LeadStatus = literals(LEAD_STATUSES);
/** What a client may set: `converted` only comes from POST /v1/leads/{id}/convert. */
export const SettableLeadStatus = literals(
  LEAD_STATUSES.filter((s): s is Exclude<(typeof LEAD_STATUSES)[number], 'converted'> => s !== 'converted'),
  '`converted` is set only by POST /v1/leads/{id}/convert.',
);
export const LeadSource = literals(LEAD_SOURCES);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'Any form libphonenumber reads, with an optional extension (`ext. 12`, `x12`, `;ext=12`); stored in E.164, the extension in `phone_extension`. Numbers without a country code are read in the workspace\'s `default_region`; 422 `invalid_phone` if it is not a valid number.',
});
const CompanyName = Type.String({ minLength: 1, maxLength: 200 });
const Notes = Type.String({ maxLength: 10_000 });

export const CreateLeadBody = Type.Object(
  {
    name: Name,
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    company_name: Type.Optional(Nullable(CompanyName)),
    status: Type.Optional(SettableLeadStatus),
    source: Type.Optional(LeadSource),
    notes: Type.Optional(Nullable(Notes)),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateLeadBody = Type.Object(
  {
    name: Type.Optional(Name),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    company_name: Type.Optional(Nullable(CompanyName)),
    status: Type.Optional(SettableLeadStatus),
    source: Type.Optional(LeadSource),
    notes: Type.Optional(Nullable(Notes)),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ConvertLeadBody = Type.Object(
  {
    create_deal: Type.Optional(Type.Boolean({ description: 'Also open a deal. Defaults to true when any deal_* field or amount_cents is given, else false.' })),
    deal_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Defaults to the company name, else the lead name.' })),
    deal_stage: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A stage key; defaults to the first stage by position.' })),
    amount_cents: Type.Optional(Cents()),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);

export const LeadSchema = Type.Object(
  {
    id: Type.String({ description: '`lead_` id.' }),
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: 'E.164.' })),
    phone_extension: Nullable(Type.String({ description: 'The extension `phone` was given with, or null.' })),
    company_name: Nullable(Type.String()),
    status: LeadStatus,
    source: LeadSource,
    notes: Nullable(Type.String()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    contact_id: Nullable(Type.String({ description: 'Set by conversion: the contact it became.' })),
    company_id: Nullable(Type.String({ description: 'Set by conversion: the company it was filed under.' })),
    deal_id: Nullable(Type.String({ description: 'Set by conversion with a deal.' })),
    converted_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Lead', title: 'Lead' },
);

export const ListLeadsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text search over name, email, phone, company and notes (every word, as a prefix).' })),
  status: Type.Optional(LeadStatus),
  source: Type.Optional(LeadSource),
  phone: Type.Optional(Type.String({ maxLength: 40, description: 'Leads with this phone number (any format, read in the workspace\'s `default_region`; 422 `invalid_phone` if it is not a phone number).' })),
  ...CustomFieldQuery,
};
