import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';

export const CreatePaymentBody = Type.Object(
  {
    invoice_id: Type.String({ minLength: 1, maxLength: 100, description: 'The `inv_` id it pays; 404 if there is no such invoice.' }),
    amount_cents: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'At most the amount still due (422 `exceeds_balance_due`).' }),
    method: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'How it was paid, e.g. `card`, `bank_transfer`, `cash`, `check`.' })),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your reference: a transfer id, a check number ...' })),
    paid_at: Type.Optional(Timestamp('When the money arrived; defaults to now.')),
  },
  { additionalProperties: false },
);

export const PaymentSchema = Type.Object(
  {
    id: Type.String({ description: '`pay_` id.' }),
    invoice_id: Type.String(),
    amount_cents: Type.Integer(),
    currency: Type.String({ description: 'The invoice\'s currency.' }),
    method: Nullable(Type.String()),
    reference: Nullable(Type.String()),
    paid_at: Timestamp(),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
  },
  { $id: 'Payment', title: 'Payment' },
);

export const ListPaymentsQuery = {
  invoice_id: Type.Optional(Type.String({ maxLength: 100 })),
};
