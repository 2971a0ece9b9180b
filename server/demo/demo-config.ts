import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DomainContext } from '../domain/context.ts';
import { hashPassword } from '../platform/secrets.ts';
import {
  DEMO_AGENTS,
  DEMO_CONTRACTS,
  DEMO_CUSTOMER_USERS,
  DEMO_CUSTOMERS,
  DEMO_GROUPS,
  DEMO_MARKER_AGENT,
  DEMO_QUEUES,
  DEMO_RESPONSE_TEMPLATES,
  DEMO_ROLES,
  DEMO_TICKET_TYPES,
  type Grant,
} from './demo-data.ts';

type Ids = Map<string, number>;

/** Keeps two processes loading the demo at once (on one PostgreSQL) from both writing it. */
const DEMO_LOCK_KEY = 727275;

export async function demoConfigured(ctx: DomainContext): Promise<boolean> {
  const marker = await ctx.db
    .selectFrom('agents')
    .select('id')
    .where('login', '=', DEMO_MARKER_AGENT)
    .executeTakeFirst();
  return marker !== undefined;
}

/**
 * Writes the demo desk's configuration (groups, queues, roles, agents, customers) in one
 * transaction: either all of it is there or none, so the marker agent means "configured".
 * Like the default data of the migrations, it is seed data written straight into the tables.
 * Returns false, writing nothing, when the demo is already there.
 */
export async function insertDemoConfig(ctx: DomainContext): Promise<boolean> {
  // scrypt is slow on purpose: hash before the transaction, which PGlite's one connection serialises
  const agentHashes = await Promise.all(DEMO_AGENTS.map((agent) => hashPassword(agent.password)));
  const userHashes = await Promise.all(DEMO_CUSTOMER_USERS.map((user) => hashPassword(user.password)));
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`.execute(trx);
    const marker = await trx
      .selectFrom('agents')
      .select('id')
      .where('login', '=', DEMO_MARKER_AGENT)
      .executeTakeFirst();
    if (marker) return false;
    const groups = await groupIds(trx);
    const queues = await insertQueues(trx, groups);
    const types = await insertTicketTypes(trx);
    const roles = await insertRoles(trx, groups);
    for (const [index, agent] of DEMO_AGENTS.entries()) {
      const { id } = await trx
        .insertInto('agents')
        .values({
          login: agent.login,
          firstName: agent.firstName,
          lastName: agent.lastName,
          email: `${agent.login}@helpdesk.example`,
          passwordHash: agentHashes[index] ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const row of grantRows(agent.grants, groups)) {
        await trx
          .insertInto('groupAgentPermissions')
          .values({ ...row, agentId: id })
          .execute();
      }
      for (const role of agent.roles) {
        await trx
          .insertInto('roleAgents')
          .values({ roleId: lookup(roles, role), agentId: id })
          .execute();
      }
      for (const queue of agent.queues) {
        await trx
          .insertInto('agentQueues')
          .values({ agentId: id, queueId: lookup(queues, queue) })
          .execute();
      }
    }
    await insertCustomers(trx, userHashes, types);
    await insertResponseTemplates(trx, queues);
    return true;
  });
}

async function groupIds(trx: Transaction<DB>): Promise<Ids> {
  for (const group of DEMO_GROUPS) {
    await trx
      .insertInto('groups')
      .values(group)
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const rows = await trx.selectFrom('groups').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

async function insertQueues(trx: Transaction<DB>, groups: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  for (const queue of DEMO_QUEUES) {
    const address = await trx
      .insertInto('systemAddresses')
      .values({ email: queue.address, displayName: queue.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('queues')
      .values({
        name: queue.name,
        groupId: lookup(groups, queue.group),
        systemAddressId: address.id,
        comments: queue.comments,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // mail sent to the module's address lands in the module's queue
    await trx.updateTable('systemAddresses').set({ queueId: id }).where('id', '=', address.id).execute();
    ids.set(queue.name, id);
  }
  return ids;
}

async function insertRoles(trx: Transaction<DB>, groups: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  for (const role of DEMO_ROLES) {
    const { id } = await trx
      .insertInto('roles')
      .values({ name: role.name, comments: role.comments })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const row of grantRows(role.grants, groups)) {
      await trx
        .insertInto('groupRolePermissions')
        .values({ ...row, roleId: id })
        .execute();
    }
    ids.set(role.name, id);
  }
  return ids;
}

/** The kinds of request, by name; one already there (the same name) keeps its settings. */
async function insertTicketTypes(trx: Transaction<DB>): Promise<Ids> {
  await trx
    .insertInto('ticketTypes')
    .values(DEMO_TICKET_TYPES)
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const rows = await trx.selectFrom('ticketTypes').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

async function insertCustomers(trx: Transaction<DB>, passwordHashes: string[], types: Ids): Promise<void> {
  const customers: Ids = new Map();
  for (const customer of DEMO_CUSTOMERS) {
    const { id } = await trx
      .insertInto('customers')
      .values({
        customerKey: customer.key,
        name: customer.name,
        street: customer.street,
        zip: customer.zip,
        city: customer.city,
        country: 'Italia',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    customers.set(customer.key, id);
  }
  for (const contract of DEMO_CONTRACTS) {
    const { id } = await trx
      .insertInto('customerContracts')
      .values({ customerId: lookup(customers, contract.customer), name: contract.name, validFrom: contract.validFrom })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('customerContractTicketTypes')
      .values(contract.ticketTypes.map((type) => ({ contractId: id, ticketTypeId: lookup(types, type) })))
      .execute();
  }
  for (const [index, user] of DEMO_CUSTOMER_USERS.entries()) {
    const { id } = await trx
      .insertInto('customerUsers')
      .values({
        login: user.login,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        phone: user.phone,
        comments: user.comments,
        passwordHash: passwordHashes[index] ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, key] of user.customers.entries()) {
      await trx
        .insertInto('customerUserCustomers')
        .values({ customerUserId: id, customerId: lookup(customers, key), isPrimary: position === 0, canSeeAll: true })
        .execute();
    }
  }
}

function grantRows(grants: Grant[], groups: Ids) {
  return grants.flatMap((grant) =>
    grant.permissions.map((permission) => ({ groupId: lookup(groups, grant.group), permission })),
  );
}

function lookup(ids: Ids, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`demo data refers to an unknown name: ${name}`);
  return id;
}

async function insertResponseTemplates(trx: Transaction<DB>, queues: Ids): Promise<void> {
  for (const template of DEMO_RESPONSE_TEMPLATES) {
    const { id } = await trx
      .insertInto('responseTemplates')
      .values({ name: template.name, text: template.text })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const queue of template.queues) {
      await trx
        .insertInto('queueResponseTemplates')
        .values({ templateId: id, queueId: lookup(queues, queue) })
        .execute();
    }
  }
}
