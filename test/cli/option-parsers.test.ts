import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseExpiry } from '../../server/cli/option-parsers.ts';

// The option parsers on their own (the command's messages are in cli-usage.test.ts).
describe.skipIf(process.env.TEST_DB === 'postgres')('--expires', () => {
  // the messages are in the locale's language: English here, whatever the machine's locale
  beforeAll(() => {
    vi.stubEnv('LC_ALL', 'C');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('reads a date as midnight UTC at its start, and a date and time with its offset', () => {
    expect(parseExpiry('2096-02-29')).toBe('2096-02-29T00:00:00.000Z');
    expect(parseExpiry('2099-12-31T18:00:00+01:00')).toBe('2099-12-31T17:00:00.000Z');
    expect(parseExpiry('2099-12-31T18:00:00.250Z')).toBe('2099-12-31T18:00:00.250Z');
  });

  it('refuses what is not a date rather than rolling it over', () => {
    for (const value of ['2099-02-30', '2099-04-31', '2099-00-01', '2099-12-31T18:60', '2099-12-31T18:00+25:00']) {
      expect(() => parseExpiry(value), value).toThrow();
    }
    for (const value of ['2099-1-1', '2099-12-31 18:00', '2099-12-31T18:00:00Zjunk', 'tomorrow']) {
      expect(() => parseExpiry(value), value).toThrow(/write a date such as 2026-12-31/);
    }
  });
});
