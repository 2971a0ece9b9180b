import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Intake, receiveMail, receiveMails } from '../../server/domain/mail/inbound/receive-mail.ts';
import { makeDesk, makeQueue } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { STATE } from '../tickets/helpers.ts';

/**
 * Messages received together (a fetch's batch, SMTP connections at the same moment) share one
 * transaction: each must still come out as if it had arrived alone.
 */
let ctx: TestContext;
let desk: Awaited<ReturnType<typeof makeDesk>>;
let serial = 0;

function message(from: string, subject: string): Uint8Array {
  const lines = [
    `From: ${from}`,
    'To: lotti@sportello.test',
    `Subject: ${subject}`,
    `Message-ID: <lotto-${++serial}-${Date.now()}@ditta.test>`,
    'Date: Thu, 03 Dec 2026 09:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${subject}: il cedolino non si stampa.\n\nGino Bianchi\nTel. 0364 222333`,
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

const fromImap = (raws: Uint8Array[]) => raws.map((raw) => ({ raw, meta: { source: 'imap' as const } }));

function received(results: (Intake | Error)[]): Intake[] {
  for (const result of results) if (result instanceof Error) throw result;
  return results as Intake[];
}

async function answeredTickets(ticketIds: number[]) {
  const rows = await ctx.db
    .selectFrom('articles')
    .select('ticketId')
    .where('senderType', '=', 'system')
    .where('ticketId', 'in', ticketIds)
    .orderBy('ticketId')
    .execute();
  return rows.map((row) => row.ticketId);
}

beforeAll(async () => {
  ctx = await createTestContext({ autoResponseMaxPerDay: 2 });
  desk = await makeDesk(ctx);
  await ctx.db
    .insertInto('systemAddresses')
    .values({ email: 'lotti@sportello.test', displayName: 'Lotti', queueId: desk.queue.id })
    .execute();
});

afterAll(() => ctx.close());

describe('messages received together', () => {
  it('each becomes its own ticket, and one sender gets at most the daily auto-responses, counted message by message', async () => {
    const results = received(
      await receiveMails(
        ctx,
        fromImap([1, 2, 3, 4].map((i) => message('Gino Bianchi <gino@ditta.test>', `Cedolino ${i} non stampato`))),
      ),
    );
    expect(results.map((result) => result.outcome)).toEqual(['new_ticket', 'new_ticket', 'new_ticket', 'new_ticket']);
    const tickets = results.map((result) => result.ticketId ?? -1);
    expect(new Set(tickets).size).toBe(4);
    // the limit is 2 a day: the first two are answered, the other two say why not
    expect(await answeredTickets(tickets)).toEqual(tickets.slice(0, 2));
    const skipped = await ctx.db
      .selectFrom('ticketHistory')
      .select(['ticketId', 'data'])
      .where('type', '=', 'AutoResponseSkipped')
      .where('ticketId', 'in', tickets)
      .orderBy('ticketId')
      .execute();
    expect(skipped.map((row) => [row.ticketId, row.data.reason])).toEqual([
      [tickets[2], 'daily-limit'],
      [tickets[3], 'daily-limit'],
    ]);
  });

  it('a message that cannot become a ticket is kept as failed, and the others of its batch are not held back', async () => {
    // a filter sends it to a queue that was deactivated: its ticket cannot be made
    const closed = await makeQueue(ctx, desk.group.id);
    await ctx.db.updateTable('queues').set({ valid: false }).where('id', '=', closed.id).execute();
    await ctx.db
      .insertInto('postmasterFilters')
      .values({
        name: 'to the old queue',
        conditions: JSON.stringify([{ header: 'Subject', value: 'VECCHIO ARCHIVIO', negate: false, regex: false }]),
        setQueueId: closed.id,
      })
      .execute();
    const results = received(
      await receiveMails(
        ctx,
        fromImap([
          message('Anna Neri <anna@ditta.test>', 'Stipendi di marzo'),
          message('Anna Neri <anna@ditta.test>', 'Richiesta VECCHIO ARCHIVIO'),
          message('Piero Blu <piero@ditta.test>', 'Ferie non calcolate'),
        ]),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(['processed', 'failed', 'processed']);
    const failed = await ctx.db
      .selectFrom('mailMessages')
      .select(['status', 'error', 'ticketId'])
      .where('id', '=', results[1]?.id ?? -1)
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.ticketId).toBeNull();
    expect(failed.error).toBeTruthy();
  });

  it('two batches received at the same moment, with the same senders in opposite order, both go through', async () => {
    const senders = ['Uno <uno@ditta.test>', 'Due <due@ditta.test>', 'Tre <tre@ditta.test>'];
    const batch = (order: string[], tag: string) => fromImap(order.map((from) => message(from, `Lotto ${tag} paghe`)));
    const [first, second] = await Promise.all([
      receiveMails(ctx, batch(senders, 'A')),
      receiveMails(ctx, batch([...senders].reverse(), 'B')),
    ]);
    const all = [...received(first ?? []), ...received(second ?? [])];
    expect(all.map((result) => result.outcome)).toEqual(Array(6).fill('new_ticket'));
    // each sender wrote twice: both answered, within the limit of 2
    expect(await answeredTickets(all.map((result) => result.ticketId ?? -1))).toHaveLength(6);
  });

  it('messages handed over one by one at the same moment (SMTP connections) each become their ticket', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        receiveMail(ctx, message(`Utente ${i} <utente${i}@ditta.test>`, `Modulo ${i} bloccato`), { source: 'smtp' }),
      ),
    );
    expect(results.map((result) => result.outcome)).toEqual(Array(5).fill('new_ticket'));
    expect(new Set(results.map((result) => result.ticketId)).size).toBe(5);
    expect(results.every((result) => !result.duplicate)).toBe(true);
  });

  it('follow-ups in one batch: two to one closed ticket reopen it once, one to a merged ticket goes where it was merged', async () => {
    const made = received(
      await receiveMails(
        ctx,
        fromImap([
          message('Sara Gialli <sara@ditta.test>', 'Conguaglio IRPEF errato'),
          message('Sara Gialli <sara@ditta.test>', 'Conguaglio IRPEF doppio'),
          message('Sara Gialli <sara@ditta.test>', 'Conguaglio IRPEF da rifare'),
        ]),
      ),
    ).map((result) => result.ticketId ?? -1);
    const [closed, merged, target] = made as [number, number, number];
    await ctx.db.updateTable('tickets').set({ stateId: STATE.closedSuccessful }).where('id', '=', closed).execute();
    await ctx.db
      .updateTable('tickets')
      .set({ stateId: STATE.merged, mergedIntoId: target })
      .where('id', '=', merged)
      .execute();
    const tn = async (id: number | undefined) =>
      (
        await ctx.db
          .selectFrom('tickets')
          .select('tn')
          .where('id', '=', id ?? -1)
          .executeTakeFirstOrThrow()
      ).tn;
    const results = received(
      await receiveMails(
        ctx,
        fromImap([
          message('Sara Gialli <sara@ditta.test>', `Re: [Ticket#${await tn(closed)}] ancora errato`),
          message('Sara Gialli <sara@ditta.test>', `Re: [Ticket#${await tn(merged)}] doppio`),
          message('Sara Gialli <sara@ditta.test>', `Re: [Ticket#${await tn(closed)}] e ancora`),
          message('Sara Gialli <sara@ditta.test>', 'Re: [Ticket#2026010199999999] numero che non esiste'),
        ]),
      ),
    );
    expect(results.map((result) => [result.outcome, result.ticketId])).toEqual([
      ['follow_up', closed],
      ['follow_up', target],
      ['follow_up', closed],
      ['new_ticket', expect.any(Number)],
    ]);
    const reopened = await ctx.db
      .selectFrom('tickets')
      .select('stateId')
      .where('id', '=', closed)
      .executeTakeFirstOrThrow();
    expect(reopened.stateId).toBe(STATE.open);
    const history = await ctx.db
      .selectFrom('ticketHistory')
      .select('type')
      .where('ticketId', '=', closed)
      .where('type', 'in', ['FollowUp', 'StateUpdate'])
      .orderBy('id')
      .execute();
    // the first follow-up reopens it (article, then state); the second finds it open
    expect(history.map((row) => row.type)).toEqual(['FollowUp', 'StateUpdate', 'FollowUp']);
    const onTarget = await ctx.db
      .selectFrom('articles')
      .select('subject')
      .where('ticketId', '=', target)
      .where('senderType', '=', 'customer')
      .orderBy('id')
      .execute();
    expect(onTarget.map((row) => row.subject)).toEqual([
      'Conguaglio IRPEF da rifare',
      expect.stringContaining('doppio'),
    ]);
  });
});
