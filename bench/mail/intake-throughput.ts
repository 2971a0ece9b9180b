import type { DomainContext } from '../../server/domain/context.ts';
import { type Intake, receiveMail, receiveMails } from '../../server/domain/mail/inbound/receive-mail.ts';
import { round } from '../progress.ts';
import { type Latency, summarize } from '../stats.ts';
import { benchMessage } from './bench-messages.ts';

export const BENCH_ADDRESS = 'supporto@bench.test';
const CUSTOMER_USERS = 200;

/** A queue with its system address and customer users who write to it; returns the queue id. */
export async function setUpMailDesk(ctx: DomainContext): Promise<number> {
  const group = await ctx.db
    .insertInto('groups')
    .values({ name: 'bench-mail' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const queue = await ctx.db
    .insertInto('queues')
    .values({ name: 'Assistenza bench', groupId: group.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = await ctx.db
    .insertInto('systemAddresses')
    .values({ email: BENCH_ADDRESS, displayName: 'Assistenza', queueId: queue.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('queues').set({ systemAddressId: address.id }).where('id', '=', queue.id).execute();
  const customer = await ctx.db
    .insertInto('customers')
    .values({ customerKey: 'BENCH', name: 'Comune di Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = await ctx.db
    .insertInto('customerUsers')
    .values(
      Array.from({ length: CUSTOMER_USERS }, (_, i) => ({
        login: `utente${i}`,
        email: `utente${i}@comune.test`,
        firstName: 'Utente',
        lastName: String(i),
      })),
    )
    .returning('id')
    .execute();
  await ctx.db
    .insertInto('customerUserCustomers')
    .values(users.map((user) => ({ customerUserId: user.id, customerId: customer.id, isPrimary: true })))
    .execute();
  return queue.id;
}

export interface IntakeRun {
  concurrency: number;
  /** messages handed over at once, as a mail account's fetch does (1: one message a call, as SMTP) */
  batch: number;
  messages: number;
  averageKb: number;
  seconds: number;
  perSecond: number;
  newTickets: number;
  followUps: number;
  failed: number;
  latencyMs: Latency;
}

/**
 * Feeds `count` messages of about 20 KB through receiveMail (store, parse, route, create the ticket
 * or the follow-up, store the attachment, queue the auto-response), `concurrency` callers at a
 * time, each handing over one message a call or, with `batch`, that many through receiveMails (as
 * a mail account's fetch); 3 in 10 follow up a ticket made earlier in the run. Stops at the deadline.
 */
export async function measureIntake(
  ctx: DomainContext,
  options: { count: number; concurrency: number; batch?: number; deadline: number; offset: number },
): Promise<IntakeRun> {
  const batch = options.batch ?? 1;
  // every run answers its messages: the earlier runs must not have used up the senders' daily
  // auto-responses (AUTO_RESPONSE_MAX_PER_DAY), which would spare the later ones that work
  await ctx.db.deleteFrom('autoResponseCounts').execute();
  const tns: string[] = [];
  const samples: number[] = [];
  let bytes = 0;
  let next = 0;
  const outcomes = { newTickets: 0, followUps: 0, failed: 0 };
  const started = performance.now();
  const worker = async () => {
    while (next < options.count && Date.now() < options.deadline) {
      const raws: Uint8Array[] = [];
      while (raws.length < batch && next < options.count) {
        const index = options.offset + next++;
        const followUpTn = index % 10 < 3 && tns.length > 0 ? tns[(index * 7919) % tns.length] : undefined;
        raws.push(
          benchMessage({ index, from: `utente${index % CUSTOMER_USERS}@comune.test`, to: BENCH_ADDRESS, followUpTn }),
        );
      }
      for (const raw of raws) bytes += raw.byteLength;
      const t0 = performance.now();
      const results: (Intake | Error)[] =
        batch === 1
          ? [await receiveMail(ctx, raws[0] as Uint8Array, { source: 'api' })]
          : await receiveMails(
              ctx,
              raws.map((raw) => ({ raw, meta: { source: 'api' as const } })),
            );
      // the time a caller waited for its message (a batch's for each of its messages)
      for (const _ of results) samples.push(performance.now() - t0);
      const created: number[] = [];
      for (const result of results) {
        if (!(result instanceof Error) && result.outcome === 'new_ticket' && result.ticketId) {
          outcomes.newTickets++;
          created.push(result.ticketId);
        } else if (!(result instanceof Error) && result.outcome === 'follow_up') {
          outcomes.followUps++;
        } else {
          outcomes.failed++;
        }
      }
      // the numbers later messages follow up, one look-up per call
      if (created.length > 0) {
        const tickets = await ctx.db.selectFrom('tickets').select('tn').where('id', 'in', created).execute();
        tns.push(...tickets.map((ticket) => ticket.tn));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency: options.concurrency,
    batch,
    messages: samples.length,
    averageKb: round(bytes / Math.max(1, samples.length) / 1024, 1),
    seconds: round(seconds, 2),
    perSecond: round(samples.length / seconds, 1),
    ...outcomes,
    latencyMs: summarize(samples),
  };
}
