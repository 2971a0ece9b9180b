import { type Static, Type } from '@sinclair/typebox';

/** One call takes at most this many rows: the web app sends a file in chunks of 100. */
export const MAX_IMPORT_ROWS = 500;

export const ImportMode = Type.Union([Type.Literal('create'), Type.Literal('upsert')], {
  description: 'create: only new rows (an existing one is an error); upsert: create or update',
  default: 'create',
});

export const ImportBody = Type.Object(
  {
    rows: Type.Array(
      Type.Object(
        {
          line: Type.Integer({ minimum: 1, description: "the row's line in the file, echoed in its result" }),
          values: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 10_000 }), {
            maxProperties: 100,
            description: 'column name (the API field name, see the README) → cell text',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_IMPORT_ROWS },
    ),
    mode: Type.Optional(ImportMode),
  },
  { additionalProperties: false },
);

export const ImportResults = Type.Object({
  results: Type.Array(
    Type.Object({
      line: Type.Integer(),
      status: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('error')]),
      id: Type.Optional(Type.Integer()),
      errors: Type.Optional(Type.Array(Type.Object({ field: Type.Optional(Type.String()), message: Type.String() }))),
    }),
  ),
});

export type ImportRequest = Static<typeof ImportBody>;
export type ImportMode = Static<typeof ImportMode>;
export type ImportRow = ImportRequest['rows'][number];
