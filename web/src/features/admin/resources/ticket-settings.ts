import type { ResourceDef, Row } from '../resource/types.ts';

const comments = { name: 'comments', kind: 'textarea' } as const;
const name = { name: 'name', kind: 'text', required: true } as const;
const byName = (row: Row) => String(row.name);
const minutes = (field: string) => ({ name: field, kind: 'number' }) as const;

export const STATE_TYPES = [
  'new',
  'open',
  'pending_reminder',
  'pending_auto_close_success',
  'pending_auto_close_failure',
  'closed_successful',
  'closed_unsuccessful',
  'merged',
  'removed',
] as const;

/** Queues: where tickets wait, bound to a group (who may see them) and answering from a system address. */
export const queues: ResourceDef = {
  key: 'queues',
  path: 'queues',
  fields: [
    name,
    { name: 'groupId', kind: 'ref', ref: 'groups', required: true },
    { name: 'systemAddressId', kind: 'ref', ref: 'system-addresses' },
    { name: 'salutationId', kind: 'ref', ref: 'salutations' },
    { name: 'signatureId', kind: 'ref', ref: 'signatures' },
    { name: 'followUpPolicy', kind: 'choice', options: ['reopen', 'reject', 'new_ticket'], initial: 'reopen' },
    { name: 'followUpLock', kind: 'boolean' },
    minutes('unlockTimeoutMinutes'),
    minutes('firstResponseMinutes'),
    minutes('updateMinutes'),
    minutes('solutionMinutes'),
    { name: 'calendar', kind: 'text' },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'groupId' }, { name: 'systemAddressId' }, { name: 'followUpPolicy' }],
  title: byName,
  withHint: true,
};

export const states: ResourceDef = {
  key: 'states',
  path: 'states',
  fields: [name, { name: 'type', kind: 'choice', options: STATE_TYPES, required: true }, comments],
  columns: [{ name: 'name' }, { name: 'type' }, { name: 'comments' }],
  title: byName,
};

export const ticketTypes: ResourceDef = {
  key: 'ticketTypes',
  path: 'ticket-types',
  fields: [name, { name: 'billableWithoutContract', kind: 'boolean' }, comments],
  columns: [
    { name: 'name' },
    { name: 'billableWithoutContract', format: (row) => (row.billableWithoutContract ? '✓' : '') },
  ],
  title: byName,
};

export const priorities: ResourceDef = {
  key: 'priorities',
  path: 'priorities',
  fields: [name],
  columns: [{ name: 'name' }],
  title: byName,
};

export const services: ResourceDef = {
  key: 'services',
  path: 'services',
  fields: [name, { name: 'parentId', kind: 'ref', ref: 'services' }, comments],
  columns: [{ name: 'name' }, { name: 'parentId' }, { name: 'comments' }],
  title: byName,
};

export const slas: ResourceDef = {
  key: 'slas',
  path: 'slas',
  fields: [
    name,
    minutes('firstResponseMinutes'),
    minutes('updateMinutes'),
    minutes('solutionMinutes'),
    { name: 'calendar', kind: 'text' },
    { name: 'serviceIds', kind: 'refs', ref: 'services' },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'firstResponseMinutes' }, { name: 'solutionMinutes' }],
  title: byName,
};
