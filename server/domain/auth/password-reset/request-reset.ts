import { randomUUID } from 'node:crypto';
import { newSecret } from '../../../platform/secrets.ts';
import type { DomainContext } from '../../context.ts';
import { mailLanguage } from '../../mail/outbound/mail-language.ts';
import { newMessageId } from '../../mail/outbound/message-id.ts';
import { SYSTEM_AGENT_ID } from '../../tickets/ticket-transaction.ts';
import type { LoginNamespace } from '../login-throttle.ts';

/** The job that looks for the person and, if found, creates a link (payload { as, login, requestId }). */
export const PASSWORD_RESET_REQUEST_JOB = 'password-reset-request';
/** The job that sends one password_resets row's email (payload { resetId }). */
export const PASSWORD_RESET_SEND_JOB = 'password-reset-send';

/** A link is valid for an hour; a person gets at most 3 links an hour, however many are asked for. */
export const RESET_LINK_MINUTES = 60;
export const MAX_RESETS_PER_HOUR = 3;
const HOUR_MS = 3600_000;

export interface ResetRequest {
  as: LoginNamespace;
  login: string;
}

/**
 * Answers a "forgotten password" request. It only queues a job that does the rest: the request
 * costs the same, and takes the same time, whether the login exists or not, so neither the answer
 * nor its timing tells who has an account.
 */
export async function requestPasswordReset(ctx: DomainContext, request: ResetRequest): Promise<void> {
  await ctx.db
    .transaction()
    .execute((trx) => ctx.jobs.enqueue(trx, PASSWORD_RESET_REQUEST_JOB, { ...request, requestId: randomUUID() }));
  ctx.jobs.nudge();
}

/**
 * The password-reset-request job. A valid agent (not the system user) or customer user with exactly
 * this login, as logins are matched at login, and an email address gets a new link: a random token
 * whose SHA-256 is stored, valid RESET_LINK_MINUTES, and its email queued, in one transaction.
 * The person's row is locked, so that parallel requests count one after another and the fourth
 * within an hour creates nothing. Older links stay valid until they expire or one is used.
 * The same job run again (after a crash) creates nothing more: request_id is unique.
 */
export async function createResetLink(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const as: LoginNamespace = data.as === 'customer' ? 'customer' : 'agent';
  const login = String(data.login);
  const requestId = String(data.requestId);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const person =
      as === 'agent'
        ? await trx
            .selectFrom('agents')
            .select(['id', 'email', 'language'])
            .where('login', '=', login)
            .where('valid', '=', true)
            .where('id', '<>', SYSTEM_AGENT_ID)
            .forUpdate()
            .executeTakeFirst()
        : await trx
            .selectFrom('customerUsers')
            .select(['id', 'email', 'language'])
            .where('login', '=', login)
            .where('valid', '=', true)
            .forUpdate()
            .executeTakeFirst();
    const address = person?.email.trim().toLowerCase() ?? '';
    if (!person || address === '') return;
    const owner = as === 'agent' ? 'agentId' : 'customerUserId';
    const recent = await trx
      .selectFrom('passwordResets')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(owner, '=', person.id)
      .where('createdAt', '>', new Date(now.getTime() - HOUR_MS))
      .executeTakeFirstOrThrow();
    if (Number(recent.count) >= MAX_RESETS_PER_HOUR) return;
    const { secret, hash } = newSecret('pwr');
    const row = await trx
      .insertInto('passwordResets')
      .values({
        requestId,
        agentId: as === 'agent' ? person.id : null,
        customerUserId: as === 'customer' ? person.id : null,
        tokenHash: hash,
        mailToken: secret,
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
        address,
        language: mailLanguage(person.language, ctx.config.defaultLanguage),
        messageId: newMessageId(ctx.config),
        createdAt: now,
      })
      .onConflict((oc) => oc.column('requestId').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) await ctx.jobs.enqueue(trx, PASSWORD_RESET_SEND_JOB, { resetId: Number(row.id) });
  });
  ctx.jobs.nudge();
}
