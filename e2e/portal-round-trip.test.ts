import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * One request from start to end, each side in its own browser: the customer opens it on the portal,
 * the agent answers, the customer reads the answer and replies, the agent closes it, the customer rates it.
 */
const env = demoServerAndBrowser();
const TITLE = 'Gas meter at the primary school stopped';

const infoRow = (page: Page, label: string) =>
  page
    .getByTestId('ticket-info')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

/** Whether a text shows on the page, in its own markup or in an article's sandboxed HTML frame. */
async function shows(page: Page, text: string) {
  for (const frame of page.frames()) {
    if ((await frame.getByText(text).count()) > 0) return true;
  }
  return false;
}

async function saveDialog(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe('a request between the portal and the desk', () => {
  it('opened on the portal, answered, replied to, closed and rated', { timeout: 120_000 }, async () => {
    const customer = await openPage(env.browser, 'en-GB');
    const portal = customer.page;
    await logIn(portal, `${env.server.url}/portal`, 'paolo.cevoli', 'paolo-demo', {
      login: 'User name',
      submit: 'Log in',
    });
    await portal.getByRole('link', { name: 'New request' }).click();
    const pick = async (label: string, option: string) => {
      await portal.getByRole('textbox', { name: label }).click();
      await portal.getByRole('option', { name: option }).click();
    };
    await pick('Kind of request', 'Errore/Anomalia');
    await pick('Module', 'FEN Energia');
    await portal.getByRole('textbox', { name: 'Subject' }).fill(TITLE);
    await portal.getByRole('textbox', { name: 'Description' }).fill('The meter shows no reading since Monday.');
    await portal.getByRole('textbox', { name: 'Phone' }).fill('0541 654321');
    await portal.getByRole('button', { name: 'Send the request' }).click();
    await portal.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    const ticket = await env.server.ctx.db
      .selectFrom('tickets')
      .select(['id', 'tn'])
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    const ticketUrl = portal.url();

    const agent = await openPage(env.browser, 'en-GB');
    const desk = agent.page;
    await logIn(desk, env.server.url, 'mario.rossi', 'mario-demo', { login: 'User name', submit: 'Log in' });
    await desk.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await desk.goto(`${env.server.url}/tickets/${ticket.id}`);
    await desk.getByRole('heading', { name: `${ticket.tn} — ${TITLE}` }).waitFor();
    await desk.getByRole('button', { name: 'Communication' }).click();
    await desk.getByRole('menuitem', { name: 'Note', exact: true }).click();
    await desk.getByRole('dialog').getByLabel('Subject').fill('Technician on the way');
    await desk.getByRole('dialog').getByLabel('Text').fill('Our technician will read the meter tomorrow at 9.');
    await desk.getByRole('dialog').getByRole('checkbox', { name: 'Visible to the customer' }).check();
    await saveDialog(desk);

    await portal.goto(ticketUrl);
    await expect.poll(() => shows(portal, 'Our technician will read the meter tomorrow at 9.')).toBe(true);
    await portal.getByRole('textbox', { name: 'Text' }).fill('Thank you, the caretaker will be there.');
    await portal.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => shows(portal, 'Thank you, the caretaker will be there.')).toBe(true);

    await desk.reload();
    await desk.getByRole('heading', { name: `${ticket.tn} — ${TITLE}` }).waitFor();
    await expect
      .poll(async () => (await desk.getByRole('row').allTextContents()).some((row) => row.includes('customer')))
      .toBe(true);
    await desk.getByRole('button', { name: 'Close', exact: true }).click();
    await desk.getByRole('menuitem', { name: 'Close successful' }).click();
    await desk.getByRole('dialog').getByLabel('Subject').fill('Meter read, closed');
    await saveDialog(desk);
    await infoRow(desk, 'State').getByText('closed successful').waitFor();

    await portal.reload();
    await portal.getByRole('heading', { name: 'How did we do?' }).waitFor();
    await portal.getByRole('radio', { name: '5 stars' }).focus();
    await portal.keyboard.press('Space');
    await portal.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and clear');
    await portal.getByRole('button', { name: 'Send the rating' }).click();
    await portal.getByLabel('Your rating: 5 of 5').waitFor();
    await screenshot(portal, 'portal-rated');

    await desk.reload();
    await infoRow(desk, 'Customer rating').getByText('5/5 — Quick and clear').waitFor();
    const articles = await env.server.ctx.db
      .selectFrom('articles')
      .select(['senderType', 'visibleToCustomer'])
      .where('ticketId', '=', ticket.id)
      .orderBy('id')
      .execute();
    expect(articles.slice(0, 3)).toEqual([
      { senderType: 'customer', visibleToCustomer: true },
      { senderType: 'agent', visibleToCustomer: true },
      { senderType: 'customer', visibleToCustomer: true },
    ]);
    await customer.context.close();
    await agent.context.close();
  });
});
