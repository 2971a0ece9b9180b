import { Value } from '@sinclair/typebox/value';
import type { Permission } from '../../db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { AgentCreate, type CreateAgentInput, createAgent } from '../agents/index.ts';
import type { DomainContext } from '../context.ts';
import { type Actor, PERMISSIONS } from '../permissions/actor.ts';

export interface AddAgentInput {
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  password?: string;
  /** groups by name, as people type them on the command line */
  groups: { group: string; permissions: Permission[] }[];
}

/**
 * `sportello agent add`, through the socket or straight on the database: the agents domain's own
 * createAgent. Without a route in front of it when the CLI opens the database itself, the input
 * is checked here against the same schema POST /api/v1/agents uses, so both ways refuse alike.
 */
export async function addAgent(ctx: DomainContext, actor: Actor, input: AddAgentInput) {
  const body: CreateAgentInput = {
    login: input.login,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    ...(input.password === undefined ? {} : { password: input.password }),
    groups: input.groups.map((grant) => ({ groupName: grant.group, permissions: grant.permissions })),
  };
  // the grants are left out: TypeBox cannot check the permission keys' schema (an Unsafe enum
  // meant for Ajv), so they are checked against PERMISSIONS instead
  const { groups, ...scalars } = body;
  const error = Value.Errors(AgentCreate, scalars).First();
  if (error) {
    const field = error.path.replace(/^\//, '').replaceAll('/', '.') || 'body';
    throw new DomainError('validation', 'error.validation', { field, detail: error.message }, field);
  }
  for (const [index, grant] of (groups ?? []).entries()) {
    const unknown = grant.permissions.find((key) => !PERMISSIONS.includes(key));
    if (unknown !== undefined) {
      const field = `groups.${index}.permissions`;
      throw new DomainError('validation', 'error.validation', { field, detail: `unknown key ${unknown}` }, field);
    }
  }
  return createAgent(ctx, actor, body);
}
