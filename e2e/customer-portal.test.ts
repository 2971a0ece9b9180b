import { describe, expect, it } from 'vitest';
import { login as apiLogin } from '../test/support/test-app.ts';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * The customer portal: a customer user follows their ticket, sees the desk's public answer but not its
 * internal note, replies, and cannot open another customer's ticket by its address.
 */
const env = demoServerAndBrowser();

async function openTicket(login: string, password: string, queue: string, title: string) {
  const customer = await apiLogin(env.server.app, login, password, 'customer');
  const { id } = await env.server.ctx.db
    .selectFrom('queues')
    .select('id')
    .where('name', '=', queue)
    .executeTakeFirstOrThrow();
  const response = await customer.post('/api/v1/tickets', {
    title,
    queueId: id,
    article: { subject: title, body: 'Dettagli.' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket as { id: number; tn: string };
}

describe('the customer portal', () => {
  it('shows the customer their ticket and the public answer, not the internal note, and takes their reply', {
    timeout: 90_000,
  }, async () => {
    const ticket = await openTicket('paolo.cevoli', 'paolo-demo', 'FEN Energia', 'Riscaldamento scuola media');
    const agent = await apiLogin(env.server.app, 'mario.rossi', 'mario-demo');
    const publicNote = await agent.post(`/api/v1/tickets/${ticket.id}/notes`, {
      subject: 'Intervento pianificato',
      body: 'Il tecnico passerà domani alle 9.',
      visibleToCustomer: true,
    });
    expect(publicNote.statusCode, publicNote.body).toBe(201);
    await agent.post(`/api/v1/tickets/${ticket.id}/notes`, {
      subject: 'Nota interna',
      body: 'Cliente difficile, riservato.',
    });

    const { context, page } = await openPage(env.browser, 'it-IT');
    await logIn(page, `${env.server.url}/portal`, 'paolo.cevoli', 'paolo-demo', {
      login: 'Nome utente',
      submit: 'Accesso',
    });
    await page.getByRole('heading', { name: 'Le mie richieste' }).waitFor();
    await page.getByRole('link', { name: ticket.tn }).click();
    await page.getByRole('heading', { name: `${ticket.tn} — Riscaldamento scuola media` }).waitFor();
    await page.getByText('Il tecnico passerà domani alle 9.').waitFor();
    expect(await page.getByText('Cliente difficile, riservato.').count()).toBe(0);
    expect(await page.getByText('Nota interna').count()).toBe(0);

    await page.getByRole('textbox', { name: 'Testo' }).fill('Grazie, confermo la disponibilità.');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByRole('article').filter({ hasText: 'Grazie, confermo la disponibilità.' }).waitFor();
    await screenshot(page, 'portal-ticket');

    const stored = await env.server.ctx.db
      .selectFrom('articles')
      .select(['senderType', 'visibleToCustomer'])
      .where('ticketId', '=', ticket.id)
      .where('bodyText', 'like', 'Grazie, confermo%')
      .execute();
    expect(stored).toEqual([{ senderType: 'customer', visibleToCustomer: true }]);
    await context.close();
  });

  it("does not open another customer's ticket, whatever its address", { timeout: 60_000 }, async () => {
    const other = await openTicket('marco.galli', 'marco-demo', 'Cityware - Tributi', 'Solo per Pianfiorito');
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, `${env.server.url}/portal`, 'paolo.cevoli', 'paolo-demo', {
      login: 'User name',
      submit: 'Log in',
    });
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await page.getByRole('link', { name: other.tn }).count()).toBe(0);
    await page.goto(`${env.server.url}/portal/tickets/${other.id}`);
    await page
      .getByRole('alert')
      .filter({ hasText: /does not exist or you may not see it/ })
      .waitFor();
    expect(await page.getByText('Solo per Pianfiorito').count()).toBe(0);
    await context.close();
  });

  it('an agent session does not open the portal, and a customer session does not open the agent app', {
    timeout: 60_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, `${env.server.url}/portal`, 'paolo.cevoli', 'paolo-demo', {
      login: 'User name',
      submit: 'Log in',
    });
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.goto(env.server.url);
    await page.getByRole('heading', { name: 'Log in to Sportello' }).waitFor();
    await context.close();
  });

  it('opens a new request with what the vendor asks for, refusing a generic subject first', {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'it-IT');
    // anna.moretti works for two bodies: the form asks which one
    await logIn(page, `${env.server.url}/portal`, 'anna.moretti', 'anna-demo', {
      login: 'Nome utente',
      submit: 'Accesso',
    });
    await page.getByRole('link', { name: 'Nuova richiesta' }).click();
    const pick = async (label: string, option: string) => {
      await page.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await pick('Per', 'Unione dei Comuni di Valle Serena');
    await pick('Tipo di richiesta', 'Errore/Anomalia');
    await pick('Modulo', 'Cityware - Tributi');
    await page.getByRole('textbox', { name: 'Oggetto' }).fill('Richiesta assistenza');
    await page.getByRole('textbox', { name: 'Descrizione' }).fill('La stampa degli avvisi si ferma al 40%.');
    await page.getByRole('textbox', { name: 'Telefono' }).fill('0365 123456');
    await page.getByRole('textbox', { name: 'Orari in cui potete essere richiamati' }).fill('feriali 9-12');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.getByText("L'oggetto è troppo generico").first().waitFor();

    await page.getByRole('textbox', { name: 'Oggetto' }).fill('Stampa avvisi TARI bloccata al 40%');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.getByRole('heading', { name: /Stampa avvisi TARI bloccata al 40%/ }).waitFor();

    const stored = await env.server.ctx.db
      .selectFrom('tickets as t')
      .innerJoin('queues as q', 'q.id', 't.queueId')
      .innerJoin('customers as c', 'c.id', 't.customerId')
      .innerJoin('ticketTypes as y', 'y.id', 't.typeId')
      .innerJoin('articles as a', 'a.ticketId', 't.id')
      .select(['q.name as queue', 'c.name as customer', 'y.name as kind', 'a.bodyText'])
      .where('t.title', '=', 'Stampa avvisi TARI bloccata al 40%')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      queue: 'Cityware - Tributi',
      customer: 'Unione dei Comuni di Valle Serena',
      kind: 'Errore/Anomalia',
    });
    expect(stored.bodyText).toContain('La stampa degli avvisi si ferma al 40%.');
    expect(stored.bodyText).toContain('Telefono: 0365 123456');
    expect(stored.bodyText).toContain('Orari in cui potete essere richiamati: feriali 9-12');
    await context.close();
  });

  it("says before sending when the kind of request is billable under the customer's contracts", {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'it-IT');
    // in the demo, Pianfiorito has no contract and the Union has PALASS, which includes operational support
    await logIn(page, `${env.server.url}/portal`, 'anna.moretti', 'anna-demo', {
      login: 'Nome utente',
      submit: 'Accesso',
    });
    await page.getByRole('link', { name: 'Nuova richiesta' }).click();
    const pick = async (label: string, option: string) => {
      await page.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };
    const billable = page.getByRole('alert').filter({ hasText: 'Richiesta a pagamento' });
    await pick('Per', 'Comune di Pianfiorito');
    await pick('Tipo di richiesta', 'Supporto operativo');
    await billable
      .filter({ hasText: 'sono a pagamento per Comune di Pianfiorito: nessun suo contratto in vigore le comprende' })
      .waitFor();
    await screenshot(page, 'portal-billable');

    await pick('Per', 'Unione dei Comuni di Valle Serena');
    await page
      .getByRole('status')
      .filter({ hasText: 'comprese nel contratto «PALASS — Servizio assistenza tecnica»' })
      .waitFor();
    expect(await billable.count()).toBe(0);

    // a fault is never billable: no note at all
    await pick('Per', 'Comune di Pianfiorito');
    await pick('Tipo di richiesta', 'Errore/Anomalia');
    await billable.waitFor({ state: 'detached' });
    expect(await page.getByRole('status').filter({ hasText: 'contratto' }).count()).toBe(0);
    await context.close();
  });

  it('asks for a rating once the ticket is closed, and the desk sees it in its report', {
    timeout: 90_000,
  }, async () => {
    const ticket = await openTicket('paolo.cevoli', 'paolo-demo', 'FEN Energia', 'Lampione spento in piazza');
    const agent = await apiLogin(env.server.app, 'mario.rossi', 'mario-demo');
    expect((await agent.post(`/api/v1/tickets/${ticket.id}/close`, { successful: true })).statusCode).toBe(200);

    const { context, page } = await openPage(env.browser, 'it-IT');
    await logIn(page, `${env.server.url}/portal`, 'paolo.cevoli', 'paolo-demo', {
      login: 'Nome utente',
      submit: 'Accesso',
    });
    await page.getByRole('link', { name: ticket.tn }).click();
    await page.getByRole('heading', { name: 'Come siamo andati?' }).waitFor();
    // the stars are radio buttons: by keyboard, as a screen-reader user would
    await page.getByRole('radio', { name: '4 stelle' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: 'Commento (facoltativo)' }).fill('Risolto in giornata');
    await page.getByRole('button', { name: 'Invia la valutazione' }).click();
    await page.getByText('Risolto in giornata').waitFor();
    await context.close();

    const report = (await agent.get('/api/v1/reports/satisfaction')).json();
    expect(report.comments).toContainEqual(
      expect.objectContaining({ ticketId: ticket.id, rating: 4, comment: 'Risolto in giornata' }),
    );
  });
});
