import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDesk } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let desk: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  t = await createTestApp();
  desk = await makeDesk(t.ctx);
  await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
});
afterAll(() => t.close());

describe('the current session', () => {
  it("gives a reloaded web app its CSRF token back, and the person's time zone", async () => {
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const me = (await agent.get('/api/v1/sessions/current')).json();
    expect(me.csrfToken).toBe(agent.csrfToken);
    expect(me.timeZone).toBe(t.ctx.config.timeZone);
  });
});

describe('PATCH /api/v1/sessions/current/preferences', () => {
  it('sets my own language and time zone, which the next request sees', async () => {
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const changed = await agent.patch('/api/v1/sessions/current/preferences', {
      language: 'en',
      timeZone: 'Asia/Tokyo',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ language: 'en', timeZone: 'Asia/Tokyo' });
    expect((await agent.get('/api/v1/sessions/current')).json()).toMatchObject({
      language: 'en',
      timeZone: 'Asia/Tokyo',
    });

    const reset = await agent.patch('/api/v1/sessions/current/preferences', { timeZone: null });
    expect(reset.json()).toMatchObject({ language: 'en', timeZone: t.ctx.config.timeZone });
  });

  it('refuses a time zone that does not exist, naming the field, and changes nothing', async () => {
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const before = (await agent.get('/api/v1/sessions/current')).json();
    const refused = await agent.patch('/api/v1/sessions/current/preferences', { timeZone: 'Europe/Atlantis' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('timeZone');
    expect((await agent.get('/api/v1/sessions/current')).json().timeZone).toBe(before.timeZone);
    const language = await agent.patch('/api/v1/sessions/current/preferences', { language: 'de' });
    expect(language.statusCode).toBe(400);
    expect(language.json().error.field).toContain('language');
  });

  it('needs the CSRF token of the session', async () => {
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/sessions/current/preferences',
      headers: { cookie: agent.cookie },
      payload: { language: 'it' },
    });
    expect(forged.statusCode).toBe(403);
  });
});
