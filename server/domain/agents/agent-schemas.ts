import { Type } from '@sinclair/typebox';
import { Id, Nullable } from '../../api/schema-helpers.ts';
import { configItem, Email, Language, Name, Password, PermissionKey, TimeZone, Valid } from '../config/index.ts';

const Login = Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$' });

/** A group named by id (the API) or by name (the command line), with the keys held on it. */
export const GroupGrantInput = Type.Object(
  {
    groupId: Type.Optional(Id),
    groupName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    permissions: Type.Array(PermissionKey, { minItems: 1, maxItems: 7, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const AgentItem = configItem({
  login: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  language: Type.String(),
  timeZone: Nullable(Type.String()),
  hasPassword: Type.Boolean({ description: 'whether the agent can log in with a password' }),
});

export const AgentCreate = Type.Object(
  {
    login: Login,
    firstName: Name,
    lastName: Name,
    email: Email,
    language: Type.Optional(Language),
    timeZone: Type.Optional(TimeZone),
    password: Type.Optional(Password),
    groups: Type.Optional(
      Type.Array(GroupGrantInput, { maxItems: 500, description: 'direct grants; on update, replaces them all' }),
    ),
    roleIds: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'roles; on update, replaces them all' })),
    valid: Valid,
  },
  { additionalProperties: false },
);
