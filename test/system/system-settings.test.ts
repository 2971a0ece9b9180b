import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config/config.ts';
import type { DomainContext } from '../../server/domain/context.ts';
import { receiveMail } from '../../server/domain/mail/inbound/receive-mail.ts';
import { loadSystemSettings, watchSystemSettings } from '../../server/domain/system/index.ts';
import { createKit, type Kit, ticketWith } from '../config/config-kit.ts';
import { testConfig } from '../support/test-database.ts';

let kit: Kit;
/** the address of the desk's queue, so that mail opens tickets the kit's agent may read */
let deskAddress: string;
beforeAll(async () => {
  kit = await createKit();
  deskAddress = `urbanistica-${process.pid}@helpdesk.example`;
  await kit.t.ctx.db
    .insertInto('systemAddresses')
    .values({ email: deskAddress, displayName: 'Urbanistica', queueId: kit.desk.queueId })
    .execute();
});
afterAll(() => kit.t.close());

const ENVIRONMENT = {
  systemId: '10',
  ticketNumberGenerator: 'DateChecksum',
  ticketHook: 'Ticket#',
  ticketHookDivider: '',
  defaultLanguage: 'it',
  timeZone: 'Europe/Rome',
};
const allFrom = (source: string) => Object.fromEntries(Object.keys(ENVIRONMENT).map((key) => [key, source]));

const settings = async () => {
  const response = await kit.admin.get('/api/v1/system/settings');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<typeof ENVIRONMENT & { sources: Record<string, string>; defaults: typeof ENVIRONMENT }>();
};

