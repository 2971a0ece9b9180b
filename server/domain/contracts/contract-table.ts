import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Id, Nullable } from '../../api/schema-helpers.ts';
import { invalid } from '../../platform/errors.ts';
import {
  Comments,
  type ConfigTable,
  columnsOf,
  configItem,
  Name,
  type Reader,
  type Row,
  Valid,
} from '../config/index.ts';
import { linkedIds } from '../config/linked-ids.ts';

const Day = (description: string) => Type.String({ format: 'date', description: `YYYY-MM-DD: ${description}` });

export const CustomerContractItem = configItem({
  customerId: Type.Integer(),
  name: Type.String(),
  validFrom: Nullable(Day('its first day; null: no start')),
  validUntil: Nullable(Day('its last day, included; null: no end')),
  comments: Type.String(),
  ticketTypeIds: Type.Array(Type.Integer(), { description: 'the kinds of request (ticket types) it includes' }),
});
export const CustomerContractCreate = Type.Object(
  {
    customerId: Id,
    name: Name,
    validFrom: Type.Optional(Nullable(Day('its first day; null or absent: no start'))),
    validUntil: Type.Optional(Nullable(Day('its last day, included; null or absent: no end'))),
    comments: Type.Optional(Comments),
    ticketTypeIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 1000,
        description: 'the kinds of request it includes: not billable to the customer while it covers the day',
      }),
    ),
    valid: Valid,
  },
  { additionalProperties: false },
);

type Create = Static<typeof CustomerContractCreate>;
type Item = Static<typeof CustomerContractItem>;

const ticketTypes = linkedIds({
  field: 'ticketTypeIds',
  table: 'customerContractTicketTypes',
  own: 'contractId',
  other: 'ticketTypeId',
  otherTable: 'ticketTypes',
  missing: 'error.not_found.type',
});

/** The contracts' days as 'YYYY-MM-DD': as a Date, each driver would put the day at another midnight. */
function contractDays(db: Reader, ids: readonly number[]) {
  return db
    .selectFrom('customerContracts')
    .select([
      'id',
      sql<string | null>`to_char(valid_from, 'YYYY-MM-DD')`.as('validFrom'),
      sql<string | null>`to_char(valid_until, 'YYYY-MM-DD')`.as('validUntil'),
    ])
    .where('id', 'in', ids)
    .execute();
}

/** A contract cannot end before it starts: checked on the days it will have, the stored ones where not given. */
async function checkDays(db: Reader, body: Partial<Create>, id: number | undefined): Promise<Row> {
  const [stored] = id === undefined ? [] : await contractDays(db, [id]);
  const from = body.validFrom === undefined ? stored?.validFrom : body.validFrom;
  const until = body.validUntil === undefined ? stored?.validUntil : body.validUntil;
  if (from && until && until < from) throw invalid('validUntil', 'error.contract_ends_before_start');
  return {};
}

async function present(db: Reader, rows: Row[]): Promise<Item[]> {
  const ids = rows.map((row) => Number(row.id));
  const days = new Map((ids.length === 0 ? [] : await contractDays(db, ids)).map((day) => [day.id, day]));
  const dated = rows.map((row) => {
    const day = days.get(Number(row.id));
    return { ...row, validFrom: day?.validFrom ?? null, validUntil: day?.validUntil ?? null };
  });
  return (await ticketTypes.present(db, dated)) as Item[];
}

/**
 * Customer contracts (the vendor's PALASS technical assistance, its extraordinary assistance…): the
 * kinds of request a customer's contract includes, from its first to its last day. A kind of request
 * marked billable without contract is billable to a customer that no valid contract covers for it.
 */
export const customerContractTable: ConfigTable<Create, Item> = {
  table: 'customerContracts',
  kind: 'object.customer_contract',
  notFound: 'error.not_found.customer_contract',
  columns: columnsOf(CustomerContractItem, 'validFrom', 'validUntil', 'ticketTypeIds'),
  writable: ['customerId', 'name', 'validFrom', 'validUntil', 'comments'],
  search: ['name'],
  orderBy: 'name',
  filters: {
    customerId: (value) => sql<boolean>`customer_contracts.customer_id = ${value}`,
    ticketTypeId: (value) =>
      sql<boolean>`customer_contracts.id in (select contract_id from customer_contract_ticket_types where ticket_type_id = ${value})`,
  },
  owned: ticketTypes.owned,
  prepare: checkDays,
  afterWrite: ticketTypes.afterWrite,
  present,
};
