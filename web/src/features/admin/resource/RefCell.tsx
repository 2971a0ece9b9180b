import { rowLabel, useRefRows } from './ref-options.ts';

/** The name of the row an id refers to, in a table cell. */
export function RefCell({ collection, id }: { collection: string; id: number | null }) {
  const rows = useRefRows(collection);
  if (id === null) return null;
  const row = rows.data?.find((candidate) => candidate.id === id);
  return <>{row ? rowLabel(row) : `#${id}`}</>;
}