/** A ticket opened by mail from an unknown sender (no customer user, so no language of their own). */
async function mailTicket(subject: string) {
  const raw = [
    'From: Giulia Neri <giulia.neri@comune.test>',
    `To: ${deskAddress}`,
    `Subject: ${subject}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@comune.test>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Il modulo delle pratiche edilizie non si apre più da stamattina.',
    '',
  ].join('\r\n');
  return receiveMail(kit.t.ctx, new TextEncoder().encode(raw), { source: 'api' });
}

describe('system settings', () => {
  it('are the environment defaults until an admin saves one', async () => {
    expect(await settings()).toEqual({ ...ENVIRONMENT, sources: allFrom('environment'), defaults: ENVIRONMENT });
    const unauthenticated = await kit.t.app.inject({ method: 'GET', url: '/api/v1/system/public-settings' });
    expect(unauthenticated.json()).toEqual({ defaultLanguage: 'it', ticketHook: 'Ticket#', ticketHookDivider: '' });
  });

  it('are the admins’ business', async () => {
    for (const client of [kit.agent, kit.customer]) {
      expect((await client.get('/api/v1/system/settings')).statusCode).toBe(403);
      expect((await client.patch('/api/v1/system/settings', { ticketHook: 'Pratica#' })).statusCode).toBe(403);
    }
    expect((await kit.t.app.inject({ method: 'GET', url: '/api/v1/system/settings' })).statusCode).toBe(401);
  });

  it.each([
    [{ systemId: '12345' }, 'systemId', '1 to 4 digits'],
    [{ systemId: 'A1' }, 'systemId', '1 to 4 digits'],
    [{ ticketNumberGenerator: 'Random' }, 'ticketNumberGenerator', 'DateChecksum'],
    [{ ticketHook: 'Ticket #' }, 'ticketHook', 'without spaces'],
    [{ ticketHook: '' }, 'ticketHook', 'without spaces'],
    [{ ticketHookDivider: 'a\nb' }, 'ticketHookDivider', 'line breaks'],
    [{ ticketHookDivider: '-'.repeat(11) }, 'ticketHookDivider', 'at most 10'],
    [{ defaultLanguage: 'de' }, 'defaultLanguage', 'it, en'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'IANA'],
  ])('refuse %j with 400 naming %s', async (body, field, words) => {
    const response = await kit.admin.patch('/api/v1/system/settings', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', field });
    expect(response.json().error.message).toContain(words);
  });

  it('refuse an empty change and unknown settings, and nothing was saved', async () => {
    expect((await kit.admin.patch('/api/v1/system/settings', {})).statusCode).toBe(400);
    expect((await kit.admin.patch('/api/v1/system/settings', { colour: 'blue' })).statusCode).toBe(400);
    expect((await settings()).sources).toEqual(allFrom('environment'));
    const logged = await kit.t.ctx.db
      .selectFrom('adminChanges')
      .selectAll()
      .where('objectType', '=', 'system_settings');
    expect(await logged.execute()).toEqual([]);
  });

  it('saved by an admin apply at once: numbers and subjects of tickets, the default language; logged', async () => {
    const before = await ticketWith(kit);
    const response = await kit.admin.patch('/api/v1/system/settings', {
      systemId: '42',
      ticketNumberGenerator: 'AutoIncrement',
      ticketHook: 'Pratica#',
      ticketHookDivider: '-',
      defaultLanguage: 'en',
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = { ...ENVIRONMENT, systemId: '42', ticketNumberGenerator: 'AutoIncrement' };
    Object.assign(saved, { ticketHook: 'Pratica#', ticketHookDivider: '-', defaultLanguage: 'en' });
    const sources = { ...allFrom('saved'), timeZone: 'environment' };
    expect(response.json()).toEqual({ ...saved, sources, defaults: ENVIRONMENT });
    expect(await settings()).toEqual({ ...saved, sources, defaults: ENVIRONMENT });

    // a new ticket is numbered by the new generator and system id, the old one keeps its number
    const mailed = await mailTicket('Pratiche edilizie: modulo non si apre');
    const ticket = await kit.agent.get(`/api/v1/tickets/${mailed.ticketId}`);
    expect(ticket.json().tn).toMatch(/^42\d{5}$/);
    expect(before.tn).toMatch(/^\d{8}10\d{6}$/);
    // the answer's subject carries the new hook, in the default language for a sender without one
    const articles = await kit.agent.get(`/api/v1/tickets/${mailed.ticketId}/articles`);
    const articleId = articles.json()[0].id;
    const draft = await kit.agent.get(`/api/v1/tickets/${mailed.ticketId}/articles/${articleId}/reply-draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({
      subject: `Re: [Pratica#-${ticket.json().tn}] Pratiche edilizie: modulo non si apre`,
      language: 'en',
    });

    const [entry, ...more] = await kit.t.ctx.db
      .selectFrom('adminChanges')
      .innerJoin('agents', 'agents.id', 'adminChanges.agentId')
      .select(['agents.login', 'objectId', 'action', 'changes'])
      .where('objectType', '=', 'system_settings')
      .execute();
    expect(more).toEqual([]);
    expect(entry).toEqual({
      login: kit.adminLogin,
      objectId: null,
      action: 'settings',
      changes: {
        systemId: { from: '10', to: '42' },
        ticketNumberGenerator: { from: 'DateChecksum', to: 'AutoIncrement' },
        ticketHook: { from: 'Ticket#', to: 'Pratica#' },
        ticketHookDivider: { from: '', to: '-' },
        defaultLanguage: { from: 'it', to: 'en' },
      },
    });
    const log = await kit.admin.get('/api/v1/admin-changes?objectType=system_settings');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toEqual([
      expect.objectContaining({ objectType: 'system_settings', action: 'settings', changes: entry?.changes }),
    ]);
  });

  it('the default language speaks to whoever does not say theirs', async () => {
    const anonymous = await kit.t.app.inject({ method: 'GET', url: '/api/v1/sessions/current' });
    expect(anonymous.json().error.message).toContain('Log in first');
    const italian = await kit.t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { 'accept-language': 'it-IT' },
    });
    expect(italian.json().error.message).toContain('Accedi prima');
    const login = await kit.t.app.inject({ method: 'GET', url: '/api/v1/system/public-settings' });
    expect(login.json()).toEqual({ defaultLanguage: 'en', ticketHook: 'Pratica#', ticketHookDivider: '-' });
    // people created without a language of their own get the desk's
    const agent = await kit.admin.post('/api/v1/agents', {
      login: `lingua-${process.pid}`,
      firstName: 'Nuova',
      lastName: 'Collega',
      email: `lingua-${process.pid}@helpdesk.example`,
    });
    expect(agent.statusCode, agent.body).toBe(201);
    expect(agent.json().language).toBe('en');
    const user = await kit.admin.post('/api/v1/customer-users', {
      login: `cliente-${process.pid}`,
      firstName: 'Nuovo',
      lastName: 'Cliente',
      email: `cliente-${process.pid}@comune.test`,
      language: 'it',
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json().language).toBe('it');
    const another = await kit.admin.post('/api/v1/customer-users', {
      login: `cliente2-${process.pid}`,
      firstName: 'Altro',
      lastName: 'Cliente',
      email: `cliente2-${process.pid}@comune.test`,
    });
    expect(another.json().language).toBe('en');
  });

  it('a follow-up naming a ticket with the former hook still finds it', async () => {
    const old = await ticketWith(kit);
    const reply = await mailTicket(`Re: [Ticket#${old.tn}] Variazione orario biblioteca`);
    expect(reply).toMatchObject({ outcome: 'follow_up', ticketId: old.id });
    const current = await mailTicket(`Re: [Pratica#-${old.tn}] Variazione orario biblioteca`);
    expect(current).toMatchObject({ outcome: 'follow_up', ticketId: old.id });
  });

  it('another process on the same database picks the saved values up', async () => {
    const other: DomainContext = { ...kit.t.ctx, config: testConfig() };
    await loadSystemSettings(other);
    expect(other.config).toMatchObject({ systemId: '42', ticketHook: 'Pratica#', defaultLanguage: 'en' });
    expect(other.config.formerTicketHooks).toEqual([{ hook: 'Ticket#', divider: '' }]);

    const stop = watchSystemSettings(other, 20);
    try {
      const response = await kit.admin.patch('/api/v1/system/settings', { timeZone: 'Europe/London' });
      expect(response.json().sources.timeZone).toBe('saved');
      await vi.waitFor(() => expect(other.config.timeZone).toBe('Europe/London'), { timeout: 5000 });
    } finally {
      stop();
    }
  });

  it('null goes back to the environment default', async () => {
    const response = await kit.admin.patch('/api/v1/system/settings', {
      systemId: null,
      ticketNumberGenerator: null,
      ticketHook: null,
      ticketHookDivider: null,
      defaultLanguage: null,
      timeZone: null,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ...ENVIRONMENT, sources: allFrom('environment'), defaults: ENVIRONMENT });
    const ticket = await ticketWith(kit);
    expect(ticket.tn).toMatch(/^\d{8}10\d{6}$/);
    // the hook used meanwhile stays recognised
    const other: DomainContext = { ...kit.t.ctx, config: testConfig() };
    await loadSystemSettings(other);
    expect(other.config.formerTicketHooks).toEqual([{ hook: 'Pratica#', divider: '-' }]);
  });
});

describe('their environment variables', () => {
  it.each([
    [{ TICKET_HOOK: 'Ticket #' }, 'config.ticket_hook'],
    [{ TICKET_HOOK_DIVIDER: 'a\nb' }, 'config.ticket_hook_divider'],
    [{ DEFAULT_LANGUAGE: 'de' }, 'config.one_of'],
    [{ SYSTEM_ID: '12345' }, 'config.system_id'],
  ])('follow the same rules: %j is refused', (env, key) => {
    const refusal = (() => {
      try {
        loadConfig({ DATA_DIR: '.tmp/unused', ...env });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).key).toBe(key);
  });

  it('DEFAULT_LANGUAGE and a divider such as ": " are taken', () => {
    const config = loadConfig({ DATA_DIR: '.tmp/unused', DEFAULT_LANGUAGE: 'en', TICKET_HOOK_DIVIDER: ': ' });
    expect(config).toMatchObject({ defaultLanguage: 'en', ticketHookDivider: ': ' });
  });
});
