import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Language } from '../../../platform/i18n.ts';
import type { MailAddress } from './parsed-mail.ts';

type Reader = Kysely<DB> | Transaction<DB>;

export interface SenderCustomer {
  customerUserId: number | null;
  customerId: number | null;
  /** the sender's address, recorded on the ticket when they are not a known customer user */
  contact: string;
  language: 'it' | 'en' | null;
  /** the user works for several customers and none is primary: the agent must say which */
  ambiguous: boolean;
}

const UNKNOWN = { customerUserId: null, customerId: null, language: null, ambiguous: false } as const;

/**
 * The customer user behind a sender's address (OTRS PostMasterSearch on the email field) and the
 * customer the ticket is for: their primary customer, or their only one. An unknown sender is
 * recorded by address.
 */
export async function senderCustomer(db: Reader, from: MailAddress | null): Promise<SenderCustomer> {
  const address = from?.address.toLowerCase() ?? '';
  if (!address) return { ...UNKNOWN, contact: '' };
  return (await senderCustomers(db, [from])).get(address) ?? { ...UNKNOWN, contact: address };
}

/** senderCustomer for the senders of a batch of messages, with one statement; by address in lower case. */
export async function senderCustomers(
  db: Reader,
  senders: (MailAddress | null)[],
): Promise<Map<string, SenderCustomer>> {
  const addresses = [...new Set(senders.flatMap((from) => (from?.address ? [from.address.toLowerCase()] : [])))];
  const found = new Map<string, SenderCustomer>();
  if (addresses.length === 0) return found;
  const rows = await db
    .selectFrom('customerUsers as u')
    .leftJoin('customerUserCustomers as l', 'l.customerUserId', 'u.id')
    .select([
      'u.id',
      'u.language',
      'l.customerId',
      'l.isPrimary',
      (eb) => eb.fn<string>('lower', ['u.email']).as('address'),
    ])
    .where((eb) => eb(eb.fn('lower', ['u.email']), 'in', addresses))
    .where('u.valid', '=', true)
    .orderBy('u.id')
    .execute();
  for (const address of addresses) {
    const mine = rows.filter((row) => row.address === address);
    // two users with one address: the first one stands, as OTRS takes the first match
    const user = mine[0];
    if (!user) {
      found.set(address, { ...UNKNOWN, contact: address });
      continue;
    }
    const links = mine.flatMap((row) =>
      row.id === user.id && row.customerId !== null
        ? [{ customerId: row.customerId, isPrimary: row.isPrimary === true }]
        : [],
    );
    const chosen = links.length === 1 ? links[0] : links.find((link) => link.isPrimary);
    // an email cannot ask which body it is for: the first one stands until the agent corrects it
    const customer = chosen ?? links.sort((a, b) => a.customerId - b.customerId)[0];
    found.set(address, {
      customerUserId: user.id,
      customerId: customer?.customerId ?? null,
      contact: '',
      language: user.language === 'en' ? 'en' : 'it',
      ambiguous: chosen === undefined && links.length > 1,
    });
  }
  return found;
}

/** Creates a customer user for an unknown sender (MAIL_CREATE_CUSTOMER_USERS=true), in the language they are answered in. */
export async function createSenderCustomerUser(
  trx: Transaction<DB>,
  from: MailAddress,
  language: Language,
): Promise<number> {
  const [first, ...rest] = (from.name || from.address.split('@')[0] || from.address).trim().split(/\s+/);
  // two messages of a new sender processed at once: the second finds the first one's row
  await trx
    .insertInto('customerUsers')
    .values({
      login: from.address,
      email: from.address,
      firstName: first ?? from.address,
      lastName: rest.join(' '),
      // the language they wrote in (Content-Language), else the desk's default
      language,
      comments: 'email',
    })
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  const row = await trx
    .selectFrom('customerUsers')
    .select('id')
    .where('login', '=', from.address)
    .executeTakeFirstOrThrow();
  return row.id;
}
