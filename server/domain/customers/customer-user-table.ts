import type { Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import { type ConfigTable, columnsOf } from '../config/index.ts';
import { customerLinks, replaceCustomerLinks } from './customer-links.ts';
import { type CustomerUserCreate, CustomerUserItem } from './customer-user-schemas.ts';

type Item = Static<typeof CustomerUserItem>;

/** Customer users: the people who open tickets, working for one or more customers. */
export const customerUserTable: ConfigTable<Static<typeof CustomerUserCreate>, Item> = {
  table: 'customerUsers',
  kind: 'object.customer_user',
  notFound: 'error.not_found.customer_user',
  // the hash is read only to say whether there is one; present() drops it
  columns: [...columnsOf(CustomerUserItem, 'hasPassword', 'customers'), 'passwordHash'],
  writable: ['login', 'email', 'firstName', 'lastName', 'phone', 'mobile', 'language', 'timeZone', 'comments'],
  search: ['login', 'email', 'firstName', 'lastName'],
  // the desk's default language (system settings) for someone created without one
  defaults: (config) => ({ language: config.defaultLanguage }),
  orderBy: 'login',
  filters: {
    customerId: (value) =>
      sql<boolean>`customer_users.id in (select customer_user_id from customer_user_customers where customer_id = ${value})`,
  },
  owned: [
    { table: 'customerUserCustomers', column: 'customerUserId' },
    { table: 'sessions', column: 'customerUserId' },
    { table: 'apiTokens', column: 'customerUserId' },
  ],
  afterWrite: async (trx, id, body) => {
    if (body.customers) await replaceCustomerLinks(trx, id, body.customers);
  },
  present: async (db, rows) => {
    const links = await customerLinks(
      db,
      rows.map((row) => Number(row.id)),
    );
    return rows.map(({ passwordHash, ...row }) => ({
      // read with the item's columns (see presentRows); only these two are added
      ...(row as Omit<Item, 'hasPassword' | 'customers'>),
      hasPassword: typeof passwordHash === 'string',
      customers: links.get(Number(row.id)) ?? [],
    }));
  },
};
