import { type Static, Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { DateTime, Id, Nullable } from '../../../api/schema-helpers.ts';
import type { MailProtocol } from '../../../db/schema.ts';
import { invalid } from '../../../platform/errors.ts';
import { Comments, columnsOf, configItem, Name, Valid } from '../../config/api-schemas.ts';
import type { ConfigTable, Row } from '../../config/config-table.ts';
import type { Reader } from '../../config/loose-db.ts';

export const Protocol = Type.Union([
  Type.Literal('imap'),
  Type.Literal('imaps'),
  Type.Literal('pop3'),
  Type.Literal('pop3s'),
]);
export const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[^\\s/@]+$' });
export const Port = Type.Integer({ minimum: 1, maximum: 65535 });
export const Login = Type.String({ minLength: 1, maxLength: 320 });
/** kept as given: the desk logs in to the mailbox with it, so it cannot be hashed */
export const MailPassword = Type.String({ minLength: 1, maxLength: 1000, description: 'write-only' });
export const Folder = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'IMAP folder; POP3 has only one mailbox',
});
export const Dispatch = Type.Union([Type.Literal('address'), Type.Literal('queue')], {
  description: "'address': by the system address the message was sent to; 'queue': every message into queueId",
});

/** The standard port of each protocol, when none is given. */
export const DEFAULT_PORTS: Record<MailProtocol, number> = { imap: 143, imaps: 993, pop3: 110, pop3s: 995 };

export const MailAccountItem = configItem({
  name: Type.String(),
  protocol: Protocol,
  host: Type.String(),
  port: Type.Integer(),
  login: Type.String(),
  /** the password itself never leaves the API */
  hasPassword: Type.Boolean(),
  folder: Type.String(),
  tlsVerify: Type.Boolean(),
  dispatch: Dispatch,
  queueId: Nullable(Type.Integer()),
  trusted: Type.Boolean(),
  pollSeconds: Type.Integer(),
  lastFetchAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  comments: Type.String(),
});

export const MailAccountCreate = Type.Object(
  {
    name: Name,
    protocol: Protocol,
    host: Host,
    port: Type.Optional(Port),
    login: Login,
    password: MailPassword,
    folder: Type.Optional(Folder),
    tlsVerify: Type.Optional(Type.Boolean({ description: 'false accepts a self-signed certificate' })),
    dispatch: Type.Optional(Dispatch),
    queueId: Type.Optional(Nullable(Id)),
    trusted: Type.Optional(Type.Boolean({ description: 'obey X-Sportello-* headers in its messages' })),
    pollSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 86400 })),
    comments: Type.Optional(Comments),
    valid: Valid,
  },
  { additionalProperties: false },
);

type Create = Static<typeof MailAccountCreate>;
type Item = Static<typeof MailAccountItem>;

/**
 * A write that leaves the account dispatching into a queue without naming one is refused with the
 * field to fill (the table's CHECK spans two columns, so the generic CHECK message cannot name it).
 */
async function prepare(trx: Reader, body: Partial<Create>, id: number | undefined): Promise<Row> {
  const current = id
    ? await trx
        .selectFrom('mailAccounts')
        .select(['dispatch', 'queueId', 'protocol'])
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  const dispatch = body.dispatch ?? current?.dispatch ?? 'address';
  const queueId = body.queueId !== undefined ? body.queueId : (current?.queueId ?? null);
  if (dispatch === 'queue' && queueId === null) throw invalid('queueId', 'error.mail_account_queue_required');
  const extra: Row = {};
  if (id === undefined && body.port === undefined && body.protocol) extra.port = DEFAULT_PORTS[body.protocol];
  return extra;
}

/** hasPassword for each row: read beside the rows, as the password column is never selected for the API. */
async function present(db: Reader, rows: Row[]): Promise<Item[]> {
  const ids = rows.map((row) => Number(row.id));
  const withPassword = new Set<number>();
  if (ids.length > 0) {
    const found = await db
      .selectFrom('mailAccounts')
      .select('id')
      .where('id', 'in', ids)
      .where(sql<boolean>`password <> ''`)
      .execute();
    for (const row of found) withPassword.add(row.id);
  }
  return rows.map((row) => ({ ...row, hasPassword: withPassword.has(Number(row.id)) }) as Item);
}

/** Mailboxes the desk fetches; admins only, reading included, as each holds a password. */
export const mailAccountTable: ConfigTable<Create, Item> = {
  table: 'mailAccounts',
  kind: 'object.mail_account',
  notFound: 'error.not_found.mail_account',
  columns: columnsOf(MailAccountItem, 'hasPassword'),
  writable: [
    'name',
    'protocol',
    'host',
    'port',
    'login',
    'password',
    'folder',
    'tlsVerify',
    'dispatch',
    'queueId',
    'trusted',
    'pollSeconds',
    'comments',
  ],
  search: ['name', 'host', 'login'],
  orderBy: 'name',
  filters: { queueId: (value) => sql<boolean>`mail_accounts.queue_id = ${value}` },
  prepare,
  present,
};
