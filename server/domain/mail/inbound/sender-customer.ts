import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
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

/**
 * The customer user behind a sender's address (OTRS PostMasterSearch on the email field) and the
 * customer the ticket is for: their primary customer, or their only one. An unknown sender is
 * recorded by address.
 */
export async function senderCustomer(db: Reader, from: MailAddress | null): Promise<SenderCustomer> {
  const address = from?.address.toLowerCase() ?? '';
  if (!address) return { customerUserId: null, customerId: null, contact: '', language: null, ambiguous: false };
  const user = await db
    .selectFrom('customerUsers')
    .select(['id', 'language'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
    .where('valid', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  if (!user) return { customerUserId: null, customerId: null, contact: address, language: null, ambiguous: false };
  const links = await db
    .selectFrom('customerUserCustomers')
    .select(['customerId', 'isPrimary'])
    .where('customerUserId', '=', user.id)
    .execute();
  const chosen = links.length === 1 ? links[0] : links.find((link) => link.isPrimary);
  // an email cannot ask which body it is for: the first one stands until the agent corrects it
  const customer = chosen ?? links.sort((a, b) => a.customerId - b.customerId)[0];
  return {
    customerUserId: user.id,
    customerId: customer?.customerId ?? null,
    contact: '',
    language: user.language === 'en' ? 'en' : 'it',
    ambiguous: chosen === undefined && links.length > 1,
  };
}

/** Creates a customer user for an unknown sender (MAIL_CREATE_CUSTOMER_USERS=true). */
export async function createSenderCustomerUser(trx: Transaction<DB>, from: MailAddress): Promise<number> {
  const [first, ...rest] = (from.name || from.address.split('@')[0] || from.address).trim().split(/\s+/);
  // two messages of a new sender processed at once: the second finds the first one's row
  await trx
    .insertInto('customerUsers')
    .values({
      login: from.address,
      email: from.address,
      firstName: first ?? from.address,
      lastName: rest.join(' '),
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
