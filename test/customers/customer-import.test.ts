import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, createKit, type Kit, PASSWORD, unique } from '../config/config-kit.ts';

let kit: Kit;
/** the kit's admin, asking for messages in English and in Italian */
const admin: Partial<Record<'en' | 'it', Api>> = {};
beforeAll(async () => {
  kit = await createKit();
  admin.en = await apiAs(kit.t.app, kit.adminLogin, PASSWORD);
  admin.it = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
});
afterAll(() => kit.t.close());

const CUSTOMERS = '/api/v1/customers/import';
const USERS = '/api/v1/customer-users/import';

type Values = Record<string, string>;
interface Result {
  line: number;
  status: 'created' | 'updated' | 'error';
  id?: number;
  errors?: { field?: string; message: string }[];
}

/** Rows as the web app sends them: the file's line number (the header is line 1) and the cells by column. */
const rows = (...values: Values[]) => values.map((cells, index) => ({ line: index + 2, values: cells }));

function importAs(path: string, body: object, lang: 'en' | 'it' = 'en') {
  const api = admin[lang];
  if (!api) throw new Error('not logged in');
  return api.post(path, body);
}

async function results(path: string, body: object, lang: 'en' | 'it' = 'en'): Promise<Result[]> {
  const response = await importAs(path, body, lang);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results;
}

const customer = (overrides: Values = {}) => ({
  customerKey: unique('K'),
  name: unique('Comune di Bertinoro'),
  city: 'Bertinoro',
  ...overrides,
});
const user = (overrides: Values = {}) => {
  const name = unique('lbianchi');
  return { login: name, email: `${name}@comune.example`, firstName: 'Lucia', lastName: 'Bianchi', ...overrides };
};

