import { describe, expect, it } from 'vitest';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * An admin imports customer users from a file as Excel saves it in Italy (semicolons, a quoted
 * field): the good rows are created, the bad ones listed with their line and what is wrong.
 */
const env = demoServerAndBrowser();

const FILE = [
  'login;firstName;lastName;email;customerId;phone',
  'lucia.verdi;Lucia;Verdi;lucia.verdi@roncofritto.example;RONCOFRITTO;"0541 111222"',
  'bruno.neri;Bruno;Neri;non-un-indirizzo;RONCOFRITTO;',
  'carla.bassi;Carla;Bassi;carla.bassi@nowhere.example;NESSUNO;',
  'dario.gialli;Dario;Gialli;dario.gialli@roncofritto.example;RONCOFRITTO;',
].join('\r\n');

describe('importing customer users from CSV', () => {
  it('creates the good rows and reports the bad ones by line', { timeout: 90_000 }, async () => {
    const customer = await env.server.ctx.db
      .selectFrom('customers')
      .select('customerKey')
      .where('name', '=', 'Comune di Roncofritto')
      .executeTakeFirstOrThrow();
    const file = FILE.replaceAll('RONCOFRITTO', customer.customerKey);

    const { context, page } = await openPage(env.browser, 'it-IT');
    await logIn(page, env.server.url, 'admin', 'admin-demo', { login: 'Nome utente', submit: 'Accesso' });
    await page.getByRole('heading', { name: 'Cruscotto' }).waitFor();
    await page.goto(`${env.server.url}/admin/import`);
    await page.getByText('Utenti cliente', { exact: true }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'utenti.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${file}`) });
    await page.getByRole('button', { name: 'Importa 4 righe' }).click();
    await page.getByText('2 creati').waitFor();
    await page.getByText('2 con errori').waitFor();
    const errors = page.getByRole('table', { name: 'Righe con errori' });
    // file lines, the header being line 1
    await expect
      .poll(() => errors.getByRole('row').allTextContents())
      .toEqual([
        'RigaCampoMessaggio',
        '3email"non-un-indirizzo" non è un indirizzo email',
        '4customerIdIl cliente NESSUNO non esiste',
      ]);
    await screenshot(page, 'admin-import');
    await context.close();

    const users = await env.server.ctx.db
      .selectFrom('customerUsers')
      .select(['login', 'phone'])
      .where('login', 'in', ['lucia.verdi', 'bruno.neri', 'carla.bassi', 'dario.gialli'])
      .orderBy('login')
      .execute();
    expect(users).toEqual([
      { login: 'dario.gialli', phone: '' },
      { login: 'lucia.verdi', phone: '0541 111222' },
    ]);
  });
});
