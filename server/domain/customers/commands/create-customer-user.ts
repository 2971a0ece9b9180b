import type { Static } from '@sinclair/typebox';
import { createConfigRow, passwordColumn, requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { CustomerUserCreate } from '../customer-user-schemas.ts';
import { customerUserTable } from '../customer-user-table.ts';

export type CreateCustomerUserInput = Static<typeof CustomerUserCreate>;

/** Creates a customer user with the customers they work for, in one transaction. */
export async function createCustomerUser(ctx: DomainContext, actor: Actor, input: CreateCustomerUserInput) {
  requireAdmin(actor);
  const computed = await passwordColumn(input.password);
  return createConfigRow(ctx, actor, customerUserTable, input, computed);
}
