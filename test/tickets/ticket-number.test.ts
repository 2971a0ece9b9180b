import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumDigit, formatTicketNumber, nextTicketNumber } from '../../server/domain/tickets/ticket-number.ts';
import { makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

const manualDay = new Date('2018-09-11T13:15:00Z');

describe('ticket numbers', () => {
  it('gives the operator manual’s two numbers for SYSTEM_ID 10 on 2018-09-11', () => {
    expect(formatTicketNumber('DateChecksum', '10', 1, manualDay)).toBe('2018091110000018');
    expect(formatTicketNumber('DateChecksum', '10', 2, manualDay)).toBe('2018091110000027');
  });

  it('never uses 0 as check digit', () => {
    // 2+0+1+16+0+18+1+2+1+0+0+0+0+0+9 = 50 → 10 − 0 = 10 → 1
    expect(checksumDigit('201809111000009')).toBe(1);
  });

  it('formats Date and AutoIncrement numbers', () => {
    expect(formatTicketNumber('Date', '10', 1, manualDay)).toBe('20180911101');
    expect(formatTicketNumber('Date', '10', 123, manualDay)).toBe('2018091110123');
    expect(formatTicketNumber('AutoIncrement', '10', 42, manualDay)).toBe('1000042');
  });
});

describe('ticket number counter', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('creates the manual’s first two tickets of 2018-09-11 as 2018091110000018 and 2018091110000027', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(manualDay);
    const first = await makeTicket(ctx, agent, queue.id);
    const second = await makeTicket(ctx, agent, queue.id, { title: 'Accensione' });
    expect(first.tn).toBe('2018091110000018');
    expect(second.tn).toBe('2018091110000027');
  });

  it('restarts the counter every day at midnight UTC, not at local midnight', async () => {
    // 23:30 UTC is already the next day in Rome: the number still carries the UTC date
    expect(await nextTicketNumber(ctx.db, 'DateChecksum', '10', new Date('2018-09-13T23:30:00Z'))).toBe(
      '2018091310000014',
    );
    expect(await nextTicketNumber(ctx.db, 'DateChecksum', '10', new Date('2018-09-13T23:59:59Z'))).toBe(
      formatTicketNumber('DateChecksum', '10', 2, new Date('2018-09-13T12:00:00Z')),
    );
    expect(await nextTicketNumber(ctx.db, 'DateChecksum', '10', new Date('2018-09-14T00:00:01Z'))).toBe(
      formatTicketNumber('DateChecksum', '10', 1, new Date('2018-09-14T12:00:00Z')),
    );
  });

  it('hands out distinct numbers to 200 concurrent creations', async () => {
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(new Date('2020-01-02T10:00:00Z'));
    const created = await Promise.all(Array.from({ length: 200 }, () => makeTicket(ctx, agent, queue.id)));
    const numbers = new Set(created.map((ticket) => ticket.tn));
    expect(numbers.size).toBe(200);
    const counters = [...numbers].map((tn) => Number(tn.slice(10, 15))).sort((a, b) => a - b);
    expect(counters[0]).toBe(1);
    expect(counters[199]).toBe(200);
  });

  it('skips a number that already exists (an imported ticket)', async () => {
    const day = new Date('2021-03-04T08:00:00Z');
    const { queue, agent } = await makeDesk(ctx);
    ctx.setNow(day);
    const taken = formatTicketNumber('DateChecksum', '10', 1, day);
    const imported = await makeTicket(ctx, agent, queue.id);
    await ctx.db
      .updateTable('tickets')
      .set({ tn: `${taken}` })
      .where('id', '=', imported.id)
      .execute();
    await ctx.db.deleteFrom('ticketNumberCounters').where('scope', '=', '20210304').execute();
    expect(await nextTicketNumber(ctx.db, 'DateChecksum', '10', day)).toBe(
      formatTicketNumber('DateChecksum', '10', 2, day),
    );
  });
});
