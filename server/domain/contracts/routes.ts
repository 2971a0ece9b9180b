import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { Id } from '../../api/schema-helpers.ts';
import { crudRoutes } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { CustomerContractCreate, CustomerContractItem, customerContractTable } from './contract-table.ts';

/** Customers' contracts: agents read them, admins keep them. */
export async function contractRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/customer-contracts',
    plural: 'customer contracts',
    table: customerContractTable,
    item: CustomerContractItem,
    create: CustomerContractCreate,
    filters: Type.Object({
      customerId: Type.Optional(Id),
      ticketTypeId: Type.Optional(Id),
    }),
  });
}
