import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { CustomFieldQuery, CustomFields } from '../../custom-fields.js';

// Companies (seed 003 "Companies"). `query` searches name, domain, website and notes.

const Name = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Acme Corp' });
const Domain = Type.String({ maxLength: 253, description: 'e.g. `acme.com`; stored in lower case.', 'x-example': 'acme.com' });
const Website = Type.String({ maxLength: 2048, 'x-example': 'https://acme.com' });
const Notes = Type.String({ maxLength: 20_000 });
const CustomFieldsPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Merged into the existing custom fields; a key set to "" or null is removed.',
});

export const CreateCompanyBody = Type.Object(
  {
    name: Name,
    domain: Type.Optional(Domain),
    website: Type.Optional(Website),
    notes: Type.Optional(Notes),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateCompanyBody = Type.Object(
  {
    name: Type.Optional(Name),
    domain: Type.Optional(Nullable(Domain)),
    website: Type.Optional(Nullable(Website)),
    notes: Type.Optional(Nullable(Notes)),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CompanySchema = Type.Object(
  {
    id: Type.String({ description: '`com_` id.' }),
    name: Type.String(),
    domain: Nullable(Type.String()),
    website: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    archived_at: Nullable(Timestamp('Set by DELETE; archived companies are hidden from lists unless `include_archived=true`.')),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Company', title: 'Company' },
);

export const ListCompaniesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search across company name, domain, website, and notes (every word, as a prefix).' })),
  domain: Type.Optional(Type.String({ maxLength: 253, description: 'Exact domain (case-insensitive).' })),
  include_archived: Type.Optional(Type.Boolean({ default: false, description: 'Include archived companies.' })),
  ...CustomFieldQuery,
};