describe('customer import', () => {
  it('creates the good rows and reports each bad one by line and field, the good ones of the chunk still created', async () => {
    const good = [customer(), customer({ zip: '47032', country: 'Italia', valid: 'no' })];
    const found = await results(CUSTOMERS, {
      rows: rows(good[0] as Values, { customerKey: unique('K'), city: 'Forlì' }, good[1] as Values, {
        name: 'Senza numero',
        zip: '1'.repeat(21),
      }),
    });
    expect(found.map(({ line, status }) => [line, status])).toEqual([
      [2, 'created'],
      [3, 'error'],
      [4, 'created'],
      [5, 'error'],
    ]);
    expect(found[1]?.errors).toEqual([{ field: 'name', message: 'name is required' }]);
    expect(found[3]?.errors).toEqual(
      expect.arrayContaining([
        { field: 'customerKey', message: 'customerKey is required' },
        { field: 'zip', message: 'zip is too long: at most 20 characters' },
      ]),
    );

    const second = await kit.agent.get(`/api/v1/customers/${found[2]?.id}`);
    expect(second.json()).toMatchObject({ ...good[1], valid: false });
    const listed = await kit.agent.get(`/api/v1/customers?q=${encodeURIComponent(good[0]?.customerKey ?? '')}`);
    expect(listed.json().items).toEqual([expect.objectContaining(good[0])]);
    const refused = await kit.agent.get('/api/v1/customers?q=Forl%C3%AC&pageSize=500');
    expect(refused.json().total).toBe(0);
  });

  it('refuses a customer number that exists when only creating, and updates it in upsert mode', async () => {
    const existing = customer({ street: 'Via Roma 1' });
    const [created] = await results(CUSTOMERS, { rows: rows(existing) });
    expect(created?.status).toBe('created');

    const again = await results(CUSTOMERS, { rows: rows({ ...existing, city: 'Cesena' }) });
    expect(again[0]).toMatchObject({ status: 'error', errors: [{ field: 'customerKey' }] });
    expect(again[0]?.errors?.[0]?.message).toBe(
      `Customer number ${existing.customerKey} already exists: to change it, import in "create or update" mode`,
    );

    const fresh = customer();
    // an empty cell leaves the value as it is; the same number twice in a file: the later row wins
    const upserted = await results(CUSTOMERS, {
      mode: 'upsert',
      rows: rows({ customerKey: existing.customerKey, city: 'Cesena', street: '' }, fresh, {
        customerKey: fresh.customerKey,
        name: 'Nome corretto',
      }),
    });
    expect(upserted).toEqual([
      { line: 2, status: 'updated', id: created?.id },
      { line: 3, status: 'created', id: expect.any(Number) },
      { line: 4, status: 'updated', id: upserted[1]?.id },
    ]);
    const changed = await kit.agent.get(`/api/v1/customers/${created?.id}`);
    expect(changed.json()).toMatchObject({ name: existing.name, city: 'Cesena', street: 'Via Roma 1' });
    expect((await kit.agent.get(`/api/v1/customers/${upserted[1]?.id}`)).json().name).toBe('Nome corretto');
  });

  it('leaves each import in the admin change log, as the routes above do', async () => {
    const row = customer();
    const [created] = await results(CUSTOMERS, { rows: rows(row) });
    await results(CUSTOMERS, { mode: 'upsert', rows: rows({ customerKey: row.customerKey, city: 'Cesenatico' }) });
    const log = await admin.en?.get(`/api/v1/admin-changes?objectType=customers&objectId=${created?.id}`);
    expect(log?.statusCode, log?.body).toBe(200);
    expect(log?.json().items).toEqual([
      expect.objectContaining({
        action: 'update',
        agent: expect.objectContaining({ login: kit.adminLogin }),
        changes: expect.objectContaining({ city: { from: 'Bertinoro', to: 'Cesenatico' } }),
      }),
      expect.objectContaining({ action: 'create', objectName: row.name }),
    ]);
  });

  it('takes the column names in any case, with spaces or underscores, and CustomerID for the number', async () => {
    const key = unique('K');
    const [result] = await results(CUSTOMERS, {
      rows: rows({ CustomerID: key, Name: 'Unione Rubicone', 'zip ': '47039', CITY: 'Savignano' }),
    });
    expect(result?.status).toBe('created');
    const shown = (await kit.agent.get(`/api/v1/customers/${result?.id}`)).json();
    expect(shown).toMatchObject({ customerKey: key, name: 'Unione Rubicone', zip: '47039', city: 'Savignano' });
  });

  it('refuses unknown columns once for the call, naming them, and writes nothing', async () => {
    const key = unique('K');
    const response = await importAs(CUSTOMERS, {
      rows: rows(
        { customerKey: key, name: 'Comune', citta: 'Forlì', note: 'x' },
        { customerKey: unique('K'), name: 'A' },
      ),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      field: 'rows',
      message: expect.stringContaining('Unknown columns: citta, note.'),
    });
    expect((await kit.agent.get(`/api/v1/customers?q=${key}`)).json().total).toBe(0);

    const italian = await importAs(CUSTOMERS, { rows: rows({ customerKey: key, ragione: 'x' }) }, 'it');
    expect(italian.json().error.message).toMatch(/^Colonne sconosciute: ragione\. Le colonne sono: customerKey, name/);
  });

  it('is for admins only, and takes at most 500 rows a call', async () => {
    const body = { rows: rows(customer()) };
    expect((await kit.agent.post(CUSTOMERS, body)).statusCode).toBe(403);
    expect((await kit.agent.post(USERS, { rows: rows(user()) })).statusCode).toBe(403);
    expect((await kit.customer.post(USERS, { rows: rows(user()) })).statusCode).toBe(403);
    const many = Array.from({ length: 501 }, (_, index) => ({ line: index + 2, values: customer() }));
    const tooMany = await importAs(CUSTOMERS, { rows: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('rows');
  });
});

describe('customer user import', () => {
  let company: { id: number; customerKey: string };
  beforeAll(async () => {
    const [result] = await results(CUSTOMERS, {
      rows: rows({ customerKey: '0123456', name: 'Comune di Pianfiorito' }),
    });
    company = { id: result?.id ?? 0, customerKey: '0123456' };
  });

  it('creates users for the customer named by its number, with or without a password, and reports bad rows', async () => {
    const withPassword = user({ customerId: company.customerKey, password: 'una-password', language: 'EN' });
    const without = user({ phone: '+39 0543 1', valid: 'sì' });
    const found = await results(USERS, {
      rows: rows(
        withPassword,
        user({ email: 'non-una-email', firstName: '' }),
        without,
        user({ customerId: 'NON-ESISTE' }),
        user({ login: 'due parole', language: 'de', valid: 'forse', password: 'corta' }),
      ),
    });
    expect(found.map((result) => result.status)).toEqual(['created', 'error', 'created', 'error', 'error']);
    expect(found[1]?.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: '"non-una-email" is not an email address' },
        { field: 'firstName', message: 'firstName is required' },
      ]),
    );
    expect(found[3]?.errors).toEqual([{ field: 'customerId', message: 'Customer NON-ESISTE does not exist' }]);
    expect(found[4]?.errors).toEqual(
      expect.arrayContaining([
        { field: 'login', message: 'login must not contain spaces' },
        { field: 'language', message: 'language must be one of: it, en' },
        { field: 'valid', message: 'valid must be yes or no (or true/false, 1/0)' },
      ]),
    );

    const created = (await kit.agent.get(`/api/v1/customer-users/${found[0]?.id}`)).json();
    expect(created).toMatchObject({
      login: withPassword.login,
      language: 'en',
      hasPassword: true,
      customers: [{ customerId: company.id, customerKey: '0123456', isPrimary: true, canSeeAll: true }],
    });
    expect((await kit.agent.get(`/api/v1/customer-users/${found[2]?.id}`)).json()).toMatchObject({
      hasPassword: false,
      phone: '+39 0543 1',
      valid: true,
      customers: [],
    });
    // the imported user logs in to the portal with the password of the file
    const portal = await apiAs(kit.t.app, withPassword.login, 'una-password', 'customer');
    expect((await portal.get('/api/v1/tickets')).statusCode).toBe(200);

    const unknown = (await kit.agent.get(`/api/v1/customer-users?q=${encodeURIComponent('non-una-email')}`)).json();
    expect(unknown.total).toBe(0);
  });

  it('reports a password too short from the command, in Italian when asked', async () => {
    const [result] = await results(USERS, { rows: rows(user({ password: 'corta' })) }, 'it');
    expect(result?.errors).toEqual([{ field: 'password', message: 'La password deve avere almeno 8 caratteri' }]);
    const [missing] = await results(USERS, { rows: rows({ login: unique('x') }) }, 'it');
    expect(missing?.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'email è obbligatorio' },
        { field: 'lastName', message: 'lastName è obbligatorio' },
      ]),
    );
  });

  it('refuses a login that exists when only creating; upsert updates it and keeps their other customers', async () => {
    const other = await results(CUSTOMERS, { rows: rows(customer()) });
    const otherId = other[0]?.id ?? 0;
    const person = user();
    const [created] = await results(USERS, { rows: rows(person) });
    await kit.admin.patch(`/api/v1/customer-users/${created?.id}`, {
      customers: [{ customerId: otherId, isPrimary: true, canSeeAll: false }],
    });

    const [taken] = await results(USERS, { rows: rows({ ...person, lastName: 'Verdi' }) });
    expect(taken?.errors).toEqual([
      {
        field: 'login',
        message: `Login ${person.login} already exists: to change it, import in "create or update" mode`,
      },
    ]);

    const [updated] = await results(USERS, {
      mode: 'upsert',
      rows: rows({ login: person.login, lastName: 'Verdi', customerId: company.customerKey, email: '' }),
    });
    expect(updated).toEqual({ line: 2, status: 'updated', id: created?.id });
    const shown = (await kit.agent.get(`/api/v1/customer-users/${created?.id}`)).json();
    expect(shown).toMatchObject({ lastName: 'Verdi', email: person.email, firstName: 'Lucia' });
    expect(shown.customers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ customerId: company.id, isPrimary: true, canSeeAll: true }),
        expect.objectContaining({ customerId: otherId, isPrimary: false, canSeeAll: false }),
      ]),
    );
    expect(shown.customers).toHaveLength(2);
  });
});
