import { sql } from 'kysely';
import type { TicketNumberGenerator } from '../../config/config.ts';
import type { Database } from '../../db/connect.ts';

/** YYYYMMDD of the moment in UTC: OTRS counts days in OTRSTimeZone, UTC by default. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The DateChecksum check digit (DOMAIN.md §1.1): weights 1,2,1,2… from the left,
 * 10 − sum mod 10, and 10 becomes 1.
 */
export function checksumDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 2);
  const digit = 10 - (sum % 10);
  return digit === 10 ? 1 : digit;
}

export function formatTicketNumber(
  generator: TicketNumberGenerator,
  systemId: string,
  counter: number,
  now: Date,
): string {
  const padded = String(counter).padStart(5, '0');
  switch (generator) {
    case 'DateChecksum': {
      const base = `${utcDay(now)}${systemId}${padded}`;
      return `${base}${checksumDigit(base)}`;
    }
    case 'Date':
      // OTRS's Date generator leaves the counter unpadded (UseFormattedCounter off by default):
      // a desk moving from it keeps numbering the same way
      return `${utcDay(now)}${systemId}${counter}`;
    case 'AutoIncrement':
      return `${systemId}${padded}`;
  }
}

function counterScope(generator: TicketNumberGenerator, now: Date): string {
  return generator === 'AutoIncrement' ? 'auto' : utcDay(now);
}

/**
 * Takes the next counter values with one atomic upsert: two transactions, in one process or many,
 * never read the same value. It runs outside the ticket's transaction so that the counter row is
 * locked only for the statement, not for the whole creation. The mail intake numbers a whole batch
 * of new tickets at once.
 */
export async function nextTicketNumbers(
  db: Database,
  generator: TicketNumberGenerator,
  systemId: string,
  now: Date,
  count: number,
): Promise<string[]> {
  const scope = counterScope(generator, now);
  const numbers: string[] = [];
  while (numbers.length < count) {
    const wanted = count - numbers.length;
    const row = await db.transaction().execute(async (trx) => {
      // No need to wait for this commit to reach the disk: the ticket that uses the number commits
      // later and waits for it, which flushes the log up to here too; if nothing uses it, a counter
      // lost in a crash only means the number is handed out again. One disk flush saved per ticket.
      await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
      return trx
        .insertInto('ticketNumberCounters')
        .values({ scope, counter: wanted })
        .onConflict((oc) =>
          oc.column('scope').doUpdateSet({ counter: sql`ticket_number_counters.counter + ${wanted}` }),
        )
        .returning('counter')
        .executeTakeFirstOrThrow();
    });
    const drawn = Array.from({ length: wanted }, (_, i) =>
      formatTicketNumber(generator, systemId, row.counter - wanted + 1 + i, now),
    );
    // numbers imported from another system may already exist: skip them, as OTRS does
    const taken = await db.selectFrom('tickets').select('tn').where('tn', 'in', drawn).execute();
    const takenSet = new Set(taken.map((ticket) => ticket.tn));
    numbers.push(...drawn.filter((tn) => !takenSet.has(tn)));
  }
  return numbers;
}

export async function nextTicketNumber(
  db: Database,
  generator: TicketNumberGenerator,
  systemId: string,
  now: Date,
): Promise<string> {
  const [tn] = await nextTicketNumbers(db, generator, systemId, now, 1);
  return tn as string;
}
