import { passwordColumn, requireAdmin, updateConfigRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { customerUserTable } from '../customer-user-table.ts';
import type { CreateCustomerUserInput } from './create-customer-user.ts';

export type UpdateCustomerUserInput = Partial<CreateCustomerUserInput>;

/** Changes a customer user; `customers`, when given, replaces all of theirs. */
export async function updateCustomerUser(
  ctx: DomainContext,
  actor: Actor,
  customerUserId: number,
  input: UpdateCustomerUserInput,
) {
  requireAdmin(actor);
  const computed = await passwordColumn(input.password);
  return updateConfigRow(ctx, actor, customerUserTable, customerUserId, input, computed);
}
