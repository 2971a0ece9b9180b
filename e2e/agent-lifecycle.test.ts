import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login as apiLogin } from '../test/support/test-app.ts';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * The operator manual's lifecycle in the browser: a customer's ticket appears under New tickets, the
 * agent locks it (it leaves New), adds a note, moves it, logs a phone call, sets it pending and closes
 * it — once in Italian, once in English — and an agent without the queue does not see it.
 */
const env = demoServerAndBrowser();

const TEXTS = {
  it: {
    login: { login: 'Nome utente', password: 'Password', submit: 'Accesso' },
    dashboard: 'Cruscotto',
    newTickets: 'Nuovi ticket',
    lock: 'Blocca',
    locked: 'bloccato',
    communication: 'Comunicazione',
    note: 'Nota',
    phoneOutbound: 'Telefonata effettuata',
    subject: 'Oggetto',
    body: 'Testo',
    save: 'Salva',
    move: 'Sposta',
    queue: 'Coda',
    pending: 'In attesa',
    pendingUntil: 'Promemoria il',
    close: 'Chiudi',
    closeSuccessful: 'Chiudi con successo',
    state: 'Stato',
    lockLabel: 'In gestione',
    articles: 'Articoli',
    pendingReminder: 'in attesa di promemoria',
    closedSuccessful: 'chiuso con successo',
    template: 'Modello di risposta',
  },
  en: {
    login: { login: 'User name', password: 'Password', submit: 'Log in' },
    dashboard: 'Dashboard',
    newTickets: 'New tickets',
    lock: 'Lock',
    locked: 'locked',
    communication: 'Communication',
    note: 'Note',
    phoneOutbound: 'Phone call outbound',
    subject: 'Subject',
    body: 'Text',
    save: 'Save',
    move: 'Move',
    queue: 'Queue',
    pending: 'Pending',
    pendingUntil: 'Remind me at',
    close: 'Close',
    closeSuccessful: 'Close successful',
    state: 'State',
    lockLabel: 'Lock',
    articles: 'Articles',
    pendingReminder: 'pending reminder',
    closedSuccessful: 'closed successful',
    template: 'Response template',
  },
} as const;

