import type { LogEvent } from 'kysely';
import type { DomainContext } from '../server/domain/context.ts';
import type { AgentActor } from '../server/domain/permissions/actor.ts';
import { getTicket } from '../server/domain/tickets/queries/get-ticket.ts';
import { listTickets } from '../server/domain/tickets/queries/list-tickets.ts';
import { listArticles } from '../server/domain/tickets/queries/ticket-articles.ts';
import { ticketHistory } from '../server/domain/tickets/queries/ticket-history.ts';
import { OPEN_STATE_TYPES } from '../server/domain/tickets/rules/states.ts';
import type { GeneratedDesk } from './generate-data.ts';
import type { BenchTarget } from './targets.ts';

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export interface ExplainedRead {
  read: string;
  statements: { sql: string; planningMs: number; executionMs: number; plan: string }[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement a read runs: the statements are taken from a
 * Kysely that logs them, so they are exactly what the query functions send.
 */
export async function explainReads(
  target: BenchTarget,
  desk: GeneratedDesk,
  reader: AgentActor,
  inputs: { ticketId: number; word: string },
): Promise<ExplainedRead[]> {
  let captured: Statement[] = [];
  const logging = target.loggingDb((event: LogEvent) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  });
  const ctx: DomainContext = { ...target.ctx, db: logging.db };
  const reads: [string, () => Promise<unknown>][] = [
    [
      'queue view',
      () =>
        listTickets(ctx, reader, { queueIds: desk.reader.queueIds, stateTypes: [...OPEN_STATE_TYPES], pageSize: 50 }),
    ],
    ['my queues', () => listTickets(ctx, reader, { myQueues: true, stateTypes: [...OPEN_STATE_TYPES], pageSize: 50 })],
    ['zoom: ticket', () => getTicket(ctx, reader, inputs.ticketId)],
    ['zoom: articles', () => listArticles(ctx, reader, inputs.ticketId)],
    ['zoom: history', () => ticketHistory(ctx, reader, inputs.ticketId)],
    ['search', () => listTickets(ctx, reader, { text: inputs.word, pageSize: 50 })],
  ];
  const explained: ExplainedRead[] = [];
  try {
    for (const [read, run] of reads) {
      captured = [];
      await run();
      const statements = captured;
      const result: ExplainedRead = { read, statements: [] };
      for (const statement of statements) {
        const rows = await target.sql.run(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, [...statement.parameters]);
        const plan = rows.map((row) => String(Object.values(row)[0])).join('\n');
        const time = (label: string) => Number(new RegExp(`${label} Time: ([\\d.]+) ms`).exec(plan)?.[1] ?? Number.NaN);
        result.statements.push({
          sql: statement.sql,
          planningMs: time('Planning'),
          executionMs: time('Execution'),
          plan,
        });
      }
      explained.push(result);
    }
  } finally {
    await logging.close();
  }
  return explained;
}

export function formatPlans(kind: string, explained: ExplainedRead[]): string {
  const lines = [`EXPLAIN (ANALYZE, BUFFERS) of the measured reads on ${kind}`, ''];
  for (const read of explained) {
    read.statements.forEach((statement, index) => {
      lines.push(
        `=== ${read.read} — statement ${index + 1} of ${read.statements.length}: ` +
          `planning ${statement.planningMs} ms, execution ${statement.executionMs} ms`,
      );
      lines.push('', statement.sql, '', statement.plan, '');
    });
  }
  return lines.join('\n');
}
