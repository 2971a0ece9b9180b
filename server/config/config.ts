import { isIP } from 'node:net';
import path from 'node:path';
import { type CliMessageKey, type CliParams, cliText } from '../cli/cli-messages.ts';
import { LANGUAGES, type Language } from '../platform/i18n.ts';
import { isTimeZoneName } from '../platform/time-zone.ts';

/** Ticket number generators, as in OTRS: DateChecksum is the default. */
export const TICKET_NUMBER_GENERATORS = ['DateChecksum', 'Date', 'AutoIncrement'] as const;
export type TicketNumberGenerator = (typeof TICKET_NUMBER_GENERATORS)[number];

/*
 * The rules of the settings an admin may also change at run time (domain/system/settings): the
 * environment and the API check them with the same functions.
 */
export const SYSTEM_ID_PATTERN = /^\d{1,4}$/;
/** "Ticket#": a word of 1 to 30 characters, no spaces (a subject names the ticket with it) */
export const TICKET_HOOK_PATTERN = /^\S{1,30}$/;
/** between hook and number: empty, or up to 10 characters (": " is common), no line breaks or control characters */
export const TICKET_HOOK_DIVIDER_PATTERN = /^[^\p{Cc}]{0,10}$/u;

export function isTicketNumberGenerator(value: string): value is TicketNumberGenerator {
  return (TICKET_NUMBER_GENERATORS as readonly string[]).includes(value);
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A ticket hook and divider that subjects of older mail may still carry. */
export interface TicketHookTag {
  hook: string;
  divider: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  systemId: string;
  publicUrl: string;
  timeZone: string;
  ticketNumberGenerator: TicketNumberGenerator;
  /** for people and mail whose own language nobody knows */
  defaultLanguage: Language;
  attachmentMaxBytes: number;
  logLevel: string;
  /** the largest message intake stores (larger ones are refused, so the sender's MTA bounces them) */
  mailMaxBytes: number;
  /** "Ticket#" in "[Ticket#2018091110000018]": how a subject names the ticket it follows up */
  ticketHook: string;
  ticketHookDivider: string;
  /** hooks used before an admin changed it: follow-ups that name a ticket with them are still recognised */
  formerTicketHooks: TicketHookTag[];
  /** outgoing mail goes to this SMTP server (smtp:// or smtps://, credentials in the URL) */
  smtpUrl: string;
  /** the SMTP listener an MTA relays to; off (undefined) by default */
  smtpListenPort: number | undefined;
  /** where it listens: loopback by default, whatever HOST the web server has (it has no authentication) */
  smtpListenHost: string;
  /** domains whose recipients the SMTP listener accepts; empty = those of the system addresses */
  smtpAcceptDomains: string[];
  /** an unknown sender becomes a customer user (else the ticket records the address only) */
  mailCreateCustomerUsers: boolean;
  /** loop protection: auto-responses to one address per day */
  autoResponseMaxPerDay: number;
}

/**
 * A bad value in the environment, as a message key: the command line prints it in the language
 * of the locale (cli-errors.ts); `message` is the English sentence, for logs and tests.
 */
export class ConfigError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: CliParams = {},
  ) {
    super(cliText('en', key, params));
  }
}

type Env = Record<string, string | undefined>;

/**
 * A variable's value; an empty one (`PORT=` in a shell or a .env file) counts as unset, for every
 * variable alike, so that it means "the default" and never the current directory or an error.
 */
function setting(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === '' ? undefined : raw;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError('config.integer', { name, min, max, value: raw });
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  if (!['true', 'false', '1', '0'].includes(raw)) {
    throw new ConfigError('config.one_of', { name, values: 'true, false', value: raw });
  }
  return raw === 'true' || raw === '1';
}

/**
 * An address to listen on, checked by its form only (nothing is looked up): an IPv4 or IPv6
 * literal, or a host name as RFC 1123 writes them (labels of letters, digits and inner hyphens,
 * at most 63 characters each, 253 in all). A name ending in an all-digit label is refused: it is
 * a mistyped IPv4 address such as 999.1.1.1, which no resolver would find.
 */
