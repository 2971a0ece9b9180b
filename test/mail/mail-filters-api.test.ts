import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveMail } from '../../server/domain/mail/inbound/receive-mail.ts';
import { createKit, type Kit, unique } from '../config/config-kit.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(() => kit.t.close());

const mail = (subject: string, from = 'ufficio.tecnico@comune.test') =>
  new TextEncoder().encode(
    [
      `From: ${from}`,
      'To: assistenza@sportello.test',
      `Subject: ${subject}`,
      `Message-ID: <${unique('f')}@comune.test>`,
      '',
      'Il modulo di protocollo non salva gli allegati.',
      'Tel. 0364 555111',
      '',
    ].join('\r\n'),
  );

describe('postmaster filters API', () => {
  it('admins create a filter, and received mail obeys it', async () => {
    const created = await kit.admin.post('/api/v1/postmaster-filters', {
      name: unique('spam'),
      conditions: [{ header: 'Subject', value: '^\\s*\\[SPAM\\]', regex: true }],
      disposition: 'junk',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ disposition: 'junk', stop: false, conditions: [{ header: 'Subject' }] });
    const received = await receiveMail(kit.t.ctx, mail('[SPAM] vinci un premio'), { source: 'api' });
    const ticket = await kit.t.ctx.db
      .selectFrom('tickets')
      .innerJoin('queues', 'queues.id', 'tickets.queueId')
      .select('queues.name')
      .where('tickets.id', '=', received.ticketId ?? -1)
      .executeTakeFirstOrThrow();
    expect(ticket.name).toBe('Junk');
    const articles = await kit.t.ctx.db
      .selectFrom('articles')
      .select('senderType')
      .where('ticketId', '=', received.ticketId ?? -1)
      .execute();
    expect(articles).toEqual([{ senderType: 'customer' }]);
  });

  it('refuses a regular expression that does not compile, naming the condition', async () => {
    const response = await kit.admin.post('/api/v1/postmaster-filters', {
      name: unique('rotto'),
      conditions: [{ header: 'From', value: '(unclosed', regex: true }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', field: 'conditions/0/value' });
  });

  it('refuses a filter without conditions, and keeps filters from agents who are not admins', async () => {
    const empty = await kit.admin.post('/api/v1/postmaster-filters', { name: unique('vuoto'), conditions: [] });
    expect(empty.statusCode).toBe(400);
    expect((await kit.agent.get('/api/v1/postmaster-filters')).statusCode).toBe(403);
    expect((await kit.customer.get('/api/v1/postmaster-filters')).statusCode).toBe(403);
  });
});

describe('intake rules API', () => {
  it('shows the default rules with the Italian and English generic subjects', async () => {
    const response = await kit.admin.get('/api/v1/intake-rules');
    expect(response.statusCode).toBe(200);
    const [defaults] = response.json().items;
    expect(defaults).toMatchObject({ queueId: null, systemAddressId: null, emptySubject: 'flag' });
    expect(defaults.genericSubjects).toEqual(expect.arrayContaining(['richiesta assistenza', 'aiuto', 'help']));
  });

  it('a rule set to reject refuses a generic subject; the message is kept as rejected', async () => {
    const defaults = (await kit.admin.get('/api/v1/intake-rules')).json().items[0];
    const changed = await kit.admin.patch(`/api/v1/intake-rules/${defaults.id}`, { genericSubject: 'reject' });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const received = await receiveMail(kit.t.ctx, mail('Aiuto!!'), { source: 'api' });
      expect(received).toMatchObject({ status: 'rejected', outcome: 'rejected_intake', ticketId: null });
    } finally {
      await kit.admin.patch(`/api/v1/intake-rules/${defaults.id}`, { genericSubject: 'flag' });
    }
  });

  it('refuses an unknown action, naming the field; the default row cannot be deleted', async () => {
    const defaults = (await kit.admin.get('/api/v1/intake-rules')).json().items[0];
    const bad = await kit.admin.patch(`/api/v1/intake-rules/${defaults.id}`, { missingPhone: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('missingPhone');
    expect((await kit.admin.delete(`/api/v1/intake-rules/${defaults.id}`)).statusCode).toBe(409);
  });
});
