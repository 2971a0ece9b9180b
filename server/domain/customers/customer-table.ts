import { type Static, Type } from '@sinclair/typebox';
import { Comments, type ConfigTable, columnsOf, configItem, Name, Valid } from '../config/index.ts';

const Text = Type.String({ maxLength: 200 });

export const CustomerItem = configItem({
  customerKey: Type.String(),
  name: Type.String(),
  street: Type.String(),
  zip: Type.String(),
  city: Type.String(),
  country: Type.String(),
  url: Type.String(),
  comments: Type.String(),
});

export const CustomerCreate = Type.Object(
  {
    customerKey: Type.String({ minLength: 1, maxLength: 150, description: 'the customer id (OTRS CustomerID)' }),
    name: Name,
    street: Type.Optional(Text),
    zip: Type.Optional(Type.String({ maxLength: 20 })),
    city: Type.Optional(Text),
    country: Type.Optional(Text),
    url: Type.Optional(Type.String({ maxLength: 500 })),
    comments: Type.Optional(Comments),
    valid: Valid,
  },
  { additionalProperties: false },
);

/** Customers (OTRS customer companies): the bodies customer users work for. */
export const customerTable: ConfigTable<Static<typeof CustomerCreate>, Static<typeof CustomerItem>> = {
  table: 'customers',
  kind: 'object.customer',
  notFound: 'error.not_found.customer',
  columns: columnsOf(CustomerItem),
  writable: ['customerKey', 'name', 'street', 'zip', 'city', 'country', 'url', 'comments'],
  search: ['customerKey', 'name', 'city'],
  orderBy: 'name',
  // tickets and the customer users working for it keep it in use (foreign keys)
};
