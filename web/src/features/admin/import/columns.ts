/**
 * The columns each import takes, as the server names them (server/domain/customers/import/): the
 * API's field names, matched ignoring case, spaces, '-' and '_'. Here to show the mapping before
 * anything is sent; the server decides.
 */
export type ImportKind = 'customers' | 'customerUsers';

interface KindColumns {
  path: string;
  fields: readonly string[];
  required: readonly string[];
  aliases: Readonly<Record<string, string>>;
}

export const IMPORT_KINDS: Record<ImportKind, KindColumns> = {
  customers: {
    path: '/customers/import',
    fields: ['customerKey', 'name', 'street', 'zip', 'city', 'country', 'url', 'comments', 'valid'],
    required: ['customerKey', 'name'],
    aliases: { customerid: 'customerKey' },
  },
  customerUsers: {
    path: '/customer-users/import',
    fields: [
      'login',
      'email',
      'firstName',
      'lastName',
      'customerId',
      'phone',
      'mobile',
      'language',
      'timeZone',
      'comments',
      'password',
      'valid',
    ],
    required: ['login', 'email', 'firstName', 'lastName'],
    aliases: { customerkey: 'customerId' },
  },
};

/** The field a column of the file stands for, or undefined when the import does not know it. */
export function fieldFor(kind: ImportKind, header: string): string | undefined {
  const name = header.replace(/[\s_-]/g, '').toLowerCase();
  const { fields, aliases } = IMPORT_KINDS[kind];
  return fields.find((field) => field.toLowerCase() === name) ?? aliases[name];
}