export function validHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** What HOST and --host accept, for their messages. */
export const HOST_RULE = { key: 'config.host_rule' } as const;

/** http://HOST:PORT as a browser writes it: an IPv6 address in brackets, "any address" as localhost. */
function defaultPublicUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://localhost:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment once at start; every bad value is reported with the variable's name. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const systemId = setting(env, 'SYSTEM_ID') ?? '10';
  if (!SYSTEM_ID_PATTERN.test(systemId)) {
    throw new ConfigError('config.system_id', { value: systemId });
  }
  const databaseUrl = setting(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('config.database_url', { value: databaseUrl });
  }
  const timeZone = setting(env, 'TIME_ZONE') ?? 'Europe/Rome';
  if (!isTimeZoneName(timeZone)) {
    throw new ConfigError('config.time_zone', { value: timeZone });
  }
  const generator = setting(env, 'TICKET_NUMBER_GENERATOR') ?? 'DateChecksum';
  if (!isTicketNumberGenerator(generator)) {
    throw new ConfigError('config.one_of', {
      name: 'TICKET_NUMBER_GENERATOR',
      values: TICKET_NUMBER_GENERATORS.join(', '),
      value: generator,
    });
  }
  const defaultLanguage = setting(env, 'DEFAULT_LANGUAGE') ?? 'it';
  if (!isLanguage(defaultLanguage)) {
    throw new ConfigError('config.one_of', {
      name: 'DEFAULT_LANGUAGE',
      values: LANGUAGES.join(', '),
      value: defaultLanguage,
    });
  }
  const ticketHook = setting(env, 'TICKET_HOOK') ?? 'Ticket#';
  if (!TICKET_HOOK_PATTERN.test(ticketHook)) throw new ConfigError('config.ticket_hook', { value: ticketHook });
  const ticketHookDivider = setting(env, 'TICKET_HOOK_DIVIDER') ?? '';
  if (!TICKET_HOOK_DIVIDER_PATTERN.test(ticketHookDivider)) {
    throw new ConfigError('config.ticket_hook_divider', { value: ticketHookDivider });
  }
  const host = setting(env, 'HOST') ?? '127.0.0.1';
  if (!validHost(host)) throw new ConfigError('config.host', { rule: HOST_RULE, value: host });
  const publicUrl = setting(env, 'PUBLIC_URL') ?? defaultPublicUrl(host, port);
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) {
    throw new ConfigError('config.public_url', { value: publicUrl });
  }
  const logLevel = setting(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('config.one_of', { name: 'LOG_LEVEL', values: LOG_LEVELS.join(', '), value: logLevel });
  }
  const smtpUrl = setting(env, 'SMTP_URL') ?? 'smtp://127.0.0.1:25';
  if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError('config.one_of', { name: 'SMTP_URL', values: 'smtp://…, smtps://…', value: smtpUrl });
  }
  const smtpListen = setting(env, 'SMTP_LISTEN_PORT');
  const smtpListenHost = setting(env, 'SMTP_LISTEN_HOST') ?? '127.0.0.1';
  if (!validHost(smtpListenHost)) {
    throw new ConfigError('config.host', { rule: HOST_RULE, value: smtpListenHost });
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(setting(env, 'DATA_DIR') ?? 'data'),
    systemId,
    publicUrl: publicUrl.replace(/\/$/, ''),
    timeZone,
    ticketNumberGenerator: generator,
    defaultLanguage,
    attachmentMaxBytes: integer(env, 'ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel,
    mailMaxBytes: integer(env, 'MAIL_MAX_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    ticketHook,
    ticketHookDivider,
    formerTicketHooks: [],
    smtpUrl,
    smtpListenPort: smtpListen === undefined ? undefined : integer(env, 'SMTP_LISTEN_PORT', 0, 0, 65535),
    smtpListenHost,
    smtpAcceptDomains: (setting(env, 'SMTP_ACCEPT_DOMAINS') ?? '')
      .split(',')
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    mailCreateCustomerUsers: flag(env, 'MAIL_CREATE_CUSTOMER_USERS', false),
    autoResponseMaxPerDay: integer(env, 'AUTO_RESPONSE_MAX_PER_DAY', 40, 0, 100000),
  };
}
