import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { Id } from '../../api/schema-helpers.ts';
import { crudRoutes } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { createCustomerUser } from './commands/create-customer-user.ts';
import { updateCustomerUser } from './commands/update-customer-user.ts';
import { CustomerCreate, CustomerItem, customerTable } from './customer-table.ts';
import { CustomerUserCreate, CustomerUserItem } from './customer-user-schemas.ts';
import { customerUserTable } from './customer-user-table.ts';
import { customerImportRoutes } from './import/routes.ts';

/** Customers and customer users, for agents to find and admins to keep. */
export async function customerRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/customers',
    plural: 'customers',
    table: customerTable,
    item: CustomerItem,
    create: CustomerCreate,
  });
  crudRoutes(app, ctx, {
    path: '/api/v1/customer-users',
    plural: 'customer users',
    table: customerUserTable,
    item: CustomerUserItem,
    create: CustomerUserCreate,
    filters: Type.Object({ customerId: Type.Optional(Id) }),
    commands: {
      create: (actor, body) => createCustomerUser(ctx, actor, body),
      update: (actor, id, body) => updateCustomerUser(ctx, actor, id, body),
    },
  });
  await customerImportRoutes(app, ctx);
}
