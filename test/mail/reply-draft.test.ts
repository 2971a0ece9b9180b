import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/api/app.ts';
import { buildApp } from '../../server/api/app.ts';
import { listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { login, setPassword } from '../support/test-app.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { admin } from '../tickets/helpers.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext({ timeZone: 'Europe/Rome' });
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
let serial = 0;

/** A queue with its address, an agent Mario Rossi who can log in, and a customer's email with a Cc. */
async function scene(options: { language?: string; salutation?: string; signature?: string } = {}) {
  serial += 1;
  const desk = await makeDesk(ctx);
  await ctx.db
    .updateTable('agents')
    .set({ firstName: 'Mario', lastName: 'Rossi' })
    .where('id', '=', desk.agent.agentId)
    .execute();
  const address = await ctx.db
    .insertInto('systemAddresses')
    .values({
      email: `tributi-${process.pid}-${serial}@helpdesk.example`,
      displayName: 'Tributi',
      queueId: desk.queue.id,
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  const changes: { systemAddressId: number; salutationId?: number; signatureId?: number } = {
    systemAddressId: address.id,
  };
  if (options.salutation) {
    const row = await ctx.db
      .insertInto('salutations')
      .values({ name: `saluto-${process.pid}-${serial}`, text: options.salutation })
      .returning('id')
      .executeTakeFirstOrThrow();
    changes.salutationId = row.id;
  }
  if (options.signature) {
    const row = await ctx.db
      .insertInto('signatures')
      .values({ name: `firma-${process.pid}-${serial}`, text: options.signature })
      .returning('id')
      .executeTakeFirstOrThrow();
    changes.signatureId = row.id;
  }
  await ctx.db.updateTable('queues').set(changes).where('id', '=', desk.queue.id).execute();
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id, isPrimary: true }]);
  if (options.language) {
    await ctx.db.updateTable('customerUsers').set({ language: options.language }).where('id', '=', user.id).execute();
  }
  const ticket = await makeTicket(ctx, desk.agent, desk.queue.id, {
    title: 'Stampa avvisi TARI bloccata',
    customerUserId: user.id,
    article: {
      channel: 'email',
      senderType: 'customer',
      visibleToCustomer: true,
      from: `Paolo Cevoli <${user.email}>`,
      to: `Tributi <${address.email}>, Ufficio Ragioneria <ragioneria@comune.example>`,
      cc: 'sindaco@comune.example',
      subject: 'R: Stampa avvisi TARI bloccata',
      bodyText: 'Buongiorno,\nla stampa si ferma al 40%.\n> citazione precedente',
      attachments: [{ filename: 'schermata.png', contentType: 'image/png', content: bytes('png') }],
    },
  });
  await ctx.database.executeSql('UPDATE articles SET created_at = $1 WHERE ticket_id = $2', [
    '2026-03-02T09:30:00Z',
    ticket.id,
  ]);
  const [article] = await listArticles(ctx, admin, ticket.id);
  if (!article) throw new Error('no article');
  await setPassword(ctx, 'agents', desk.agent.agentId, 'password-123');
  const client = await login(app, desk.agent.login, 'password-123');
  const draft = (mode: string) =>
    client.get(`/api/v1/tickets/${ticket.id}/articles/${article.id}/reply-draft?mode=${mode}`);
  return { ...desk, address, user, ticket, article, client, draft };
}

