import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, createKit, type Kit, PASSWORD, unique } from '../config/config-kit.ts';
import { makeCustomer, makeCustomerUser } from '../support/factories.ts';
import { setPassword } from '../support/test-app.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(() => kit.t.close());

const PATH = '/api/v1/customer-contracts';

interface Contract {
  id: number;
  customerId: number;
  name: string;
  validFrom: string | null;
  validUntil: string | null;
  comments: string;
  ticketTypeIds: number[];
  valid: boolean;
}

async function kindOfRequest(name: string, billableWithoutContract: boolean) {
  const response = await kit.admin.post('/api/v1/ticket-types', { name: unique(name), billableWithoutContract });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; name: string; billableWithoutContract: boolean };
}

async function contract(body: Record<string, unknown>): Promise<Contract> {
  const response = await kit.admin.post(PATH, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('ticket types billable without contract', () => {
  it('are marked so on create and on change, and are not by default', async () => {
    const support = await kindOfRequest('Supporto operativo', true);
    expect(support.billableWithoutContract).toBe(true);
    const fault = (await kit.admin.post('/api/v1/ticket-types', { name: unique('Errore/Anomalia') })).json();
    expect(fault.billableWithoutContract).toBe(false);
    const changed = await kit.admin.patch(`/api/v1/ticket-types/${fault.id}`, { billableWithoutContract: true });
    expect(changed.json()).toMatchObject({ id: fault.id, billableWithoutContract: true });
    expect((await kit.agent.get(`/api/v1/ticket-types/${fault.id}`)).json().billableWithoutContract).toBe(true);
  });
});

describe('the customer contracts API', () => {
  it('creates a contract with the kinds it includes, finds it by name, customer and kind, changes and deactivates it', async () => {
    const customer = await makeCustomer(kit.t.ctx);
    const support = await kindOfRequest('Supporto operativo', true);
    const training = await kindOfRequest('Formazione/Consulenza', true);
    const palass = await contract({
      customerId: customer.id,
      name: 'PALASS — Servizio assistenza tecnica',
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      ticketTypeIds: [support.id],
    });
    expect(palass).toMatchObject({
      customerId: customer.id,
      name: 'PALASS — Servizio assistenza tecnica',
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      comments: '',
      ticketTypeIds: [support.id],
      valid: true,
    });
    const open = await contract({ customerId: customer.id, name: unique('Assistenza straordinaria') });
    expect(open).toMatchObject({ validFrom: null, validUntil: null, ticketTypeIds: [] });

    const ids = async (query: string) =>
      ((await kit.agent.get(`${PATH}?${query}`)).json().items as Contract[]).map((item) => item.id);
    expect(await ids(`customerId=${customer.id}`)).toEqual([open.id, palass.id]);
    expect(await ids('q=palass')).toContain(palass.id);
    expect(await ids(`q=palass&customerId=${customer.id}`)).toEqual([palass.id]);
    expect(await ids(`ticketTypeId=${support.id}`)).toEqual([palass.id]);
    expect((await kit.agent.get(`${PATH}/${palass.id}`)).json()).toEqual(palass);

    const changed = await kit.admin.patch(`${PATH}/${palass.id}`, {
      validUntil: null,
      comments: 'Rinnovato senza scadenza',
      ticketTypeIds: [support.id, training.id],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      validFrom: '2025-01-01',
      validUntil: null,
      comments: 'Rinnovato senza scadenza',
      ticketTypeIds: [support.id, training.id].sort((a, b) => a - b),
    });
    // a change that does not name the kinds keeps them
    const renamed = await kit.admin.patch(`${PATH}/${palass.id}`, { name: 'PALASS 2025' });
    expect(renamed.json().ticketTypeIds).toHaveLength(2);

    const off = await kit.admin.patch(`${PATH}/${palass.id}`, { valid: false });
    expect(off.json().valid).toBe(false);
    expect(await ids(`customerId=${customer.id}&valid=true`)).toEqual([open.id]);
  });

  it('deletes a contract with the kinds it includes; a kind or customer with contracts is in use', async () => {
    const customer = await makeCustomer(kit.t.ctx);
    const support = await kindOfRequest('Supporto operativo', true);
    const palass = await contract({ customerId: customer.id, name: 'PALASS', ticketTypeIds: [support.id] });

    const kindInUse = await kit.admin.delete(`/api/v1/ticket-types/${support.id}`);
    expect(kindInUse.statusCode).toBe(409);
    expect(kindInUse.json().error.message).toContain('is still used');
    const customerInUse = await kit.admin.delete(`/api/v1/customers/${customer.id}`);
    expect(customerInUse.statusCode).toBe(409);

    expect((await kit.admin.delete(`${PATH}/${palass.id}`)).statusCode).toBe(204);
    expect((await kit.agent.get(`${PATH}/${palass.id}`)).statusCode).toBe(404);
    expect((await kit.admin.delete(`${PATH}/${palass.id}`)).statusCode).toBe(404);
    expect((await kit.admin.delete(`/api/v1/ticket-types/${support.id}`)).statusCode).toBe(204);
  });

  it('lets agents read, only admins write, and customer users neither', async () => {
    const customer = await makeCustomer(kit.t.ctx);
    const palass = await contract({ customerId: customer.id, name: 'PALASS' });
    for (const response of [
      await kit.agent.post(PATH, { customerId: customer.id, name: 'Altro' }),
      await kit.agent.patch(`${PATH}/${palass.id}`, { valid: false }),
      await kit.agent.delete(`${PATH}/${palass.id}`),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await kit.agent.get(`${PATH}/${palass.id}`)).json().valid).toBe(true);
    expect((await kit.customer.get(PATH)).statusCode).toBe(403);
    expect((await kit.customer.get(`${PATH}/${palass.id}`)).statusCode).toBe(403);
  });

  it('names the field at fault', async () => {
    const customer = await makeCustomer(kit.t.ctx);
    const refused = async (body: Record<string, unknown>, field: string, message?: string) => {
      const response = await kit.admin.post(PATH, { customerId: customer.id, name: 'PALASS', ...body });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', field });
      if (message) expect(response.json().error.message).toBe(message);
    };
    await refused({ customerId: 999_999 }, 'customerId', 'Customer 999999 does not exist');
    await refused({ ticketTypeIds: [999_999] }, 'ticketTypeIds', 'Ticket type 999999 does not exist');
    await refused({ validFrom: '2025-02-30' }, 'validFrom');
    await refused({ validFrom: '1/1/2025' }, 'validFrom');
    await refused(
      { validFrom: '2025-06-01', validUntil: '2025-05-31' },
      'validUntil',
      'The contract cannot end before it starts',
    );
    await refused({ name: '' }, 'name');

    // a change is checked against the days the contract keeps
    const palass = await contract({ customerId: customer.id, name: 'PALASS', validFrom: '2025-06-01' });
    const italian = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
    const early = await italian.patch(`${PATH}/${palass.id}`, { validUntil: '2025-01-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      field: 'validUntil',
      message: 'Il contratto non può finire prima di iniziare',
    });
    expect((await kit.admin.patch(`${PATH}/${palass.id}`, { colour: 'red' })).json().error.field).toBe('colour');
    expect((await kit.admin.patch(`${PATH}/999999`, { name: 'X' })).statusCode).toBe(404);
    expect((await kit.agent.get(`${PATH}/${palass.id}`)).json()).toMatchObject({
      validFrom: '2025-06-01',
      validUntil: null,
    });
  });
});

interface Billing {
  customerId: number;
  kindId: number;
  billable: boolean;
  contract: string | null;
}

describe('which kinds of request are billable, in the portal', () => {
  // 15 June 2025, noon in Rome (the desk's time zone)
  const NOON = new Date('2025-06-15T10:00:00Z');
  let kinds: { support: { id: number }; training: { id: number }; fault: { id: number } };
  let customer: { id: number; name: string };
  let union: { id: number; name: string };
  let portal: Api;

  beforeAll(async () => {
    kinds = {
      support: await kindOfRequest('Supporto operativo', true),
      training: await kindOfRequest('Formazione/Consulenza', true),
      fault: await kindOfRequest('Errore/Anomalia', false),
    };
    customer = await makeCustomer(kit.t.ctx, unique('Comune di Pianfiorito'));
    union = await makeCustomer(kit.t.ctx, unique('Unione dei Comuni'));
    const user = await makeCustomerUser(kit.t.ctx, [{ id: customer.id, isPrimary: true }, { id: union.id }]);
    await setPassword(kit.t.ctx, 'customerUsers', user.id, PASSWORD);
    portal = await apiAs(kit.t.app, user.login, PASSWORD, 'customer');
  });

  const billing = async (at: Date = NOON) => {
    kit.t.ctx.setNow(at);
    try {
      const response = await portal.get('/api/v1/portal/new-ticket-options');
      expect(response.statusCode, response.body).toBe(200);
      return response.json().billing as Billing[];
    } finally {
      kit.t.ctx.setNow(new Date());
    }
  };
  const termsOf = (entries: Billing[], customerId: number, kind: { id: number }) =>
    entries.find((entry) => entry.customerId === customerId && entry.kindId === kind.id);

  it('bills operational support and training to a customer without contracts, never a fault', async () => {
    const entries = await billing();
    expect(termsOf(entries, customer.id, kinds.support)).toEqual({
      customerId: customer.id,
      kindId: kinds.support.id,
      billable: true,
      contract: null,
    });
    expect(termsOf(entries, customer.id, kinds.training)).toMatchObject({ billable: true, contract: null });
    expect(termsOf(entries, customer.id, kinds.fault)).toMatchObject({ billable: false, contract: null });
  });

  it('does not bill a kind that a contract of the customer in force today includes, and names the contract', async () => {
    const palass = await contract({
      customerId: union.id,
      name: 'PALASS — Servizio assistenza tecnica',
      validFrom: '2025-01-01',
      validUntil: '2025-06-15',
      ticketTypeIds: [kinds.support.id, kinds.fault.id],
    });
    const entries = await billing();
    expect(termsOf(entries, union.id, kinds.support)).toMatchObject({
      billable: false,
      contract: 'PALASS — Servizio assistenza tecnica',
    });
    // what the contract does not include stays billable, and a fault is free with or without it
    expect(termsOf(entries, union.id, kinds.training)).toMatchObject({ billable: true, contract: null });
    expect(termsOf(entries, union.id, kinds.fault)).toMatchObject({ billable: false, contract: null });
    // the other customer of the same user has no contract
    expect(termsOf(entries, customer.id, kinds.support)).toMatchObject({ billable: true });
    await kit.admin.delete(`${PATH}/${palass.id}`);
  });

  it('bills the kind again when the contract has ended, has not started or is deactivated', async () => {
    const palass = await contract({
      customerId: customer.id,
      name: 'PALASS',
      validFrom: '2025-06-15',
      validUntil: '2025-06-30',
      ticketTypeIds: [kinds.support.id],
    });
    const supportAt = async (at: Date) => termsOf(await billing(at), customer.id, kinds.support)?.billable;
    expect(await supportAt(NOON)).toBe(false);
    expect(await supportAt(new Date('2025-06-14T10:00:00Z'))).toBe(true);
    // the desk's day: 23:30 on 30 June in Rome is still in the contract, 00:30 on 1 July is not
    expect(await supportAt(new Date('2025-06-30T21:30:00Z'))).toBe(false);
    expect(await supportAt(new Date('2025-06-30T22:30:00Z'))).toBe(true);

    await kit.admin.patch(`${PATH}/${palass.id}`, { valid: false });
    expect(await supportAt(NOON)).toBe(true);
    await kit.admin.patch(`${PATH}/${palass.id}`, { valid: true, validUntil: '2025-06-14' });
    expect(await supportAt(NOON)).toBe(true);
    await kit.admin.delete(`${PATH}/${palass.id}`);
  });

  it("shows a customer user their own customers' terms only, whatever other customers' contracts say", async () => {
    const stranger = await makeCustomer(kit.t.ctx);
    await contract({ customerId: stranger.id, name: 'PALASS', ticketTypeIds: [kinds.support.id] });
    const entries = await billing();
    expect(new Set(entries.map((entry) => entry.customerId))).toEqual(new Set([customer.id, union.id]));
    expect(termsOf(entries, customer.id, kinds.support)).toMatchObject({ billable: true, contract: null });
  });

  it('leaves out a kind that can no longer be chosen', async () => {
    const old = await kindOfRequest('Assistenza a chiamata', true);
    await kit.admin.patch(`/api/v1/ticket-types/${old.id}`, { valid: false });
    const entries = await billing();
    expect(entries.some((entry) => entry.kindId === old.id)).toBe(false);
  });
});
