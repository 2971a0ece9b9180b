import { type Static, type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../../api/schema-helpers.ts';
import type { Permission } from '../../db/schema.ts';

/** TypeBox pieces shared by the configuration APIs. */
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Comments = Type.String({ maxLength: 4000 });
export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** working minutes of an escalation time; 0 = none */
export const Minutes = Type.Integer({ minimum: 0, maximum: 5_256_000 });
export const Calendar = Type.String({ maxLength: 50 });
export const Language = Type.Union([Type.Literal('it'), Type.Literal('en')]);
export const TimeZone = Nullable(Type.String({ minLength: 1, maxLength: 64 }));
/** the length rule is the command's, so that its message (at least 8 characters) is the one shown */
export const Password = Nullable(
  Type.String({ maxLength: 1000, description: 'at least 8 characters; null removes it' }),
);
export const PermissionKey = Type.Unsafe<Permission>({
  type: 'string',
  enum: ['ro', 'move_into', 'create', 'note', 'owner', 'priority', 'rw'],
});
export const PermissionKeys = Type.Array(PermissionKey, { maxItems: 7, uniqueItems: true });

/** An item as the API returns it: the id, its own fields, then valid and the timestamps every row has. */
export const configItem = <P extends TProperties>(fields: P) =>
  Type.Object({ id: Type.Integer(), ...fields, valid: Type.Boolean(), createdAt: DateTime, changedAt: DateTime });

export const ListQueryFields = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'search text' })),
  valid: Type.Optional(Type.Boolean({ description: 'only active (true) or deactivated (false) rows' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export type ListQuery = Static<TObject<typeof ListQueryFields>>;

export const listQuery = <P extends TProperties>(filters: P) =>
  Type.Object({ ...ListQueryFields, ...filters }, { additionalProperties: false });

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(item) });

/** An update sends any of the create fields, at least one. */
export const updateOf = <T extends TObject>(create: T) =>
  Type.Partial(create, { additionalProperties: false, minProperties: 1 });

/** The columns to read for an item: its schema's fields, less those a table computes. */
export const columnsOf = (item: TObject, ...computed: string[]) =>
  Object.keys(item.properties).filter((field) => !computed.includes(field));

export const Valid = Type.Optional(Type.Boolean({ description: 'false deactivates' }));
