import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';

// Customers (seed 001 "Customer Endpoints"): a business's customer record with one or more
// contacts, each a CRM contact (`guid` is its `con_` id). Field names are the seed's in
// snake_case (api-conventions.md wins); `displayName` is accepted as the seed spells it.

const Email = Type.String({ format: 'email', maxLength: 320, 'x-example': 'jane@acme.com' });
const DisplayName = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Jane Doe' });
const Guid = Type.String({ minLength: 1, maxLength: 100, description: 'A CRM contact id (`con_…`) of this workspace.', 'x-example': 'con_01JABCDEFGHJKMNPQRSTVWXYZ0' });
const Company = Type.String({ maxLength: 200, 'x-example': 'Acme Corp' });
const Phone = Type.String({
  minLength: 1,
  maxLength: 64,
  'x-example': '+14155550100',
  description:
    "Any form libphonenumber reads, in the workspace's `default_region`; stored in E.164, added to the primary contact's `phones`, and calls and SMS from it show on the customer. Text that is not a phone number is kept as given (and `phone_e164` is null: nothing is matched on it).",
});
const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', 'x-example': 'vip' });
const Tags = Type.Array(Tag, { maxItems: 20, description: 'Trimmed, duplicates dropped; `?tag=` filters on one.' });
const Notes = Type.String({ maxLength: 20_000, 'x-example': 'Met at conference' });
const Metadata = Type.Record(Type.String({ minLength: 1, maxLength: 40 }), Type.Unknown(), {
  maxProperties: 50,
  description: 'Your own JSON values (at most 50 keys, 16 KB in all).',
  'x-example': { lead_source: 'conference' },
});

export const ContactInput = Type.Object(
  {
    email: Type.Optional(Email),
    display_name: Type.Optional(DisplayName),
    displayName: Type.Optional({ ...DisplayName, description: 'The seed\'s spelling of `display_name`.' }),
    guid: Type.Optional(Guid),
  },
  {
    additionalProperties: false,
    description:
      '`{ email, display_name? }` (links the CRM contact with that email, or creates one) or `{ guid }` (an existing CRM contact).',
  },
);
export type ContactInputDto = Static<typeof ContactInput>;

export const CreateCustomerBody = Type.Object(
  {
    contacts: Type.Array(ContactInput, { minItems: 1, maxItems: 20, description: 'At least one; the first is the primary contact.' }),
    company: Type.Optional(Company),
    phone: Type.Optional(Phone),
    tags: Type.Optional(Tags),
    notes: Type.Optional(Notes),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    company: Type.Optional(Nullable(Company)),
    phone: Type.Optional(Nullable(Phone)),
    tags: Type.Optional(Tags),
    notes: Type.Optional(Nullable(Notes)),
    metadata: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 40 }), Type.Unknown(), {
        maxProperties: 50,
        description: 'Merged into the stored metadata; a key set to null is removed.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

const CustomerContact = Type.Object({
  guid: Type.String({ description: 'The CRM contact\'s id (`con_…`): `GET /v1/contacts/{guid}`.' }),
  email: Nullable(Type.String()),
  display_name: Type.String(),
  is_primary: Type.Boolean(),
  phones: Type.Array(Type.String({ description: 'E.164.' })),
  timeline_url: Type.String({ description: 'The contact\'s CRM timeline (calls, SMS, tickets, tasks, activities).' }),
});

const RecentCall = Type.Object({
  id: Type.String(),
  direction: Type.String(),
  from: Type.String(),
  to: Type.String(),
  status: Type.String(),
  duration_seconds: Nullable(Type.Number()),
  contact_id: Nullable(Type.String()),
  created_at: Timestamp(),
});
const RecentSms = Type.Object({
  id: Type.String(),
  direction: Type.String(),
  from: Type.String(),
  to: Type.String(),
  status: Type.String(),
  body: Type.String(),
  contact_id: Nullable(Type.String()),
  created_at: Timestamp(),
});

export const CustomerSchema = Type.Object(
  {
    id: Type.String({ description: '`cus_` id.' }),
    identity_id: Type.String({ description: 'The workspace (the business identity) the customer belongs to.' }),
    company: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    phone_e164: Nullable(Type.String({ description: 'What calls and SMS are matched on; null when `phone` is not a number.' })),
    tags: Type.Array(Type.String()),
    notes: Nullable(Type.String()),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    contacts: Type.Array(CustomerContact, { description: 'The primary contact first.' }),
    recent_calls: Type.Optional(
      Type.Array(RecentCall, { description: 'Single-customer responses only: the 10 latest calls with any of its contacts or from/to its phone.' }),
    ),
    recent_sms: Type.Optional(Type.Array(RecentSms, { description: 'Single-customer responses only: the 10 latest SMS, likewise.' })),
    timeline_url: Type.String({ description: 'All of its calls and SMS, newest first, paged: `GET /v1/identity/customers/{id}/timeline`.' }),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Customer', title: 'Customer' },
);
export type CustomerDto = Static<typeof CustomerSchema>;

export const ListCustomersQuery = {
  tag: Type.Optional(Type.String({ maxLength: 50, description: 'Customers with this tag.' })),
  email: Type.Optional(Type.String({ maxLength: 320, description: 'Customers with a contact that has this email (any of its emails, case-insensitive).' })),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of company or notes.' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Same as `query`.' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'The seed\'s offset paging: rows to skip (after `cursor`, when both are given).' })),
};
