import { type TSchema, Type } from '@sinclair/typebox';

/** Shared TypeBox pieces: ids, pages, error bodies and nullable values. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id });
/**
 * null first: with coerceTypes, ajv would otherwise turn a null into "" or 0 for the other branch
 * before trying null.
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
    contentType: Type.String({ minLength: 3, maxLength: 255, pattern: '^[\\w.+-]+/[\\w.+-]+' }),
    contentBase64: Type.String({ contentEncoding: 'base64' }),
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
