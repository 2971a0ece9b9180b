import { describe, expect, it } from 'vitest';
import { CLI_CATALOGS, type CliMessageKey, cliLanguage, cliText } from '../../server/cli/cli-messages.ts';

// The command line's message table on its own (the commands' output in each language: cli-language.test.ts).
describe.skipIf(process.env.TEST_DB === 'postgres')('command line messages', () => {
  it('takes the language from the first non-empty of LC_ALL, LC_MESSAGES, LANG', () => {
    expect(cliLanguage({})).toBe('en');
    expect(cliLanguage({ LANG: 'C' })).toBe('en');
    expect(cliLanguage({ LANG: 'POSIX' })).toBe('en');
    expect(cliLanguage({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(cliLanguage({ LANG: 'it' })).toBe('it');
    expect(cliLanguage({ LC_MESSAGES: 'it_CH.UTF-8', LANG: 'C' })).toBe('it');
    expect(cliLanguage({ LC_ALL: 'C', LC_MESSAGES: 'it_IT.UTF-8', LANG: 'it_IT.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: '', LC_MESSAGES: '', LANG: 'it_IT.UTF-8' })).toBe('it');
  });

  it('gives every message the same parameters in Italian and in English', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(CLI_CATALOGS.en) as CliMessageKey[]) {
      expect(params(CLI_CATALOGS.it[key]), key).toEqual(params(CLI_CATALOGS.en[key]));
    }
  });

  it('fills parameters, translating those that are messages themselves', () => {
    const rule = { key: 'config.host_rule' } as const;
    expect(cliText('it', 'config.host', { rule, value: 'a..b' })).toBe(
      'HOST deve essere un indirizzo IP (come 127.0.0.1, 0.0.0.0 o ::1) o un nome host (come localhost), non "a..b"',
    );
    expect(cliText('en', 'config.integer', { name: 'PORT', min: 0, max: 65535, value: 'x' })).toBe(
      'PORT must be a whole number from 0 to 65535, not "x"',
    );
  });
});
