import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { CustomFieldQuery, CustomFields } from '../../custom-fields.js';

// Contacts (seed 003 "Contacts"): people, with their phones (E.164) and emails, optionally
// linked to a company. `query` searches name, email(s), company name and notes.

const Name = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Jane Doe' });
const Email = Type.String({ format: 'email', maxLength: 320, 'x-example': 'jane@acme.com' });
const Emails = Type.Array(Email, { maxItems: 20, description: 'Every email of the contact; `email` is always among them (first).' });
const Phones = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
  maxItems: 20,
  description:
    'Phone numbers in any form libphonenumber reads (`(415) 555-2671`, `+44 (0)20 7946 0958`, `011 44 20 7946 0958`, with an extension as `ext. 12`, `x12` or `;ext=12`); stored in E.164. Numbers without a country code are read in the workspace\'s `default_region`. A number that is not valid is a 422 `invalid_phone` on `phones[i]`.',
});
const CompanyId = Type.String({ minLength: 1, maxLength: 100, description: 'A `com_` id in this workspace (404 otherwise). Sets `company_name` from the company.' });
const CompanyName = Type.String({ maxLength: 200, description: 'Free text; ignored when `company_id` is set (the company\'s name is used).' });
const Title = Type.String({ maxLength: 200 });
const Notes = Type.String({ maxLength: 20_000 });
const CustomFieldsPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Merged into the existing custom fields; a key set to "" or null is removed.',
});

export const CreateContactBody = Type.Object(
  {
    name: Name,
    email: Type.Optional(Email),
    emails: Type.Optional(Emails),
    phones: Type.Optional(Phones),
    company_id: Type.Optional(CompanyId),
    company_name: Type.Optional(CompanyName),
    title: Type.Optional(Title),
    notes: Type.Optional(Notes),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateContactBody = Type.Object(
  {
    name: Type.Optional(Name),
    email: Type.Optional(Nullable(Email)),
    emails: Type.Optional(Nullable(Emails)),
    phones: Type.Optional(Nullable(Phones)),
    company_id: Type.Optional(Nullable(CompanyId)),
    company_name: Type.Optional(Nullable(CompanyName)),
    title: Type.Optional(Nullable(Title)),
    notes: Type.Optional(Nullable(Notes)),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ContactSchema = Type.Object(
  {
    id: Type.String({ description: '`con_` id.' }),
    name: Type.String(),
    email: Nullable(Type.String({ description: 'The primary email (the first of `emails`).' })),
    emails: Type.Array(Type.String()),
    phones: Type.Array(Type.String({ description: 'E.164, e.g. +14155552671.' })),
    phone_details: Type.Array(
      Type.Object({ number: Type.String({ description: 'E.164, as in `phones`.' }), extension: Nullable(Type.String({ description: 'The extension the number was given with, or null.' })) }),
      { description: 'The same numbers as `phones`, in the same order, with their extensions.' },
    ),
    company_id: Nullable(Type.String()),
    company_name: Nullable(Type.String()),
    title: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    archived_at: Nullable(Timestamp('Set by DELETE; archived contacts are hidden from lists unless `include_archived=true`.')),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Contact', title: 'Contact' },
);

export const ListContactsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search across contact name, email, company, and notes (every word, as a prefix).' })),
  company_id: Type.Optional(Type.String({ maxLength: 100, description: 'Restrict results to contacts linked to this company.' })),
  phone: Type.Optional(Type.String({ maxLength: 40, description: 'Any of the contact\'s phones, in any form (read in the workspace\'s `default_region`; 422 `invalid_phone` if it is not a valid number).' })),
  email: Type.Optional(Type.String({ maxLength: 320, description: 'Any of the contact\'s emails (case-insensitive).' })),
  include_archived: Type.Optional(Type.Boolean({ default: false, description: 'Include archived contacts.' })),
  ...CustomFieldQuery,
};
