import { type TSchema, Type } from '@sinclair/typebox';

/** Shared TypeBox pieces: ids, pages, error bodies and nullable values. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id });
/**
 * null first: in query strings, where ajv coerces, it would otherwise turn a null into "" or 0 for
 * the other branch before trying null.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
export const DateTime = Type.String({ format: 'date-time' });
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});
export const Named = Type.Object({ id: Type.Integer(), name: Type.String() });

export const Attachment = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({
      minLength: 3,
      maxLength: 255,
      // type/subtype and optional parameters (charset=…), on one line
      pattern: '^[\\w.+-]+/[\\w.+-]+(\\s*;\\s*[\\w.+-]+=("[^"\\r\\n]*"|[\\w.+-]+))*$',
    }),
    // ajv treats contentEncoding as a note only: the pattern is what refuses a body that is not base64
    contentBase64: Type.String({ contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/\\r\\n]*={0,2}[\\r\\n]*$' }),
    contentId: Type.Optional(Type.String({ maxLength: 255 })),
    inline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

/** Responses of a route that answers 204 with no body when done. */
export const NoContent = { 204: Type.Null({ description: 'Done' }), ...errorResponses };

/** A response that is not one JSON value (a file, a stream of lines): documented, never serialised. */
export const RawResponse = (mediaType: string, description: string) => ({
  description,
  content: {
    [mediaType]: { schema: Type.Unsafe<Buffer | NodeJS.ReadableStream>({ type: 'string', format: 'binary' }) },
  },
});
