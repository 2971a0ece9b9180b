import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { addAgent } from '../../server/domain/system/add-agent.ts';
import { apiAs, createKit, type Kit, ticketWith, unique } from '../config/config-kit.ts';

interface Entry {
  id: number;
  changedAt: string;
  agent: { id: number; login: string; name: string } | null;
  objectType: string;
  objectId: number | null;
  objectName: string | null;
  action: string;
  changes: Record<string, unknown>;
}
interface Page {
  total: number;
  page: number;
  pageSize: number;
  items: Entry[];
}

let kit: Kit;
let adminId: number;
beforeAll(async () => {
  kit = await createKit();
  adminId = (await kit.admin.get('/api/v1/sessions/current')).json<{ id: number }>().id;
});
afterAll(() => kit.t.close());

async function deskGroupName() {
  return (await kit.admin.get(`/api/v1/groups/${kit.desk.groupId}`)).json<{ name: string }>().name;
}

async function log(query: string): Promise<Page> {
  const response = await kit.admin.get(`/api/v1/admin-changes?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

describe('admin change log', () => {
  it('records who created, changed, deactivated and deleted a queue, when, and what changed', async () => {
    const start = Date.now();
    const name = unique('Tributi');
    const created = await kit.admin.post('/api/v1/queues', { name, groupId: kit.desk.groupId });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect((await kit.admin.patch(`/api/v1/queues/${id}`, { comments: 'IMU e TARI' })).statusCode).toBe(200);
    // saving what is already there is no change
    expect((await kit.admin.patch(`/api/v1/queues/${id}`, { comments: 'IMU e TARI' })).statusCode).toBe(200);
    expect((await kit.admin.patch(`/api/v1/queues/${id}`, { valid: false })).statusCode).toBe(200);
    expect((await kit.admin.delete(`/api/v1/queues/${id}`)).statusCode).toBe(204);

    const page = await log(`objectType=queues&objectId=${id}`);
    expect(page.total).toBe(4);
    expect(page.items.map((entry) => entry.action)).toEqual(['delete', 'update', 'update', 'create']);
    for (const entry of page.items) {
      expect(entry.agent).toEqual({ id: adminId, login: kit.adminLogin, name: `Test ${kit.adminLogin}` });
      expect(entry.objectName).toBe(name);
      const at = Date.parse(entry.changedAt);
      expect(at).toBeGreaterThanOrEqual(start - 5_000);
      expect(at).toBeLessThanOrEqual(Date.now() + 5_000);
    }
    const [deleted, deactivated, commented, creation] = page.items as [Entry, Entry, Entry, Entry];
    expect(creation.changes).toMatchObject({ name, groupId: kit.desk.groupId, valid: true, comments: '' });
    expect(commented.changes).toEqual({ comments: { from: '', to: 'IMU e TARI' } });
    expect(deactivated.changes).toEqual({ valid: { from: true, to: false } });
    expect(deleted.changes).toMatchObject({ name, valid: false, comments: 'IMU e TARI' });
  });

  it('records a grant, with the keys before and after, and its revocation', async () => {
    const agentId = kit.agentActor.agentId;
    const group = await deskGroupName();
    const path = `/api/v1/groups/${kit.desk.groupId}/agents/${agentId}`;
    expect((await kit.admin.put(path, { permissions: ['ro', 'note'] })).statusCode).toBe(200);
    expect((await kit.admin.put(path, { permissions: ['ro', 'note'] })).statusCode).toBe(200);
    expect((await kit.admin.put(path, { permissions: [] })).statusCode).toBe(200);
    expect((await kit.admin.put(path, { permissions: ['rw'] })).statusCode).toBe(200);

    const page = await log(`objectType=agents&objectId=${agentId}`);
    const grants = page.items.filter((entry) => entry.action === 'grant' || entry.action === 'revoke');
    expect(grants.map((entry) => [entry.action, entry.changes])).toEqual([
      ['grant', { group, permissions: { from: [], to: ['rw'] } }],
      ['revoke', { group, permissions: { from: ['note', 'ro'], to: [] } }],
      ['grant', { group, permissions: { from: ['rw'], to: ['note', 'ro'] } }],
    ]);
    expect(grants[0]?.objectName).toBe(kit.agentActor.login);
  });

  it('records a role membership on the agent', async () => {
    const role = (await kit.admin.post('/api/v1/roles', { name: unique('Tributi') })).json<{
      id: number;
      name: string;
    }>();
    const member = `/api/v1/roles/${role.id}/agents/${kit.agentActor.agentId}`;
    expect((await kit.admin.put(member)).statusCode).toBe(204);
    expect((await kit.admin.delete(member)).statusCode).toBe(204);
    const page = await log(`objectType=agents&objectId=${kit.agentActor.agentId}&pageSize=2`);
    expect(page.items.map((entry) => [entry.action, entry.changes])).toEqual([
      ['revoke', { role: role.name }],
      ['grant', { role: role.name }],
    ]);
  });

  it('shows a password change as "***", never the password or its hash', async () => {
    const login = unique('rossi');
    const created = await kit.admin.post('/api/v1/agents', {
      login,
      firstName: 'Mario',
      lastName: 'Rossi',
      email: `${login}@example.test`,
      password: 'first-Secret-91',
      groups: [{ groupId: kit.desk.groupId, permissions: ['ro'] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const changed = await kit.admin.patch(`/api/v1/agents/${id}`, {
      password: 'second-Secret-92',
      lastName: 'Bianchi',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const hash = await kit.t.ctx.db.selectFrom('agents').select('passwordHash').where('id', '=', id).executeTakeFirst();

    const response = await kit.admin.get(`/api/v1/admin-changes?objectType=agents&objectId=${id}`);
    const page = response.json<Page>();
    expect(page.items.map((entry) => entry.action)).toEqual(['update', 'create']);
    const [update, create] = page.items as [Entry, Entry];
    expect(update.changes).toEqual({
      passwordHash: { from: '***', to: '***' },
      lastName: { from: 'Rossi', to: 'Bianchi' },
    });
    expect(create.objectName).toBe(login);
    expect(create.changes).toMatchObject({ login, passwordHash: '***', groups: { [await deskGroupName()]: ['ro'] } });
    for (const secret of ['first-Secret-91', 'second-Secret-92', String(hash?.passwordHash)]) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('records a password removed as "***" → null', async () => {
    const login = unique('verdi');
    const created = await kit.admin.post('/api/v1/customer-users', {
      login,
      firstName: 'Anna',
      lastName: 'Verdi',
      email: `${login}@example.test`,
      password: 'customer-Secret-93',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect((await kit.admin.patch(`/api/v1/customer-users/${id}`, { password: null })).statusCode).toBe(200);
    const page = await log(`objectType=customer_users&objectId=${id}`);
    expect(page.items[0]?.changes).toEqual({
      passwordHash: { from: '***', to: null },
      hasPassword: { from: true, to: false },
    });
  });

  it('logs the command line (system) as no agent', async () => {
    const login = unique('cli');
    const agent = await addAgent(kit.t.ctx, systemActor(), {
      login,
      firstName: 'Da',
      lastName: 'Terminale',
      email: `${login}@example.test`,
      groups: [],
    });
    const [entry] = (await log(`objectType=agents&objectId=${agent.id}`)).items;
    expect(entry).toMatchObject({ agent: null, action: 'create', objectName: login });
  });

  it("logs an admin's choices for another agent and a token made for them, without its secret", async () => {
    const agentId = kit.agentActor.agentId;
    const preferences = await kit.admin.put(`/api/v1/agents/${agentId}/notification-preferences`, {
      note_added: false,
    });
    expect(preferences.statusCode, preferences.body).toBe(200);
    const token = await kit.admin.post('/api/v1/tokens', { name: unique('integrazione'), agentId });
    expect(token.statusCode, token.body).toBe(201);
    const { id, name, token: secret } = token.json<{ id: number; name: string; token: string }>();

    const notified = (await log(`objectType=agents&objectId=${agentId}&pageSize=1`)).items[0];
    expect(notified).toMatchObject({
      action: 'notification_preferences',
      changes: { note_added: { from: true, to: false } },
    });
    const response = await kit.admin.get(`/api/v1/admin-changes?objectType=api_tokens&objectId=${id}`);
    expect(response.json<Page>().items).toMatchObject([
      { action: 'create', objectName: name, changes: { agentId, owner: kit.agentActor.login } },
    ]);
    expect(response.body).not.toContain(secret);
  });

  it('records a received message processed again', async () => {
    const raw = new TextEncoder().encode('Message-ID: <rielabora@example.test>\r\nSubject: x\r\n\r\nciao\r\n');
    const stored = await kit.t.ctx.db
      .insertInto('mailMessages')
      .values({
        dedupeKey: unique('dedupe'),
        messageId: '<rielabora@example.test>',
        source: 'api',
        raw,
        size: raw.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await kit.t.ctx.db.updateTable('mailMessages').set({ status: 'failed' }).where('id', '=', stored.id).execute();
    const again = await kit.admin.post(`/api/v1/mail/messages/${stored.id}/reprocess`);
    expect(again.statusCode, again.body).toBe(200);
    expect((await log(`objectType=mail_messages&objectId=${stored.id}`)).items).toMatchObject([
      {
        agent: { id: adminId },
        action: 'reprocess',
        objectName: '<rielabora@example.test>',
        changes: { status: { from: 'failed', to: 'queued' } },
      },
    ]);
  });

  it('is for admins only', async () => {
    expect((await kit.agent.get('/api/v1/admin-changes')).statusCode).toBe(403);
    expect([401, 403]).toContain((await kit.customer.get('/api/v1/admin-changes')).statusCode);
    expect((await kit.t.app.inject({ method: 'GET', url: '/api/v1/admin-changes' })).statusCode).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const docs = (await kit.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const list = docs.paths['/api/v1/admin-changes'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['objectType', 'objectId', 'agentId', 'q', 'from', 'before', 'page', 'pageSize']),
    );
    const item = list.responses['200'].content['application/json'].schema.properties.items.items;
    expect(Object.keys(item.properties)).toEqual([
      'id',
      'changedAt',
      'agent',
      'objectType',
      'objectId',
      'objectName',
      'action',
      'changes',
    ]);
  });

  it('filters by object, agent, text and time, page by page, newest first', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stem = unique('Ragioneria');
    for (const suffix of ['a', 'b', 'c']) {
      expect((await kit.admin.post('/api/v1/groups', { name: `${stem}-${suffix}` })).statusCode).toBe(201);
    }
    const found = await log(`q=${encodeURIComponent(stem.toUpperCase())}&pageSize=2&page=1`);
    expect(found.total).toBe(3);
    expect(found.pageSize).toBe(2);
    expect(found.items.map((entry) => entry.objectName)).toEqual([`${stem}-c`, `${stem}-b`]);
    const second = await log(`q=${encodeURIComponent(stem)}&pageSize=2&page=2`);
    expect(second.items.map((entry) => entry.objectName)).toEqual([`${stem}-a`]);

    expect((await log(`q=${stem}&objectType=groups&agentId=${adminId}`)).total).toBe(3);
    expect((await log(`q=${stem}&objectType=queues`)).total).toBe(0);
    expect((await log(`q=${stem}&agentId=${kit.agentActor.agentId}`)).total).toBe(0);
    expect((await log(`q=${stem}&before=${encodeURIComponent(before)}`)).total).toBe(0);
    expect((await log(`q=${stem}&from=${encodeURIComponent(before)}`)).total).toBe(3);
    expect((await log('q=groups&pageSize=1')).total).toBeGreaterThanOrEqual(3);
    expect((await kit.admin.get('/api/v1/admin-changes?from=yesterday')).statusCode).toBe(400);
  });

  it('records nothing for a refused write', async () => {
    const count = async () => (await log('pageSize=1')).total;
    const total = await count();
    // the database refuses: a duplicate name
    const name = unique('Anagrafe');
    expect((await kit.admin.post('/api/v1/groups', { name })).statusCode).toBe(201);
    const after = await count();
    expect(after).toBe(total + 1);
    expect((await kit.admin.post('/api/v1/groups', { name })).statusCode).toBe(409);
    // the guard refuses once the change is written (and logged) in the transaction: the last admin
    expect((await kit.admin.patch(`/api/v1/agents/${adminId}`, { valid: false })).statusCode).toBe(409);
    // a queue with a ticket is in use
    const queue = (await kit.admin.post('/api/v1/queues', { name: unique('Usata'), groupId: kit.desk.groupId })).json<{
      id: number;
    }>();
    await ticketWith(kit, { queueId: queue.id });
    expect((await kit.admin.delete(`/api/v1/queues/${queue.id}`)).statusCode).toBe(409);
    // a plain agent is refused before anything is written
    expect((await kit.agent.post('/api/v1/groups', { name: unique('Vietato') })).statusCode).toBe(403);
    expect(await count()).toBe(after + 1);
    expect((await log(`objectType=agents&objectId=${adminId}`)).total).toBe(0);
  });
});

describe('agents who made changes', () => {
  it('stay, so that the log keeps saying who: deleting them is refused, deactivating them is not', async () => {
    const login = unique('bianchi');
    const created = await kit.admin.post('/api/v1/agents', {
      login,
      firstName: 'Luca',
      lastName: 'Bianchi',
      email: `${login}@example.test`,
      password: 'admin-Secret-94',
      groups: [{ groupId: 2, permissions: ['rw'] }],
    });
    const id = created.json<{ id: number }>().id;
    const other = await apiAs(kit.t.app, login, 'admin-Secret-94');
    expect((await other.post('/api/v1/groups', { name: unique('Protocollo') })).statusCode).toBe(201);
    // deleting oneself is a change of one's own, too
    const self = await other.delete(`/api/v1/agents/${id}`);
    expect(self.statusCode, self.body).toBe(409);
    expect(self.json().error.message).toBe(`Agent ${id} is still used and cannot be deleted; deactivate it instead`);
    expect((await kit.admin.delete(`/api/v1/agents/${id}`)).statusCode).toBe(409);
    expect((await kit.admin.patch(`/api/v1/agents/${id}`, { valid: false })).statusCode).toBe(200);
    const [entry] = (await log(`agentId=${id}`)).items;
    expect(entry?.agent).toEqual({ id, login, name: 'Luca Bianchi' });
  });
});
