import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { Row } from './types.ts';

/** How a row of any configuration collection reads in a picker or a table cell. */
export function rowLabel(row: Row): string {
  if (typeof row.firstName === 'string') return `${row.firstName} ${row.lastName ?? ''} (${row.login})`.trim();
  if (typeof row.name === 'string') return row.name;
  if (typeof row.displayName === 'string') return `${row.displayName} <${row.email}>`;
  return String(row.email ?? row.login ?? row.id);
}

/**
 * Every row of a collection (active and deactivated: a field may still name a deactivated one),
 * for pickers and for naming ids in tables. Configuration collections are small; 500 is the API's page.
 */
export function useRefRows(ref: string | undefined) {
  return useQuery({
    queryKey: ['admin', ref, 'all'],
    queryFn: () => api<Page<Row>>('GET', withQuery(`/${ref}`, { pageSize: 500 })).then((page) => page.items),
    enabled: ref !== undefined,
    staleTime: 30_000,
  });
}

/** Picker options: active rows, plus the chosen ones even when deactivated (so they still show). */
export function refOptions(rows: Row[] | undefined, chosen: number[]) {
  return (rows ?? [])
    .filter((row) => row.valid || chosen.includes(row.id))
    .map((row) => ({ value: String(row.id), label: rowLabel(row) }));
}
