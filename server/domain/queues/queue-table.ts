import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id, Nullable } from '../../api/schema-helpers.ts';
import type { FollowUpPolicy } from '../../db/schema.ts';
import { Calendar, Comments, type ConfigTable, columnsOf, configItem, Minutes, Name, Valid } from '../config/index.ts';

const Policy = Type.Unsafe<FollowUpPolicy>({
  type: 'string',
  enum: ['reopen', 'reject', 'new_ticket'],
  description: 'what a customer’s reply to a closed ticket does',
});

export const QueueItem = configItem({
  name: Type.String(),
  groupId: Type.Integer(),
  systemAddressId: Nullable(Type.Integer()),
  salutationId: Nullable(Type.Integer()),
  signatureId: Nullable(Type.Integer()),
  followUpPolicy: Policy,
  followUpLock: Type.Boolean(),
  unlockTimeoutMinutes: Type.Integer(),
  firstResponseMinutes: Type.Integer(),
  updateMinutes: Type.Integer(),
  solutionMinutes: Type.Integer(),
  calendar: Type.String(),
  comments: Type.String(),
});

export const QueueCreate = Type.Object(
  {
    name: Name,
    groupId: Id,
    systemAddressId: Type.Optional(Nullable(Id)),
    salutationId: Type.Optional(Nullable(Id)),
    signatureId: Type.Optional(Nullable(Id)),
    followUpPolicy: Type.Optional(Policy),
    followUpLock: Type.Optional(Type.Boolean()),
    unlockTimeoutMinutes: Type.Optional(Minutes),
    firstResponseMinutes: Type.Optional(Minutes),
    updateMinutes: Type.Optional(Minutes),
    solutionMinutes: Type.Optional(Minutes),
    calendar: Type.Optional(Calendar),
    comments: Type.Optional(Comments),
    valid: Valid,
  },
  { additionalProperties: false },
);

/** Queues: where tickets wait; the queue's group decides who may work on them. */
export const queueTable: ConfigTable<Static<typeof QueueCreate>, Static<typeof QueueItem>> = {
  table: 'queues',
  kind: 'object.queue',
  notFound: 'error.not_found.queue',
  columns: columnsOf(QueueItem),
  writable: [
    'name',
    'groupId',
    'systemAddressId',
    'salutationId',
    'signatureId',
    'followUpPolicy',
    'followUpLock',
    'unlockTimeoutMinutes',
    'firstResponseMinutes',
    'updateMinutes',
    'solutionMinutes',
    'calendar',
    'comments',
  ],
  search: ['name'],
  orderBy: 'name',
  filters: { groupId: (value) => sql<boolean>`queues.group_id = ${value}` },
  // Postmaster, Raw, Junk and Misc: mail intake falls back on them
  protectedIds: [1, 2, 3, 4],
  usedBy: [{ table: 'ticketHistory', column: 'queueId' }],
  owned: [{ table: 'agentQueues', column: 'queueId' }],
};
