import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeCustomerUser, makeDesk, makeQueue } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function customerWithTwoBodies() {
  const first = await makeCustomer(t.ctx, 'Comune di Pianfiorito');
  const second = await makeCustomer(t.ctx, 'Unione dei Comuni di Valle Serena');
  const user = await makeCustomerUser(t.ctx, [{ id: first.id, isPrimary: true }, { id: second.id }]);
  await setPassword(t.ctx, 'customerUsers', user.id, 'secret-12');
  return { first, second, user, client: await login(t.app, user.login, 'secret-12', 'customer') };
}

/** Gives a queue a system address: it becomes a module of the portal. */
function moduleAddress(queue: { id: number; name: string }) {
  return t.ctx.db
    .insertInto('systemAddresses')
    .values({ email: `${queue.name}@helpdesk.example`, displayName: queue.name, queueId: queue.id })
    .execute();
}

describe('GET /api/v1/portal/new-ticket-options', () => {
  it("offers the user's customers, the modules (queues with an address) and the kinds of request", async () => {
    const desk = await makeDesk(t.ctx);
    const withoutAddress = await makeQueue(t.ctx, desk.group.id);
    await moduleAddress(desk.queue);
    const kind = await t.ctx.db
      .insertInto('ticketTypes')
      .values({ name: 'Errore/Anomalia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { first, second, client } = await customerWithTwoBodies();

    const response = await client.get('/api/v1/portal/new-ticket-options');
    expect(response.statusCode, response.body).toBe(200);
    const options = response.json();
    expect(options.customers).toEqual([
      { id: first.id, name: 'Comune di Pianfiorito', isPrimary: true },
      { id: second.id, name: 'Unione dei Comuni di Valle Serena', isPrimary: false },
    ]);
    expect(options.modules).toContainEqual({ id: desk.queue.id, name: desk.queue.name });
    expect(options.modules.map((m: { id: number }) => m.id)).not.toContain(withoutAddress.id);
    expect(options.kinds).toContainEqual({ id: kind.id, name: 'Errore/Anomalia' });
  });

  it('is for customer users only', async () => {
    const desk = await makeDesk(t.ctx);
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    expect((await agent.get('/api/v1/portal/new-ticket-options')).statusCode).toBe(403);
  });
});

describe('a customer opening a ticket on the web', () => {
  it('is refused an empty or generic subject, by the intake rules, and nothing is written', async () => {
    const desk = await makeDesk(t.ctx);
    await moduleAddress(desk.queue);
    const { client } = await customerWithTwoBodies();
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const open = (title: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'accept-language': 'it' },
        payload: { title, queueId: desk.queue.id, article: { subject: title, body: 'Dettagli' } },
      });
    const generic = await open('Richiesta assistenza!!');
    expect(generic.statusCode).toBe(400);
    expect(generic.json().error).toMatchObject({ field: 'title' });
    expect(generic.json().error.message).toContain("L'oggetto è troppo generico");
    const blank = await open('  ');
    expect(blank.statusCode).toBe(400);
    expect(await count()).toBe(before);

    const specific = await open('Stampa avvisi TARI bloccata al 40%');
    expect(specific.statusCode, specific.body).toBe(201);
  });

  it('an agent may still write a generic title (the rule is for requests, not for the desk)', async () => {
    const desk = await makeDesk(t.ctx);
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const response = await agent.post('/api/v1/tickets', {
      title: 'Richiesta assistenza',
      queueId: desk.queue.id,
      article: { subject: 'Richiesta assistenza', body: 'Telefonata' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('is refused a queue the portal does not offer (no system address, or the address deactivated)', async () => {
    const desk = await makeDesk(t.ctx);
    const { client } = await customerWithTwoBodies();
    const open = (queueId: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'accept-language': 'it' },
        payload: { title: 'Stampa avvisi TARI bloccata', queueId, article: { subject: 'Stampa', body: 'Dettagli' } },
      });
    const internal = await open(desk.queue.id);
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error).toMatchObject({ field: 'queueId' });
    expect(internal.json().error.message).toContain('scegli uno dei moduli offerti dal portale');

    await moduleAddress(desk.queue);
    const offered = await open(desk.queue.id);
    expect(offered.statusCode, offered.body).toBe(201);

    await t.ctx.db.updateTable('systemAddresses').set({ valid: false }).where('queueId', '=', desk.queue.id).execute();
    expect((await open(desk.queue.id)).statusCode).toBe(400);
  });
});
