import { type SchemaOptions, Type } from '@sinclair/typebox';
import type { App } from '../../../api/app.ts';
import { actorOf } from '../../../api/route-access.ts';
import { errorResponses, Nullable } from '../../../api/schema-helpers.ts';
import { TICKET_NUMBER_GENERATORS } from '../../../config/config.ts';
import { LANGUAGES } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { getSystemSettings } from './get-system-settings.ts';
import { SETTING_KEYS } from './setting-rules.ts';
import { updateSystemSettings } from './update-system-settings.ts';

const tags = ['system'];
const generator = (options?: SchemaOptions) =>
  Type.Union(
    TICKET_NUMBER_GENERATORS.map((name) => Type.Literal(name)),
    options,
  );
const language = (options?: SchemaOptions) =>
  Type.Union(
    LANGUAGES.map((name) => Type.Literal(name)),
    options,
  );
const descriptions = {
  systemId: '1 to 4 digits, part of every new ticket number (SYSTEM_ID)',
  ticketNumberGenerator: 'how new ticket numbers are made (TICKET_NUMBER_GENERATOR)',
  ticketHook: '"Ticket#" in "[Ticket#2018091110000018]": 1 to 30 characters, no spaces (TICKET_HOOK)',
  ticketHookDivider: 'between the hook and the number: at most 10 characters, may be empty (TICKET_HOOK_DIVIDER)',
  defaultLanguage: 'for people and mail whose own language is not known (DEFAULT_LANGUAGE)',
  timeZone: 'IANA time zone for people without their own, and for calendars (TIME_ZONE)',
};
const values = {
  systemId: Type.String({ description: descriptions.systemId }),
  ticketNumberGenerator: generator({ description: descriptions.ticketNumberGenerator }),
  ticketHook: Type.String({ description: descriptions.ticketHook }),
  ticketHookDivider: Type.String({ description: descriptions.ticketHookDivider }),
  defaultLanguage: language({ description: descriptions.defaultLanguage }),
  timeZone: Type.String({ description: descriptions.timeZone }),
};
const Values = Type.Object(values);
const Source = Type.Union([Type.Literal('environment'), Type.Literal('saved')]);
const Settings = Type.Composite([
  Values,
  Type.Object({
    sources: Type.Object(Object.fromEntries(SETTING_KEYS.map((key) => [key, Source])), {
      description: 'environment: the environment variable (or its default) is in force; saved: an admin saved it',
    }),
    defaults: Type.Object(values, { description: "the environment's values, in force where nothing is saved" }),
  }),
]);
// the rules (digits, spaces, IANA names) are the command's, so that its message says which rule
const Text = Type.String({ maxLength: 100 });
const Changes = Type.Object(
  {
    systemId: Type.Optional(Nullable(Text)),
    ticketNumberGenerator: Type.Optional(Nullable(generator())),
    ticketHook: Type.Optional(Nullable(Text)),
    ticketHookDivider: Type.Optional(Nullable(Text)),
    defaultLanguage: Type.Optional(Nullable(language())),
    timeZone: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** System settings an admin changes at run time; the environment's variables are their defaults. */
export async function systemSettingsRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/system/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The system settings in force, where each comes from and the environment defaults',
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => getSystemSettings(ctx, actorOf(request)),
  );

  app.patch(
    '/api/v1/system/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change system settings (the fields given; null goes back to the environment default)',
        description:
          'A new systemId or ticketNumberGenerator applies to tickets created afterwards: existing ticket numbers ' +
          'stay as they are, and follow-ups naming them are still recognised. A new ticketHook or ticketHookDivider ' +
          'goes on outgoing subjects from now on; subjects with the former hook still find their ticket. ' +
          'The change is logged in the admin change log; every server process applies it within seconds.',
        body: Changes,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => updateSystemSettings(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/system/public-settings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'What the apps need before anyone logs in: the default language, and the ticket hook and divider that ticket numbers are shown with',
        response: {
          200: Type.Object({
            defaultLanguage: values.defaultLanguage,
            ticketHook: values.ticketHook,
            ticketHookDivider: values.ticketHookDivider,
          }),
        },
      },
    },
    async () => ({
      defaultLanguage: ctx.config.defaultLanguage,
      ticketHook: ctx.config.ticketHook,
      ticketHookDivider: ctx.config.ticketHookDivider,
    }),
  );
}
