import { describe, expect, it } from 'vitest';
import { loadConfig, validHost } from '../../server/config/config.ts';

// The environment's validation on its own (the command's messages are in cli-usage.test.ts).
describe.skipIf(process.env.TEST_DB === 'postgres')('configuration from the environment', () => {
  it('takes IP literals and RFC 1123 host names for HOST, and refuses the rest', () => {
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'fe80::1%eth0', 'localhost', 'help-desk.example.com']) {
      expect(validHost(host), host).toBe(true);
    }
    for (const host of [
      '999.1.1.1',
      '256.0.0.1',
      '1.2.3',
      '10',
      '',
      'bad_host',
      '-router',
      'router-',
      'a..b',
      '[::1]',
    ]) {
      expect(validHost(host), host).toBe(false);
    }
    expect(validHost(`${'a'.repeat(64)}.example`)).toBe(false);
  });

  it('reads an empty value as unset for every variable', () => {
    const names = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'SYSTEM_ID', 'PUBLIC_URL', 'TIME_ZONE'];
    const all = [...names, 'TICKET_NUMBER_GENERATOR', 'ATTACHMENT_MAX_BYTES', 'LOG_LEVEL'];
    expect(loadConfig(Object.fromEntries(all.map((name) => [name, ''])))).toEqual(loadConfig({}));
  });

  it('builds the default PUBLIC_URL with an IPv6 HOST in brackets', () => {
    expect(loadConfig({ HOST: '::1', PORT: '8080' }).publicUrl).toBe('http://[::1]:8080');
    expect(loadConfig({ HOST: '::', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });
});
