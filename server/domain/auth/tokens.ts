import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { newSecret, sha256 } from '../../platform/secrets.ts';
import { recordAdminChange } from '../admin-log/index.ts';
import { configTransaction } from '../config/config-transaction.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

export interface CreateTokenInput {
  name: string;
  /** whose token; by default the caller's own. Only admins create tokens for someone else. */
  agentId?: number;
  customerUserId?: number;
  expiresAt?: Date | null;
}

/** The first instant of the year 10000: dates from there on have no four-digit year to be written with. */
const YEAR_10000 = Date.UTC(10000, 0, 1);

/** An expiry must be a real date in the future, and one ISO 8601 can write (years 0000–9999). */
function checkExpiry(ctx: DomainContext, expiresAt: Date | null | undefined): void {
  if (!expiresAt) return;
  const time = expiresAt.getTime();
  if (Number.isNaN(time) || time <= ctx.now().getTime()) throw invalid('expiresAt', 'error.expiry_not_future');
  if (time >= YEAR_10000) throw invalid('expiresAt', 'error.expiry_too_far');
}

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createToken(ctx: DomainContext, actor: Actor, input: CreateTokenInput) {
  // a token belongs to one agent or one customer user (the table's CHECK says so too)
  if (input.agentId !== undefined && input.customerUserId !== undefined) {
    throw invalid('customerUserId', 'error.token_one_owner');
  }
  checkExpiry(ctx, input.expiresAt);
  const own = input.agentId === undefined && input.customerUserId === undefined;
  const forSelf =
    own ||
    (actor.kind === 'agent' && input.agentId === actor.agentId) ||
    (actor.kind === 'customer' && input.customerUserId === actor.customerUserId);
  if (!forSelf && !(actor.kind === 'agent' && actor.isAdmin)) throw new DomainError('forbidden', 'error.admin_only');
  const agentId = own ? (actor.kind === 'agent' ? actor.agentId : null) : (input.agentId ?? null);
  const customerUserId = own
    ? actor.kind === 'customer'
      ? actor.customerUserId
      : null
    : (input.customerUserId ?? null);
  let owner: { login: string } | undefined;
  if (agentId !== null) {
    owner = await ctx.db.selectFrom('agents').select('login').where('id', '=', agentId).executeTakeFirst();
    if (!owner) throw notFound('error.not_found.agent', agentId);
  }
  if (customerUserId !== null) {
    owner = await ctx.db
      .selectFrom('customerUsers')
      .select('login')
      .where('id', '=', customerUserId)
      .executeTakeFirst();
    if (!owner) throw notFound('error.not_found.customer_user', customerUserId);
  }
  const { secret, hash } = newSecret('spt');
  // the owner may be deleted meanwhile: the database's refusal is translated as for configuration
  const row = await configTransaction(ctx, async (trx) => {
    const created = await trx
      .insertInto('apiTokens')
      .values({ name: input.name, tokenHash: hash, agentId, customerUserId, expiresAt: input.expiresAt ?? null })
      .returning(['id', 'name', 'agentId', 'customerUserId', 'expiresAt', 'createdAt'])
      .executeTakeFirstOrThrow();
    // one's own token is one's own business; a token made for someone else is an admin change
    if (!forSelf) await logToken(trx, actor, created, 'create', owner?.login);
    return created;
  });
  return { ...presentToken(row), token: secret };
}

interface TokenRow {
  id: number;
  name: string;
  agentId: number | null;
  customerUserId: number | null;
  expiresAt: Date | null;
}

/** The admin change log's entry for a token an admin made or revoked for someone else (never its secret). */
function logToken(trx: Transaction<DB>, actor: Actor, token: TokenRow, action: 'create' | 'revoke', owner?: string) {
  const { agentId, customerUserId, expiresAt } = token;
  return recordAdminChange(trx, actor, {
    objectType: 'api_tokens',
    objectId: token.id,
    objectName: token.name,
    action,
    changes: { agentId, customerUserId, ...(owner === undefined ? {} : { owner }), expiresAt },
  });
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

function presentToken<
  T extends { createdAt: Date; expiresAt: Date | null; revokedAt?: Date | null; lastUsedAt?: Date | null },
>(row: T) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

export async function findToken(ctx: DomainContext, secret: string) {
  const now = ctx.now();
  const token = await ctx.db
    .selectFrom('apiTokens')
    .select(['id', 'agentId', 'customerUserId', 'lastUsedAt'])
    .where('tokenHash', '=', sha256(secret))
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
  if (token && (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000)) {
    await ctx.db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', token.id).execute();
  }
  return token;
}

/** The caller's own tokens (admins: everyone's), without secrets. */
export async function listTokens(ctx: DomainContext, actor: Actor) {
  let query = ctx.db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'agentId', 'customerUserId', 'expiresAt', 'revokedAt', 'lastUsedAt', 'createdAt'])
    .orderBy('id');
  if (actor.kind === 'customer') query = query.where('customerUserId', '=', actor.customerUserId);
  else if (!actor.isAdmin) query = query.where('agentId', '=', actor.agentId);
  return (await query.execute()).map(presentToken);
}

/** Revokes a token of one's own; admins any token, which the admin change log records when it is someone else's. */
export async function revokeToken(ctx: DomainContext, actor: Actor, tokenId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    let query = trx.updateTable('apiTokens').set({ revokedAt: ctx.now() }).where('id', '=', tokenId);
    if (actor.kind === 'customer') query = query.where('customerUserId', '=', actor.customerUserId);
    else if (!actor.isAdmin) query = query.where('agentId', '=', actor.agentId);
    const revoked = await query.returning(['id', 'name', 'agentId', 'customerUserId', 'expiresAt']).executeTakeFirst();
    if (!revoked) throw notFound('error.not_found.route', `token ${tokenId}`);
    if (actor.kind === 'agent' && revoked.agentId !== actor.agentId) await logToken(trx, actor, revoked, 'revoke');
  });
}
