import { type Static, Type } from '@sinclair/typebox';
import { Id, Nullable } from '../../../api/schema-helpers.ts';
import { DomainError } from '../../../platform/errors.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable } from '../../config/config-table.ts';

const Condition = Type.Object(
  {
    header: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'a header name (From, To, Subject, X-…) or "body"',
    }),
    value: Type.String({ minLength: 1, maxLength: 1000, description: 'text contained, or a regular expression' }),
    regex: Type.Optional(Type.Boolean()),
    negate: Type.Optional(Type.Boolean({ description: 'matches when the text is not found' })),
  },
  { additionalProperties: false },
);

const Disposition = Type.Union([Type.Literal('normal'), Type.Literal('junk'), Type.Literal('ignore')], {
  description: 'junk: into the Junk queue, no auto-response; ignore: kept without a ticket',
});

export const PostmasterFilterItem = configItem({
  name: Type.String(),
  position: Type.Integer(),
  stop: Type.Boolean(),
  conditions: Type.Array(Condition),
  setQueueId: Nullable(Type.Integer()),
  setPriorityId: Nullable(Type.Integer()),
  setTypeId: Nullable(Type.Integer()),
  setCustomerId: Nullable(Type.Integer()),
  titlePrefix: Type.String(),
  disposition: Disposition,
  comments: Type.String(),
});

export const PostmasterFilterCreate = Type.Object(
  {
    name: Name,
    position: Type.Optional(
      Type.Integer({ minimum: -100_000, maximum: 100_000, description: 'filters run in this order' }),
    ),
    stop: Type.Optional(Type.Boolean({ description: 'no later filter runs after this one matched' })),
    conditions: Type.Array(Condition, { minItems: 1, maxItems: 20, description: 'all must match' }),
    setQueueId: Type.Optional(Nullable(Id)),
    setPriorityId: Type.Optional(Nullable(Id)),
    setTypeId: Type.Optional(Nullable(Id)),
    setCustomerId: Type.Optional(Nullable(Id)),
    titlePrefix: Type.Optional(Type.String({ maxLength: 100 })),
    disposition: Type.Optional(Disposition),
    comments: Type.Optional(Comments),
    valid: Valid,
  },
  { additionalProperties: false },
);

type Create = Static<typeof PostmasterFilterCreate>;

/** Conditions are stored as JSON; a regular expression that does not compile is refused here. */
function storedConditions(conditions: Create['conditions'] | undefined) {
  if (!conditions) return {};
  conditions.forEach((condition, index) => {
    if (!condition.regex) return;
    try {
      new RegExp(condition.value, 'i');
    } catch {
      const field = `conditions/${index}/value`;
      throw new DomainError('validation', 'error.bad_regex', { field, value: condition.value }, field);
    }
  });
  return { conditions: JSON.stringify(conditions) };
}

/** The admins' postmaster filters (OTRS PostMaster filters), run on every received message. */
export const postmasterFilterTable: ConfigTable<Create, Static<typeof PostmasterFilterItem>> = {
  table: 'postmasterFilters',
  kind: 'object.postmaster_filter',
  notFound: 'error.not_found.postmaster_filter',
  columns: columnsOf(PostmasterFilterItem),
  writable: [
    'name',
    'position',
    'stop',
    'setQueueId',
    'setPriorityId',
    'setTypeId',
    'setCustomerId',
    'titlePrefix',
    'disposition',
    'comments',
  ],
  search: ['name', 'comments'],
  orderBy: 'position',
  prepare: async (_trx, body) => storedConditions(body.conditions),
};
