import { Type } from '@sinclair/typebox';
import type { App } from '../../../api/app.ts';
import { actorOf } from '../../../api/route-access.ts';
import { errorResponses, IdParams } from '../../../api/schema-helpers.ts';
import { languageFrom } from '../../../platform/i18n.ts';
import { crudRoutes } from '../../config/config-routes.ts';
import type { DomainContext } from '../../context.ts';
import { fetchAccountNow, testSavedAccount, testUnsavedAccount } from './mail-account-commands.ts';
import {
  Folder,
  Host,
  Login,
  MailAccountCreate,
  MailAccountItem,
  MailPassword,
  mailAccountTable,
  Port,
  Protocol,
} from './mail-account-table.ts';

const tags = ['mail accounts'];

const TestResult = Type.Object({
  ok: Type.Boolean(),
  messages: Type.Optional(Type.Integer({ description: 'messages waiting in the folder' })),
  stage: Type.Optional(
    Type.Union(
      ['dns', 'connect', 'tls', 'login', 'folder', 'timeout', 'protocol'].map((stage) => Type.Literal(stage)),
      { description: 'the step that failed' },
    ),
  ),
  message: Type.Optional(Type.String({ description: 'what is wrong, in Italian or English (Accept-Language)' })),
});

const UnsavedSettings = Type.Object(
  {
    protocol: Protocol,
    host: Host,
    port: Type.Optional(Port),
    login: Login,
    password: MailPassword,
    folder: Type.Optional(Folder),
    tlsVerify: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const SettingChanges = Type.Partial(UnsavedSettings, { additionalProperties: false });

const FetchResult = Type.Object({
  status: Type.Union([Type.Literal('done'), Type.Literal('failed')]),
  stored: Type.Integer({ description: 'messages stored for the first time' }),
  duplicates: Type.Integer({ description: 'messages stored before (fetched again after a crash): not stored twice' }),
  skipped: Type.Integer({ description: 'messages refused (too large, empty): left on the server' }),
  errors: Type.Array(Type.String()),
  stage: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});

/** Mail accounts: the configuration CRUD (admins only, passwords write-only), test connection and fetch now. */
export async function mailAccountRoutes(app: App, ctx: DomainContext) {
  // before the CRUD's /:id routes, so that "test" is not taken for an id
  app.post(
    '/api/v1/mail-accounts/test',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Test settings not saved yet: name, connection, TLS, login and folder',
        body: UnsavedSettings,
        response: { 200: TestResult, ...errorResponses },
      },
    },
    async (request) =>
      testUnsavedAccount(
        actorOf(request),
        request.body,
        languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage),
      ),
  );

  app.post(
    '/api/v1/mail-accounts/:id/test',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Test a saved account's connection, optionally with some settings changed for the test",
        params: IdParams,
        body: Type.Optional(SettingChanges),
        response: { 200: TestResult, ...errorResponses },
      },
    },
    async (request) =>
      testSavedAccount(
        ctx,
        actorOf(request),
        request.params.id,
        request.body ?? {},
        languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage),
      ),
  );

  app.post(
    '/api/v1/mail-accounts/:id/fetch',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Fetch the account now; answers when the fetch is over',
        params: IdParams,
        response: { 200: FetchResult, ...errorResponses },
      },
    },
    async (request) => fetchAccountNow(ctx, actorOf(request), request.params.id),
  );

  crudRoutes(app, ctx, {
    path: '/api/v1/mail-accounts',
    plural: 'mail accounts',
    table: mailAccountTable,
    item: MailAccountItem,
    create: MailAccountCreate,
    filters: Type.Object({ queueId: Type.Optional(IdParams.properties.id) }),
    readAccess: 'admin',
  });
}
