import { Type } from '@sinclair/typebox';
import { Id, Nullable } from '../../api/schema-helpers.ts';
import { Comments, configItem, Email, Language, Name, Password, TimeZone, Valid } from '../config/index.ts';

const Phone = Type.String({ maxLength: 50 });

export const CustomerLinkInput = Type.Object(
  {
    customerId: Id,
    isPrimary: Type.Optional(Type.Boolean({ description: 'the customer their tickets are for by default' })),
    canSeeAll: Type.Optional(
      Type.Boolean({ description: 'sees every ticket of this customer, not only their own (default true)' }),
    ),
  },
  { additionalProperties: false },
);

export const CustomerLink = Type.Object({
  customerId: Type.Integer(),
  customerKey: Type.String(),
  name: Type.String(),
  isPrimary: Type.Boolean(),
  canSeeAll: Type.Boolean(),
});

export const CustomerUserItem = configItem({
  login: Type.String(),
  email: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  phone: Type.String(),
  mobile: Type.String(),
  language: Type.String(),
  timeZone: Nullable(Type.String()),
  comments: Type.String(),
  hasPassword: Type.Boolean(),
  customers: Type.Array(CustomerLink),
});

export const CustomerUserCreate = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$' }),
    email: Email,
    firstName: Name,
    lastName: Name,
    phone: Type.Optional(Phone),
    mobile: Type.Optional(Phone),
    language: Type.Optional(Language),
    timeZone: Type.Optional(TimeZone),
    comments: Type.Optional(Comments),
    password: Type.Optional(Password),
    customers: Type.Optional(
      Type.Array(CustomerLinkInput, {
        maxItems: 200,
        description: 'the customers they work for; on update, replaces them all',
      }),
    ),
    valid: Valid,
  },
  { additionalProperties: false },
);
