import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { IMPORT_KINDS, type ImportKind } from './columns.ts';
import type { CsvRow } from './csv.ts';

/** Rows per call: small enough for the progress bar to move, large enough not to chat. */
export const CHUNK_SIZE = 100;

export type ImportMode = 'create' | 'upsert';

export interface RowResult {
  line: number;
  status: 'created' | 'updated' | 'error';
  id?: number;
  errors?: { field?: string; message: string }[];
}

export interface ImportOutcome {
  results: RowResult[];
  /** a call the server refused as a whole (unknown columns, the session gone): the rows from `line` on were not imported */
  stopped?: { line: number; message: string };
}

interface ImportInput {
  kind: ImportKind;
  mode: ImportMode;
  rows: CsvRow[];
}

/** Sends the rows in chunks, one after the other, counting the rows done for the progress bar. */
export function useCsvImport() {
  const queryClient = useQueryClient();
  const [done, setDone] = useState(0);
  const mutation = useMutation({
    mutationFn: async ({ kind, mode, rows }: ImportInput): Promise<ImportOutcome> => {
      const results: RowResult[] = [];
      setDone(0);
      for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
        const chunk = rows.slice(start, start + CHUNK_SIZE);
        try {
          const answer = await api<{ results: RowResult[] }>('POST', IMPORT_KINDS[kind].path, { rows: chunk, mode });
          results.push(...answer.results);
        } catch (error) {
          return { results, stopped: { line: chunk[0]?.line ?? 0, message: (error as Error).message } };
        }
        setDone(start + chunk.length);
      }
      return { results };
    },
    onSettled: async () => {
      // lists of customers and customer users wherever the app shows them
      for (const queryKey of [
        ['customer-users'],
        ['config', 'customers'],
        ['admin', 'customers'],
        ['admin', 'customer-users'],
      ]) {
        await queryClient.invalidateQueries({ queryKey });
      }
    },
  });
  return { ...mutation, done };
}
