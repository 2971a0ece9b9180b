import { describe, expect, it } from 'vitest';
import { TICKET_NUMBER_GENERATORS } from '../../server/config/config.ts';
import { formatTicketNumber } from '../../server/domain/tickets/ticket-number.ts';
import {
  changesOf,
  exampleTicketNumber,
  GENERATORS,
  type SystemSettings,
} from '../../web/src/features/admin/settings/system-settings.ts';

/** The system settings screen's own logic (web/src/features/admin/settings): its preview and what it sends. */
describe('the system settings screen', () => {
  it('previews the ticket number the server would make today, for every generator', () => {
    expect([...GENERATORS]).toEqual([...TICKET_NUMBER_GENERATORS]);
    for (const now of [new Date('2026-12-03T10:00:00Z'), new Date('2018-09-11T23:59:00Z')]) {
      for (const generator of GENERATORS) {
        for (const systemId of ['10', '7', '1234']) {
          expect(exampleTicketNumber(generator, systemId, now)).toBe(formatTicketNumber(generator, systemId, 1, now));
        }
      }
    }
    expect(exampleTicketNumber('DateChecksum', '10', new Date('2026-12-03T10:00:00Z'))).toBe('2026120310000011');
  });

  const settings: SystemSettings = {
    systemId: '10',
    ticketNumberGenerator: 'DateChecksum',
    ticketHook: 'Case#',
    ticketHookDivider: '',
    defaultLanguage: 'it',
    timeZone: 'Europe/Rome',
    sources: {
      systemId: 'environment',
      ticketNumberGenerator: 'environment',
      ticketHook: 'saved',
      ticketHookDivider: 'environment',
      defaultLanguage: 'environment',
      timeZone: 'environment',
    },
    defaults: {
      systemId: '10',
      ticketNumberGenerator: 'DateChecksum',
      ticketHook: 'Ticket#',
      ticketHookDivider: '',
      defaultLanguage: 'it',
      timeZone: 'Europe/Rome',
    },
  };

  it('sends only what changes: a new value, or null to go back to the default of a saved one', () => {
    expect(changesOf(settings, {})).toEqual({});
    expect(changesOf(settings, { systemId: '11', timeZone: 'Europe/Rome' })).toEqual({ systemId: '11' });
    expect(changesOf(settings, { ticketHook: null, ticketHookDivider: null })).toEqual({ ticketHook: null });
    expect(changesOf(settings, { ticketHook: 'Case#', defaultLanguage: 'en' })).toEqual({ defaultLanguage: 'en' });
  });
});
