import type { LightMyRequestResponse } from 'fastify';
import { type App, type AppOptions, buildApp } from '../../server/api/app.ts';
import { hashPassword } from '../../server/platform/secrets.ts';
import { createTestContext, type TestContext } from './test-database.ts';

export interface TestApp {
  ctx: TestContext;
  app: App;
  close(): Promise<void>;
}

export async function createTestApp(options: AppOptions = {}): Promise<TestApp> {
  const ctx = await createTestContext();
  const app = await buildApp(ctx, options);
  return {
    ctx,
    app,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/** Gives an agent or customer user a password, so tests can log in as them. */
export async function setPassword(ctx: TestContext, table: 'agents' | 'customerUsers', id: number, password: string) {
  await ctx.db
    .updateTable(table)
    .set({ passwordHash: await hashPassword(password) })
    .where('id', '=', id)
    .execute();
}

/** Logs in and returns a client that sends the session cookie and the CSRF token. */
export async function login(app: App, login: string, password: string, as: 'agent' | 'customer' = 'agent') {
  const response = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login, password, as } });
  if (response.statusCode !== 201) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sportello_session');
  const { csrfToken } = response.json() as { csrfToken: string };
  const headers = { cookie: `sportello_session=${cookie?.value}`, 'x-csrf-token': csrfToken };
  return {
    csrfToken,
    cookie: headers.cookie,
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object) => app.inject({ method: 'POST', url, headers, payload: payload ?? {} }),
    patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers, payload }),
    delete: (url: string) => app.inject({ method: 'DELETE', url, headers }),
  };
}

export type Client = Awaited<ReturnType<typeof login>>;

export function bearer(app: App, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object) => app.inject({ method: 'POST', url, headers, payload: payload ?? {} }),
  };
}

export const json = <T>(response: LightMyRequestResponse) => response.json() as T;
