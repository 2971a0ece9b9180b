import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../server/domain/permissions/load-actor.ts';
import { makeTicket } from '../test/support/factories.ts';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * An admin sets up a new desk from the screens alone: a group, a queue in it, the queue's system
 * address and an agent with permissions on the group; that agent then sees the queue and its tickets.
 */
const env = demoServerAndBrowser();
const LOGIN = { login: 'User name', submit: 'Log in' };

async function openAdmin(page: Page, screen: string) {
  await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: screen }).click();
  await page.getByRole('heading', { name: screen, level: 1 }).waitFor();
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function create(page: Page, what: string, fill: () => Promise<void>) {
  await page.getByRole('button', { name: `New ${what}` }).click();
  await fill();
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  // a saved object stays open for changes, with Deactivate beside Save
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
}

describe('administration', () => {
  it('an admin creates a queue, its system address and an agent with permissions on it; the agent then sees it', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, env.server.url, 'admin', 'admin-demo', LOGIN);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();

    await openAdmin(page, 'Groups');
    await create(page, 'group', async () => {
      await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('trento');
    });

    await openAdmin(page, 'Queues');
    // the server's refusal is shown by the field it names: a queue needs a group
    await page.getByRole('button', { name: 'New queue' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Sportello Trento');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page
      .getByRole('dialog')
      .getByText(/groupId/)
      .waitFor();
    await pick(page, 'Group', 'trento');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('table', { name: 'Queues' }).getByRole('cell', { name: 'Sportello Trento' }).waitFor();

    await openAdmin(page, 'System addresses');
    await create(page, 'system address', async () => {
      await page.getByRole('dialog').getByRole('textbox', { name: 'Email address' }).fill('trento@helpdesk.example');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Display name' }).fill('Assistenza Trento');
      await pick(page, 'Queue', 'Sportello Trento');
    });

    await openAdmin(page, 'Agents');
    await create(page, 'agent', async () => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Login' }).fill('sara.neri');
      await dialog.getByRole('textbox', { name: 'First name' }).fill('Sara');
      await dialog.getByRole('textbox', { name: 'Last name' }).fill('Neri');
      await dialog.getByRole('textbox', { name: 'Email address' }).fill('sara.neri@helpdesk.example');
      await dialog.getByLabel('Password').fill('sara-password');
    });
    await screenshot(page, 'admin-agents');

    const stored = await env.server.ctx.db
      .selectFrom('systemAddresses as a')
      .innerJoin('queues as q', 'q.id', 'a.queueId')
      .innerJoin('groups as g', 'g.id', 'q.groupId')
      .select(['a.email', 'q.name as queue', 'g.name as group'])
      .where('a.email', '=', 'trento@helpdesk.example')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ email: 'trento@helpdesk.example', queue: 'Sportello Trento', group: 'trento' });

    await openAdmin(page, 'Permissions');
    await page.getByRole('textbox', { name: 'Agent' }).click();
    await page.getByRole('option', { name: /sara\.neri/ }).click();
    await page.getByRole('checkbox', { name: 'rw on group trento for sara.neri' }).check();
    await page.getByRole('button', { name: /^Save .* on group trento$/ }).click();
    await page.getByText(/^Saved: .* holds .* on trento$/).waitFor();
    await screenshot(page, 'admin-permissions');
    await context.close();

    const { id: queueId } = await env.server.ctx.db
      .selectFrom('queues')
      .select('id')
      .where('name', '=', 'Sportello Trento')
      .executeTakeFirstOrThrow();
    // mail arriving at the new address would do the same; the system makes the ticket here
    const ticket = await makeTicket(env.server.ctx, systemActor(), queueId, { title: 'Richiesta dal Trentino' });

    const sara = await openPage(env.browser, 'en-GB');
    await logIn(sara.page, env.server.url, 'sara.neri', 'sara-password', LOGIN);
    const overview = sara.page.getByRole('table', { name: 'Queue overview' });
    await overview.getByRole('link', { name: 'Sportello Trento' }).click();
    await sara.page.getByRole('link', { name: ticket.tn }).waitFor();
    await sara.context.close();

    // what tickets refer to is deactivated, never deleted: the queue keeps its ticket, the agent their history
    const admin = await openPage(env.browser, 'en-GB');
    await logIn(admin.page, env.server.url, 'admin', 'admin-demo', LOGIN);
    await admin.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await admin.page.goto(`${env.server.url}/admin/queues?id=${queueId}`);
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: /^Really delete/ }).click();
    await dialog.getByText(/is still used and cannot be deleted; deactivate it instead/).waitFor();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Activate again' }).waitFor();
    const queue = await env.server.ctx.db
      .selectFrom('queues')
      .select('valid')
      .where('id', '=', queueId)
      .executeTakeFirstOrThrow();
    expect(queue.valid).toBe(false);
    const stillThere = await env.server.ctx.db
      .selectFrom('tickets')
      .select('queueId')
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(stillThere.queueId).toBe(queueId);
    await admin.context.close();
  });

  it('a contract an admin records makes a kind of request included for the customer on the portal', {
    timeout: 90_000,
  }, async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await logIn(page, env.server.url, 'admin', 'admin-demo', LOGIN);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.goto(`${env.server.url}/admin/customer-contracts`);
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await create(page, 'contract', async () => {
      await pick(page, 'Customer', 'Comune di Pianfiorito');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('PALASS 2027');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Kinds of request included' }).click();
      await page.getByRole('option', { name: 'Supporto operativo' }).click();
      await page.keyboard.press('Escape');
    });
    await page.getByRole('table', { name: 'Contracts' }).getByRole('cell', { name: 'PALASS 2027' }).waitFor();
    await context.close();

    const customer = await openPage(env.browser, 'en-GB');
    await logIn(customer.page, `${env.server.url}/portal`, 'marco.galli', 'marco-demo', LOGIN);
    await customer.page.getByRole('link', { name: 'New request' }).click();
    await customer.page.getByRole('textbox', { name: 'Kind of request' }).click();
    await customer.page.getByRole('option', { name: 'Supporto operativo' }).click();
    await customer.page
      .getByText('Requests of the kind "Supporto operativo" are included in the contract "PALASS 2027".')
      .waitFor();
    await customer.context.close();
  });
});