/** A customer user opens a ticket, as the portal or an email would. */
async function customerOpensTicket(title: string): Promise<{ id: number; tn: string }> {
  const customer = await apiLogin(env.server.app, 'paolo.cevoli', 'paolo-demo', 'customer');
  const queue = await env.server.ctx.db
    .selectFrom('queues')
    .select('id')
    .where('name', '=', 'FEN Energia')
    .executeTakeFirstOrThrow();
  const response = await customer.post('/api/v1/tickets', {
    title,
    queueId: queue.id,
    article: { subject: title, body: 'La caldaia della scuola non si accende da questa mattina.' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket;
}

const infoRow = (page: Page, label: string) =>
  page
    .getByTestId('ticket-info')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

async function dialogSave(page: Page, texts: (typeof TEXTS)['it' | 'en']) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: texts.save }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

async function writeArticle(page: Page, texts: (typeof TEXTS)['it' | 'en'], subject: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(texts.subject).fill(subject);
  await dialog.getByLabel(texts.body).fill(`${subject}: dettagli.`);
  await dialogSave(page, texts);
  await page.getByRole('cell', { name: subject }).first().waitFor();
}

for (const language of ['it', 'en'] as const) {
  describe(`the manual's lifecycle (${language})`, () => {
    it('from New tickets to closed successfully', { timeout: 90_000 }, async () => {
      const texts = TEXTS[language];
      const { context, page } = await openPage(env.browser, language === 'it' ? 'it-IT' : 'en-GB');
      await logIn(page, env.server.url, 'mario.rossi', 'mario-demo', texts.login);
      await page.getByRole('heading', { name: texts.dashboard }).waitFor();

      const title = `Caldaia scuola (${language})`;
      const ticket = await customerOpensTicket(title);
      const newTickets = page.getByRole('region', { name: texts.newTickets });
      // no reload: the live feed brings it
      await newTickets.getByRole('link', { name: ticket.tn }).waitFor({ timeout: 5_000 });
      if (language === 'it') await screenshot(page, 'dashboard');

      await newTickets.getByRole('link', { name: ticket.tn }).click();
      await page.getByRole('heading', { name: `${ticket.tn} — ${title}` }).waitFor();
      await page.getByRole('button', { name: texts.lock, exact: true }).click();
      await infoRow(page, texts.lockLabel).getByText(texts.locked, { exact: true }).waitFor();

      await page.getByRole('button', { name: texts.communication }).click();
      await page.getByRole('menuitem', { name: texts.note, exact: true }).click();
      // a response template of the demo desk, filled in for this ticket's customer
      await page.getByRole('dialog').getByRole('textbox', { name: texts.template }).click();
      await page.getByRole('option', { name: 'Richiesta informazioni mancanti' }).click();
      const editor = page.getByRole('dialog').getByRole('textbox', { name: texts.body });
      await expect
        .poll(() => editor.textContent())
        .toContain(`Gentile Paolo,per procedere con la richiesta ${ticket.tn}`);
      // a file dropped or chosen goes with the note
      await page
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({ name: 'schermata.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\nprova') });
      await page.getByRole('dialog').getByText('schermata.png').waitFor();
      await writeArticle(page, texts, `Nota ${language}`);
      await page
        .getByRole('cell', { name: `Nota ${language}` })
        .first()
        .click();
      await page.getByRole('link', { name: /schermata\.png/ }).waitFor();

      await page.getByRole('button', { name: texts.move, exact: true }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: texts.queue }).click();
      await page.getByRole('option', { name: 'Misc' }).click();
      await dialogSave(page, texts);
      await infoRow(page, texts.queue).getByText('Misc').waitFor();

      await page.getByRole('button', { name: texts.communication }).click();
      await page.getByRole('menuitem', { name: texts.phoneOutbound }).click();
      await writeArticle(page, texts, `Telefonata ${language}`);

      await page.getByRole('button', { name: texts.pending, exact: true }).click();
      await page.getByRole('dialog').getByLabel(new RegExp(texts.pendingUntil)).fill('2030-01-15T09:30');
      await page.getByRole('dialog').getByLabel(texts.subject).fill(`Attesa ${language}`);
      await dialogSave(page, texts);
      await infoRow(page, texts.state).getByText(texts.pendingReminder).waitFor();
      if (language === 'it') await screenshot(page, 'ticket-zoom');

      await page.getByRole('button', { name: texts.close, exact: true }).click();
      await page.getByRole('menuitem', { name: texts.closeSuccessful }).click();
      await page.getByRole('dialog').getByLabel(texts.subject).fill(`Chiusura ${language}`);
      await dialogSave(page, texts);
      await infoRow(page, texts.state).getByText(texts.closedSuccessful).waitFor();

      // what the agent saw is what the database holds
      const stored = await env.server.ctx.db
        .selectFrom('tickets as t')
        .innerJoin('queues as q', 'q.id', 't.queueId')
        .innerJoin('states as s', 's.id', 't.stateId')
        .select(['q.name as queue', 's.name as state', 't.lock'])
        .where('t.id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ queue: 'Misc', state: 'closed successful', lock: 'unlock' });
      const history = await env.server.ctx.db
        .selectFrom('ticketHistory')
        .select('type')
        .where('ticketId', '=', ticket.id)
        .execute();
      expect(history.map((row) => row.type)).toEqual(
        expect.arrayContaining(['NewTicket', 'Lock', 'AddNote', 'Move', 'PhoneCallAgent', 'StateUpdate']),
      );

      await page.getByRole('link', { name: texts.dashboard }).click();
      await newTickets.waitFor();
      await expect.poll(() => newTickets.getByRole('link', { name: ticket.tn }).count()).toBe(0);
      await context.close();
    });
  });
}

describe('permissions in the browser', () => {
  it("an agent without access to the queue does not see its tickets, not even by the ticket's address", {
    timeout: 60_000,
  }, async () => {
    const ticket = await customerOpensTicket('Solo per FEN Energia');
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, env.server.url, 'giulia.bianchi', 'giulia-demo', TEXTS.en.login);
    const newTickets = page.getByRole('region', { name: 'New tickets' });
    await newTickets.waitFor();
    await newTickets.getByText(/All tickets \(\d+\)/).waitFor();
    expect(await page.getByRole('link', { name: ticket.tn }).count()).toBe(0);

    await page.goto(`${env.server.url}/tickets/${ticket.id}`);
    await page
      .getByRole('alert')
      .filter({ hasText: /does not exist or you may not see it/ })
      .waitFor();
    expect(await page.getByRole('heading', { name: /Solo per FEN Energia/ }).count()).toBe(0);
    await context.close();
  });
});

describe('two agents on one ticket', () => {
  it('each is told that the other has it open', { timeout: 60_000 }, async () => {
    const ticket = await customerOpensTicket('Due operatori sullo stesso ticket');
    const open = async (login: string, password: string) => {
      const { context, page } = await openPage(env.browser, 'en-GB');
      await logIn(page, env.server.url, login, password, TEXTS.en.login);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.goto(`${env.server.url}/tickets/${ticket.id}`);
      await page.getByRole('heading', { name: ticket.tn }).waitFor();
      return { page, context };
    };
    const mario = await open('mario.rossi', 'mario-demo');
    const admin = await open('admin', 'admin-demo');
    await admin.page.getByRole('status').filter({ hasText: 'Also open by: Mario Rossi' }).waitFor();
    // Mario's page learns it at its next refresh (every 10 seconds)
    await mario.page
      .getByRole('status')
      .filter({ hasText: /Also open by: .*Admin/ })
      .waitFor({ timeout: 15_000 });
    await mario.context.close();
    await admin.context.close();
  });
});
