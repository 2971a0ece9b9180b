import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login as apiLogin } from '../test/support/test-app.ts';
import { demoServerAndBrowser, logIn, openPage, screenshot } from './support/browser.ts';

/**
 * The administration's permission matrix and notification settings in the browser: what the admin
 * ticks is what the server stores.
 */
const env = demoServerAndBrowser();

async function agentId(login: string) {
  const agent = await env.server.ctx.db
    .selectFrom('agents')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return agent.id;
}

interface Texts {
  login: { login: string; submit: string };
  adminMenu: string;
  screen: string;
}

/** Logs the demo admin in and opens an administration screen from its menu. */
async function adminOpens(page: Page, texts: Texts) {
  const { screen } = texts;
  await logIn(page, env.server.url, 'admin', 'admin-demo', texts.login);
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page
    .getByRole('navigation', { name: texts.adminMenu })
    .getByRole('link', { name: screen, exact: true })
    .click();
  await page.getByRole('heading', { name: screen, level: 1 }).waitFor();
}

describe('the permission matrix', () => {
  it('the admin gives mario.rossi a group he did not have; the server stores it', { timeout: 60_000 }, async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await adminOpens(page, {
      login: { login: 'User name', submit: 'Log in' },
      adminMenu: 'Administration menu',
      screen: 'Permissions',
    });

    await page.getByText('By agent', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Agent', exact: true }).fill('mario');
    await page.getByRole('option', { name: 'Mario Rossi (mario.rossi)' }).click();
    const matrix = page.getByRole('table', { name: 'Groups of mario.rossi' });
    const cell = (key: string) => matrix.getByRole('checkbox', { name: `${key} on group cityware for mario.rossi` });
    const cityware = matrix
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'cityware', exact: true }) });
    const save = matrix.getByRole('button', { name: 'Save mario.rossi on group cityware' });
    await expect.poll(() => cell('ro').isChecked()).toBe(false);
    await expect.poll(() => save.isDisabled()).toBe(true);

    // rw holds every other key: ticking it ticks (and locks) the others; untick it and nothing changed
    await cell('rw').check();
    expect(await cell('owner').isChecked()).toBe(true);
    expect(await cell('owner').isDisabled()).toBe(true);
    await cell('rw').uncheck();
    await expect.poll(() => save.isDisabled()).toBe(true);

    await cell('ro').check();
    await cell('note').check();
    await cityware.getByText('not saved').waitFor();
    await save.click();
    await page.getByText('Saved: mario.rossi holds ro, note on cityware').waitFor();
    await cityware.getByText('not saved').waitFor({ state: 'detached' });
    // what is in effect now, as the server computes it, next to his role's groups
    await cityware.getByRole('cell', { name: 'ro, note', exact: true }).waitFor();
    await screenshot(page, 'admin-permissions-by-agent');

    const stored = await env.server.ctx.db
      .selectFrom('groupAgentPermissions as p')
      .innerJoin('groups as g', 'g.id', 'p.groupId')
      .select('p.permission')
      .where('p.agentId', '=', await agentId('mario.rossi'))
      .where('g.name', '=', 'cityware')
      .execute();
    expect(stored.map((row) => row.permission).sort()).toEqual(['note', 'ro']);
    await context.close();
  });

  it("shows the server's refusal on the row: the last administrator keeps rw on admin", async () => {
    const { context, page } = await openPage(env.browser, 'en-GB');
    await adminOpens(page, {
      login: { login: 'User name', submit: 'Log in' },
      adminMenu: 'Administration menu',
      screen: 'Permissions',
    });
    await page.getByText('By group', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Group', exact: true }).fill('adm');
    await page.getByRole('option', { name: 'admin', exact: true }).click();
    const agents = page.getByRole('table', { name: 'Agents holding the group admin' });
    await agents.getByRole('checkbox', { name: 'rw on group admin for admin' }).uncheck();
    await agents.getByRole('button', { name: 'Save admin on group admin' }).click();
    await agents.getByRole('alert').getByText('nobody could administer Sportello', { exact: false }).waitFor();
    const kept = await env.server.ctx.db
      .selectFrom('groupAgentPermissions as p')
      .innerJoin('groups as g', 'g.id', 'p.groupId')
      .select('p.permission')
      .where('p.agentId', '=', await agentId('admin'))
      .where('g.name', '=', 'admin')
      .execute();
    expect(kept).toEqual([{ permission: 'rw' }]);
    await context.close();
  });
});

describe('the notification settings', () => {
  it('the admin turns off a notification of giulia.bianchi; it stays off', { timeout: 60_000 }, async () => {
    const { context, page } = await openPage(env.browser, 'it-IT');
    await adminOpens(page, {
      login: { login: 'Nome utente', submit: 'Accesso' },
      adminMenu: "Menu dell'amministrazione",
      screen: 'Notifiche',
    });
    await page.getByText('Ogni operatore può cambiare le proprie in Preferenze').waitFor();

    await page.getByRole('textbox', { name: 'Cerca operatori' }).fill('giulia');
    const noteAdded = page.getByRole('switch', { name: 'Nota aggiunta per giulia.bianchi' });
    await expect.poll(() => page.getByRole('switch', { name: 'Nota aggiunta per mario.rossi' }).count()).toBe(0);
    expect(await noteAdded.isChecked()).toBe(true);
    await noteAdded.uncheck({ force: true });
    await page.getByText('Notifica «Nota aggiunta» disattivata per giulia.bianchi').waitFor();
    expect(await noteAdded.isChecked()).toBe(false);

    const admin = await apiLogin(env.server.app, 'admin', 'admin-demo');
    const response = await admin.get(`/api/v1/agents/${await agentId('giulia.bianchi')}/notification-preferences`);
    expect(response.json()).toMatchObject({ note_added: false, new_ticket: true, follow_up: true });

    await page.reload();
    await page.getByRole('textbox', { name: 'Cerca operatori' }).fill('giulia');
    await expect.poll(() => noteAdded.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Nuovo ticket per giulia.bianchi' }).isChecked()).toBe(true);
    await context.close();
  });
});
