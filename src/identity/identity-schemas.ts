import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';

// The business the workspace's agents speak for (seed 001's identity, in our conventions):
// display name, tagline, about, website and the services with their prices. Money is integer
// cents plus currency; `price` (major units, as the seed writes it) is accepted too.

export const BILLING_INTERVALS = ['one-time', 'monthly', 'yearly'] as const;
const BillingInterval = Type.Union(BILLING_INTERVALS.map((b) => Type.Literal(b)));
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. `USD`, `EUR`, `GBP`.' });
const ServiceId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Generated (`svc_…`) when omitted; give an existing one to change that service.' });

export const ServiceInput = Type.Object(
  {
    id: Type.Optional(ServiceId),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    price_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_00 })),
    price: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000_000, description: 'The price in major units (150.00); stored as `price_cents`.' })),
    currency: Type.Optional(Currency),
    billing_interval: Type.Optional(BillingInterval),
    active: Type.Optional(Type.Boolean()),
    deleted: Type.Optional(Type.Literal(true, { description: 'With `id`: removes that service.' })),
  },
  { additionalProperties: false },
);

export const UpdateIdentityBody = Type.Object(
  {
    display_name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    profile: Type.Optional(Nullable(Type.Object(
      {
        tagline: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        about: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
        website: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 2048, pattern: '^https?://' }))),
        services: Type.Optional(Nullable(Type.Array(ServiceInput, { maxItems: 100 }))),
      },
      { additionalProperties: false },
    ))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ServiceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  price_cents: Type.Integer(),
  price: Type.Number({ description: '`price_cents` in major units.' }),
  currency: Type.String(),
  billing_interval: BillingInterval,
  active: Type.Boolean(),
});

export const ProfileSchema = Type.Object({
  tagline: Type.Optional(Type.String()),
  about: Type.Optional(Type.String()),
  website: Type.Optional(Type.String()),
  services: Type.Optional(Type.Array(ServiceSchema)),
});

export const IdentitySchema = Type.Object(
  {
    id: Type.String({ description: '`idn_` id.' }),
    handle: Type.String({ description: 'The workspace\'s name.' }),
    address: Nullable(Type.String({ description: 'Always null: Agentline has no mail addresses.' })),
    scope: Type.Literal('business'),
    display_name: Nullable(Type.String()),
    profile: Nullable(ProfileSchema),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Identity', title: 'Identity' },
);
