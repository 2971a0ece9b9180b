import { Type } from '@sinclair/typebox';
import { Id, Named, Nullable } from '../../api/schema-helpers.ts';
import { PermissionKey, PermissionKeys } from '../config/index.ts';

export const GrantBody = Type.Object(
  {
    permissions: Type.Array(PermissionKey, {
      maxItems: 7,
      uniqueItems: true,
      description: 'rw implies every other key; [] removes the grant',
    }),
  },
  { additionalProperties: false },
);

export const GrantItem = Type.Object({
  group: Named,
  agent: Nullable(Type.Object({ id: Type.Integer(), login: Type.String() })),
  role: Nullable(Named),
  permissions: PermissionKeys,
});

export const GrantQuery = Type.Object(
  { groupId: Type.Optional(Id), agentId: Type.Optional(Id), roleId: Type.Optional(Id) },
  { additionalProperties: false },
);
