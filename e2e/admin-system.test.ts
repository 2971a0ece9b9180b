import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login as apiLogin } from '../test/support/test-app.ts';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * The administration's System and received-mail screens in the browser: an admin changes the
 * ticket hook and finds the change (who, from → to) in the change log; a message that failed to be
 * processed shows under Received mail, and "process again" makes its ticket.
 */
const env = demoServerAndBrowser();
/** OTRS's PostmasterDefaultQueue: mail to no system address goes there (server/domain/mail/inbound/destination.ts). */
const RAW_QUEUE_ID = 2;

async function openAdmin(page: Page, screen: string) {
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page
    .getByRole('navigation', { name: /Administration menu|Menu dell'amministrazione/ })
    .getByRole('link', { name: screen, exact: true })
    .click();
  await page.getByRole('heading', { name: screen, level: 1 }).waitFor();
}

/**
 * A message the intake cannot route, as an MTA would hand it over: while the Raw queue (where mail
 * to an unknown address goes) is deactivated, processing fails and the message is kept as failed.
 */
async function receiveFailingMessage(subject: string) {
  const admin = await apiLogin(env.server.app, 'admin', 'admin-demo');
  const raw = await admin.patch(`/api/v1/queues/${RAW_QUEUE_ID}`, { valid: false });
  expect(raw.statusCode, raw.body).toBe(200);
  try {
    const received = await env.server.app.inject({
      method: 'POST',
      url: '/api/v1/mail/messages',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'message/rfc822' },
      payload: Buffer.from(
        [
          'From: Carla Neri <carla.neri@example.test>',
          'To: nessuno@altrove.example',
          `Subject: ${subject}`,
          `Message-ID: <admin-system-${Date.now()}@example.test>`,
          '',
          'Buongiorno, il modulo online non si apre.',
          '',
        ].join('\r\n'),
      ),
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ status: 'failed', ticketId: null });
  } finally {
    await admin.patch(`/api/v1/queues/${RAW_QUEUE_ID}`, { valid: true });
  }
}

describe('system settings and the change log', () => {
  it('an admin changes the ticket hook and sees who changed it, from what to what, in the change log', {
    timeout: 60_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, env.server.url, 'admin', 'admin-demo', { login: 'User name', submit: 'Log in' });
    await openAdmin(page, 'System settings');
    const hook = page.getByRole('textbox', { name: 'Ticket hook', exact: true });
    await expect.poll(() => hook.inputValue()).toBe('Ticket#');

    // the server's refusal shows under the field it names
    await hook.fill('Case no');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The ticket hook must be 1 to 30 characters without spaces, not "Case no"').waitFor();

    await hook.fill('Case#');
    await expect.poll(() => page.getByTestId('ticket-tag-preview').textContent()).toMatch(/^\[Case#\d{16}\]$/);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByText('Saved here; the default is Ticket#.').waitFor();
    await screenshot(page, 'admin-settings');
    // ticket numbers are now headed with the new hook in the agent's lists
    await page.goto(`${env.server.url}/tickets/status`);
    await page.getByRole('columnheader', { name: 'Case#' }).waitFor();

    await openAdmin(page, 'Change log');
    const entry = page
      .getByRole('table', { name: 'Change log' })
      .getByRole('row')
      .filter({ hasText: 'System settings' })
      .first();
    await entry.getByRole('cell', { name: 'Admin Sportello' }).waitFor();
    await entry.getByRole('button', { name: 'Ticket hook' }).click();
    const details = page.getByRole('table', { name: 'Changes to System settings' });
    await details.getByRole('row').filter({ hasText: 'Ticket hook' }).getByText('Ticket# → Case#').waitFor();
    await screenshot(page, 'admin-change-log');
    await context.close();
  });
});

describe('received mail', () => {
  it('a message that failed is listed with its error, and processing it again makes its ticket', {
    timeout: 60_000,
  }, async () => {
    const subject = 'Modulo online non disponibile';
    await receiveFailingMessage(subject);
    const { context, page } = await openPage(env.browser, 'it-IT');
    await logIn(page, env.server.url, 'admin', 'admin-demo', { login: 'Nome utente', submit: 'Accesso' });
    await openAdmin(page, 'Posta ricevuta');
    // failed messages are what the screen shows first
    const row = page.getByRole('table', { name: 'Posta ricevuta' }).getByRole('row').filter({ hasText: subject });
    await row.getByText('fallito', { exact: true }).waitFor();
    await row.getByText('Carla Neri <carla.neri@example.test>').waitFor();
    await row.getByText(/deactivated|disattivat/).waitFor();
    expect(await row.getByRole('link', { name: "Scarica l'originale" }).getAttribute('href')).toMatch(
      /^\/api\/v1\/mail\/messages\/\d+\/raw$/,
    );
    await screenshot(page, 'admin-mail-messages');

    await row.getByRole('button', { name: 'Elabora di nuovo' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Elaborato di nuovo: Nuovo ticket.' });
    await result.waitFor();
    // processed, it leaves the list of failed messages
    await expect.poll(() => row.count()).toBe(0);
    await result.getByRole('link', { name: /Ticket \d+/ }).click();
    await page.getByRole('heading', { name: new RegExp(subject), level: 1 }).waitFor();
    await context.close();
  });
});
