import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id, Nullable } from '../../../api/schema-helpers.ts';
import { columnsOf, configItem, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable } from '../../config/config-table.ts';

const Action = Type.Union([Type.Literal('off'), Type.Literal('flag'), Type.Literal('reject')], {
  description: 'flag: the agent sees it on the article; reject: no ticket, the sender is told what to resend',
});

export const IntakeRuleItem = configItem({
  queueId: Nullable(Type.Integer()),
  systemAddressId: Nullable(Type.Integer()),
  emptySubject: Action,
  genericSubject: Action,
  genericSubjects: Type.Array(Type.String()),
  missingPhone: Action,
});

export const IntakeRuleCreate = Type.Object(
  {
    queueId: Type.Optional(Nullable(Id)),
    systemAddressId: Type.Optional(Nullable(Id)),
    emptySubject: Type.Optional(Action),
    genericSubject: Type.Optional(Action),
    genericSubjects: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 500,
        description:
          'subjects too generic to act on ("Richiesta assistenza", "Help"), compared without punctuation or Re:',
      }),
    ),
    missingPhone: Type.Optional(Action),
    valid: Valid,
  },
  { additionalProperties: false },
);

/**
 * The seed's rules for taking a request by email, per system address or queue; the row with
 * neither is the default.
 */
export const intakeRuleTable: ConfigTable<Static<typeof IntakeRuleCreate>, Static<typeof IntakeRuleItem>> = {
  table: 'intakeRules',
  kind: 'object.intake_rule',
  notFound: 'error.not_found.intake_rule',
  columns: columnsOf(IntakeRuleItem),
  writable: ['queueId', 'systemAddressId', 'emptySubject', 'genericSubject', 'genericSubjects', 'missingPhone'],
  search: [],
  orderBy: 'id',
  filters: {
    queueId: (value) => sql<boolean>`intake_rules.queue_id = ${value}`,
    systemAddressId: (value) => sql<boolean>`intake_rules.system_address_id = ${value}`,
  },
  protectedIds: [1],
};
