import type { ResourceDef, Row } from '../resource/types.ts';
import { type CustomerLink, CustomerLinksInput } from './CustomerLinksInput.tsx';

export const customers: ResourceDef = {
  key: 'customers',
  path: 'customers',
  fields: [
    { name: 'customerKey', kind: 'text', required: true },
    { name: 'name', kind: 'text', required: true },
    { name: 'street', kind: 'text' },
    { name: 'zip', kind: 'text' },
    { name: 'city', kind: 'text' },
    { name: 'country', kind: 'text' },
    { name: 'url', kind: 'text' },
    { name: 'comments', kind: 'textarea' },
  ],
  columns: [{ name: 'customerKey' }, { name: 'name' }, { name: 'city' }],
  title: (row) => String(row.name),
  withHint: true,
};

export const customerUsers: ResourceDef = {
  key: 'customerUsers',
  path: 'customer-users',
  fields: [
    { name: 'login', kind: 'text', required: true },
    { name: 'email', kind: 'email', required: true },
    { name: 'firstName', kind: 'text', required: true },
    { name: 'lastName', kind: 'text', required: true },
    { name: 'phone', kind: 'text' },
    { name: 'mobile', kind: 'text' },
    { name: 'language', kind: 'language' },
    { name: 'timeZone', kind: 'timeZone' },
    { name: 'password', kind: 'password', keepWhenEmpty: true },
    { name: 'customers', kind: 'custom', render: (props) => <CustomerLinksInput {...props} /> },
    { name: 'comments', kind: 'textarea' },
  ],
  columns: [
    { name: 'login' },
    { name: 'firstName' },
    { name: 'lastName' },
    { name: 'email' },
    {
      name: 'customers',
      format: (row) => ((row.customers ?? []) as { name: string }[]).map((customer) => customer.name).join(', '),
    },
  ],
  title: (row) => `${row.firstName} ${row.lastName} (${row.login})`,
  toValues: (row: Row) => ({
    ...row,
    customers: ((row.customers ?? []) as CustomerLink[]).map(({ customerId, isPrimary, canSeeAll }) => ({
      customerId,
      isPrimary,
      canSeeAll,
    })),
  }),
  withHint: true,
};

/** What a customer has bought: the kinds of request a contract includes are not billable while it is in force. */
export const customerContracts: ResourceDef = {
  key: 'customerContracts',
  path: 'customer-contracts',
  fields: [
    { name: 'customerId', kind: 'ref', ref: 'customers', required: true },
    { name: 'name', kind: 'text', required: true },
    { name: 'validFrom', kind: 'date' },
    { name: 'validUntil', kind: 'date' },
    { name: 'ticketTypeIds', kind: 'refs', ref: 'ticket-types' },
    { name: 'comments', kind: 'textarea' },
  ],
  columns: [{ name: 'name' }, { name: 'customerId' }, { name: 'validFrom' }, { name: 'validUntil' }],
  title: (row) => String(row.name),
  withHint: true,
};
