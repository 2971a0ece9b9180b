import type { ReactNode } from 'react';

/** A row as the configuration API returns it: an id, a valid flag and the object's own fields. */
export type Row = { id: number; valid: boolean } & Record<string, unknown>;
export type Values = Record<string, unknown>;

/** How one field of a configuration object is edited. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'password'
  | 'number'
  /** a day, YYYY-MM-DD */
  | 'date'
  | 'boolean'
  /** one of `options`, labelled admin.option.<name>.<value> */
  | 'choice'
  /** a list of texts, one per line */
  | 'lines'
  /** the id of a row of `ref` (an API collection: "queues") */
  | 'ref'
  /** ids of rows of `ref` */
  | 'refs'
  | 'language'
  | 'timeZone'
  /** a field with its own editor (`render`) */
  | 'custom';

export interface FieldDef {
  /** the API's field name; its label is admin.field.<name> */
  name: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  ref?: string;
  /** what a new object starts with */
  initial?: unknown;
  /** shown in the form only when creating (a login cannot change) */
  createOnly?: boolean;
  /** a password left empty on edit keeps the old one */
  keepWhenEmpty?: boolean;
  /** shown only when the other values make it meaningful */
  when?: (values: Values) => boolean;
  render?: (props: { label: string; value: unknown; onChange: (value: unknown) => void; error?: string }) => ReactNode;
}

export interface ColumnDef {
  /** the field shown (labelled admin.field.<name>) */
  name: string;
  /** how the value reads in the table; a ref column shows the referred row's name */
  format?: (row: Row) => ReactNode;
}

/** One administration screen: a collection of the configuration API, listed, searched and edited. */
export interface ResourceDef {
  /** the route under /admin and the texts admin.resource.<key>.* */
  key: string;
  /** the API collection: /api/v1/<path> */
  path: string;
  fields: readonly FieldDef[];
  columns: readonly ColumnDef[];
  /** how a row is named in titles and messages */
  title: (row: Row) => string;
  /** rows come from the API in a shape the form does not use (nested lists): turn them into form values */
  toValues?: (row: Row) => Values;
  /** the other way: form values into a request body */
  toBody?: (values: Values) => Values;
  /** buttons beside Save (a mail account's "test connection") */
  actions?: (props: { values: Values; row: Row | null }) => ReactNode;
  /** a line under the title saying what the screen is for */
  withHint?: boolean;
}