describe('GET /api/v1/tickets/{id}/articles/{articleId}/reply-draft', () => {
  it('reply: to the sender, Re: with the ticket tag, Italian salutation, signature, the original quoted', async () => {
    const s = await scene();
    const response = await s.draft('reply');
    expect(response.statusCode).toBe(200);
    const draft = response.json();
    expect(draft).toMatchObject({
      to: `Paolo Cevoli <${s.user.email}>`,
      cc: '',
      subject: `Re: [Ticket#${s.ticket.tn}] Stampa avvisi TARI bloccata`,
      language: 'it',
      attachments: [],
    });
    expect(draft.bodyText).toBe(
      [
        'Gentile Paolo Cevoli,',
        '',
        '',
        '',
        'Cordiali saluti',
        '',
        'Mario Rossi',
        s.queue.name,
        '',
        `Il 2 marzo 2026 alle ore 10:30, Paolo Cevoli <${s.user.email}> ha scritto:`,
        '> Buongiorno,',
        '> la stampa si ferma al 40%.',
        '>> citazione precedente',
      ].join('\n'),
    );
  });

  it('reply all: the other recipients in Cc, never our own addresses', async () => {
    const s = await scene();
    const draft = (await s.draft('reply_all')).json();
    expect(draft.to).toBe(`Paolo Cevoli <${s.user.email}>`);
    expect(draft.cc).toBe('Ufficio Ragioneria <ragioneria@comune.example>, sindaco@comune.example');
    expect(draft.cc).not.toContain(s.address.email);
  });

  it('quotes a display name with a comma: it cannot smuggle in another recipient', async () => {
    const s = await scene();
    await ctx.db
      .updateTable('articles')
      .set({ fromAddress: `"intruso@evil.example, Maria" <${s.user.email}>` })
      .where('id', '=', s.article.id)
      .execute();
    const draft = (await s.draft('reply')).json();
    expect(draft.to).toBe(`"intruso@evil.example, Maria" <${s.user.email}>`);
  });

  it('forward: no recipient, Fwd:, the original below a header, its attachments listed', async () => {
    const s = await scene();
    const draft = (await s.draft('forward')).json();
    expect(draft.to).toBe('');
    expect(draft.subject).toBe(`Fwd: [Ticket#${s.ticket.tn}] Stampa avvisi TARI bloccata`);
    expect(draft.bodyText).toContain('---------- Messaggio inoltrato ----------');
    expect(draft.bodyText).toContain(`Da: Paolo Cevoli <${s.user.email}>`);
    expect(draft.bodyText).toContain('Buongiorno,\nla stampa si ferma al 40%.');
    expect(draft.attachments).toEqual([
      { id: s.article.attachments[0]?.id, filename: 'schermata.png', contentType: 'image/png', size: 3 },
    ]);
  });

  it('English for an English-speaking customer; the queue’s own salutation and signature with their variables', async () => {
    const s = await scene({
      language: 'en',
      salutation: 'Hello {customerFirstName},',
      signature: '{agentFirstName} {agentLastName} – {queueName}\nTicket {ticketNumber}',
    });
    const draft = (await s.draft('reply')).json();
    expect(draft.language).toBe('en');
    expect(draft.bodyText.split('\n')[0]).toBe('Hello Paolo,');
    expect(draft.bodyText).toContain(`Mario Rossi – ${s.queue.name}\nTicket ${s.ticket.tn}`);
    expect(draft.bodyText).toContain(`On 2 March 2026 at 10:30, Paolo Cevoli <${s.user.email}> wrote:`);
  });

  it('is refused to an agent who cannot see the ticket, and for an article of another ticket', async () => {
    const s = await scene();
    const outsider = await makeAgent(ctx);
    await setPassword(ctx, 'agents', outsider.agentId, 'password-123');
    const other = await login(app, outsider.login, 'password-123');
    const refused = await other.get(`/api/v1/tickets/${s.ticket.id}/articles/${s.article.id}/reply-draft`);
    expect(refused.statusCode).toBe(404);
    const elsewhere = await makeTicket(ctx, s.agent, s.queue.id);
    const wrong = await s.client.get(`/api/v1/tickets/${elsewhere.id}/articles/${s.article.id}/reply-draft`);
    expect(wrong.statusCode).toBe(404);
    const badMode = await s.draft('everyone');
    expect(badMode.statusCode).toBe(400);
  });
});

describe('salutations, signatures and auto-responses through the configuration API', () => {
  it('admins create and change them; agents read; a queue using a salutation keeps it from deletion', async () => {
    const s = await scene();
    const adminAgent = await makeAgent(ctx);
    const adminGroup = await ctx.db
      .selectFrom('groups')
      .select('id')
      .where('name', '=', 'admin')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('groupAgentPermissions')
      .values({ agentId: adminAgent.agentId, groupId: adminGroup.id, permission: 'rw' })
      .execute();
    await setPassword(ctx, 'agents', adminAgent.agentId, 'password-123');
    const boss = await login(app, adminAgent.login, 'password-123');

    const created = await boss.post('/api/v1/salutations', {
      name: `Formale ${serial}`,
      text: 'Egregio {customerLastName},',
    });
    expect(created.statusCode).toBe(201);
    const salutation = created.json();
    expect(salutation).toMatchObject({ text: 'Egregio {customerLastName},', valid: true });
    expect((await s.client.post('/api/v1/salutations', { name: 'x', text: 'y' })).statusCode).toBe(403);
    expect((await s.client.get(`/api/v1/salutations/${salutation.id}`)).statusCode).toBe(200);
    const bound = await boss.patch(`/api/v1/queues/${s.queue.id}`, { salutationId: salutation.id });
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json().salutationId).toBe(salutation.id);
    const missing = await boss.patch(`/api/v1/queues/${s.queue.id}`, { signatureId: 999_999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('signatureId');
    expect((await s.draft('reply')).json().bodyText.split('\n')[0]).toBe('Egregio Cevoli,');
    expect((await boss.delete(`/api/v1/salutations/${salutation.id}`)).statusCode).toBe(409);

    const signature = await boss.post('/api/v1/signatures', { name: `Firma ${serial}`, text: '{agentFirstName}' });
    expect(signature.statusCode).toBe(201);

    const response = await boss.post('/api/v1/auto-responses', {
      queueId: s.queue.id,
      kind: 'new_ticket',
      language: 'it',
      subject: 'Presa in carico: {subject}',
      body: 'Numero {ticketNumber}',
    });
    expect(response.statusCode).toBe(201);
    const twice = await boss.post('/api/v1/auto-responses', {
      queueId: s.queue.id,
      kind: 'new_ticket',
      language: 'it',
      subject: 'Doppione',
      body: 'Doppione',
    });
    expect(twice.statusCode).toBe(409);
    const listed = await s.client.get(`/api/v1/auto-responses?queueId=${s.queue.id}`);
    expect(listed.json().items).toHaveLength(1);
  });
});
