import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoResponseKind } from '../../server/db/schema.ts';
import { renderAutoResponse } from '../../server/domain/mail/outbound/auto-response.ts';
import { makeGroup, makeQueue } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const KINDS: AutoResponseKind[] = ['new_ticket', 'follow_up', 'reject', 'new_ticket_for_closed', 'intake_reject'];
const vars = {
  ticketNumber: '2026120310000018',
  ticketUrl: 'https://desk.example.test/customer/tickets/2026120310000018',
  subject: 'Stampa avvisi TARI bloccata',
  customerName: 'Paolo Cevoli',
  queueName: 'Cityware - Tributi',
  reasons: '- l’oggetto è troppo generico',
};

async function queue() {
  const group = await makeGroup(ctx);
  return makeQueue(ctx, group.id);
}

describe('renderAutoResponse', () => {
  it('without any row, the built-in confirmation carries the ticket number and the portal link, in Italian', async () => {
    const { id } = await queue();
    const text = await renderAutoResponse(ctx.db, { queueId: id, kind: 'new_ticket', language: 'it', vars });
    expect(text.subject).toBe('Abbiamo ricevuto la sua richiesta: Stampa avvisi TARI bloccata');
    expect(text.bodyText).toContain('Gentile Paolo Cevoli,');
    expect(text.bodyText).toContain('numero 2026120310000018');
    expect(text.bodyText).toContain(vars.ticketUrl);
    expect(text.bodyText).toContain('Cityware - Tributi');
  });

  it('every kind has an Italian and an English text, with every variable it names filled', async () => {
    const { id } = await queue();
    for (const kind of KINDS) {
      const it = await renderAutoResponse(ctx.db, { queueId: id, kind, language: 'it', vars });
      const en = await renderAutoResponse(ctx.db, { queueId: id, kind, language: 'en', vars });
      for (const text of [it, en]) {
        expect(`${text.subject}\n${text.bodyText}`, kind).not.toMatch(/\{\w+\}/);
        expect(text.subject, kind).toContain(vars.subject);
      }
      expect(it.bodyText, kind).not.toBe(en.bodyText);
      expect(en.bodyText, kind).toMatch(/^Dear Paolo Cevoli,/);
    }
  });

  it('the intake refusal lists the reasons and asks for a specific subject and a phone number', async () => {
    const { id } = await queue();
    const reasons = '- the subject is empty\n- there is no phone number in the signature';
    const en = await renderAutoResponse(ctx.db, {
      queueId: id,
      kind: 'intake_reject',
      language: 'en',
      vars: { ...vars, reasons },
    });
    expect(en.bodyText).toContain(reasons);
    expect(en.bodyText).toMatch(/phone number/);
    const it = await renderAutoResponse(ctx.db, { queueId: id, kind: 'intake_reject', language: 'it', vars });
    expect(it.bodyText).toMatch(/recapito telefonico/);
    expect(it.bodyText).toMatch(/oggetto/);
  });

  it('the default row replaces the built-in text; the queue’s own row replaces the default; invalid rows are skipped', async () => {
    const own = await queue();
    const other = await queue();
    await ctx.db
      .insertInto('autoResponses')
      .values({ queueId: null, kind: 'follow_up', language: 'it', subject: 'Default {ticketNumber}', body: 'Default' })
      .execute();
    await ctx.db
      .insertInto('autoResponses')
      .values({ queueId: own.id, kind: 'follow_up', language: 'it', subject: 'Coda {queueName}', body: 'Coda' })
      .execute();
    const mine = await renderAutoResponse(ctx.db, { queueId: own.id, kind: 'follow_up', language: 'it', vars });
    expect(mine).toEqual({ subject: 'Coda Cityware - Tributi', bodyText: 'Coda' });
    const theirs = await renderAutoResponse(ctx.db, { queueId: other.id, kind: 'follow_up', language: 'it', vars });
    expect(theirs).toEqual({ subject: 'Default 2026120310000018', bodyText: 'Default' });
    // English has no row: the built-in one
    const english = await renderAutoResponse(ctx.db, { queueId: own.id, kind: 'follow_up', language: 'en', vars });
    expect(english.subject).toBe('We have received your message: Stampa avvisi TARI bloccata');

    await ctx.db.updateTable('autoResponses').set({ valid: false }).where('queueId', '=', own.id).execute();
    const fallback = await renderAutoResponse(ctx.db, { queueId: own.id, kind: 'follow_up', language: 'it', vars });
    expect(fallback.bodyText).toBe('Default');
  });

  it('without the customer’s name it greets the customer generically', async () => {
    const { id } = await queue();
    const text = await renderAutoResponse(ctx.db, {
      queueId: id,
      kind: 'new_ticket',
      language: 'it',
      vars: { ...vars, customerName: '' },
    });
    expect(text.bodyText.split('\n')[0]).toBe('Gentile cliente,');
  });
});
