import type { ResourceDef, Row } from '../resource/types.ts';

const comments = { name: 'comments', kind: 'textarea' } as const;
const byName = (row: Row) => String(row.name);

/** Agents: their groups and roles are granted on the permission matrix screen. */
export const agents: ResourceDef = {
  key: 'agents',
  path: 'agents',
  fields: [
    { name: 'login', kind: 'text', required: true },
    { name: 'firstName', kind: 'text', required: true },
    { name: 'lastName', kind: 'text', required: true },
    { name: 'email', kind: 'email', required: true },
    { name: 'language', kind: 'language' },
    { name: 'timeZone', kind: 'timeZone' },
    { name: 'password', kind: 'password', keepWhenEmpty: true },
    { name: 'roleIds', kind: 'refs', ref: 'roles', createOnly: true },
  ],
  columns: [{ name: 'login' }, { name: 'firstName' }, { name: 'lastName' }, { name: 'email' }],
  title: (row) => `${row.firstName} ${row.lastName} (${row.login})`,
  withHint: true,
};

export const groups: ResourceDef = {
  key: 'groups',
  path: 'groups',
  fields: [{ name: 'name', kind: 'text', required: true }, comments],
  columns: [{ name: 'name' }, { name: 'comments' }],
  title: byName,
  withHint: true,
};

export const roles: ResourceDef = {
  key: 'roles',
  path: 'roles',
  fields: [{ name: 'name', kind: 'text', required: true }, comments],
  columns: [{ name: 'name' }, { name: 'comments' }],
  title: byName,
  withHint: true,
};
