import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export type Row = Record<string, unknown>;

/**
 * One connection for the data generator, so that session settings (SET …) hold for all of its
 * statements. Without values a text may hold several statements.
 */
export interface SqlRunner {
  run(text: string, values?: unknown[]): Promise<Row[]>;
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    async run(text, values) {
      if (values === undefined) {
        const results = await pglite.exec(text);
        return (results[results.length - 1]?.rows ?? []) as Row[];
      }
      return (await pglite.query<Row>(text, values)).rows;
    },
  };
}

export function postgresRunner(client: pg.Client): SqlRunner {
  return {
    async run(text, values) {
      const result = await client.query<Row>(text, values);
      // a text of several statements answers with one result per statement
      const last = Array.isArray(result) ? (result as pg.QueryResult<Row>[])[result.length - 1] : result;
      return last?.rows ?? [];
    },
  };
}

export async function scalar(sql: SqlRunner, text: string, values?: unknown[]): Promise<number> {
  const rows = await sql.run(text, values);
  const first = rows[0];
  const value = first ? Object.values(first)[0] : undefined;
  return Number(value ?? 0);
}
