import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgent } from '../../server/domain/agents/index.ts';
import { makeAgent } from '../support/factories.ts';
import { type Api, actorFor, apiAs, createKit, type Kit, PASSWORD, unique } from './config-kit.ts';

/** Admin rights are rw on group 2, "admin"; agent 1, the system user, holds them too but does not count. */
const ADMIN_GROUP_ID = 2;
const LAST_ADMIN =
  'This would leave no active agent with rw on the admin group, and nobody could administer Sportello: make another agent an administrator first';

let kit: Kit;
let adminId: number;
beforeAll(async () => {
  kit = await createKit();
  adminId = (await kit.admin.get('/api/v1/sessions/current')).json().id;
});
afterAll(() => kit.t.close());

function expectLastAdmin(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(409);
  expect(response.json().error).toEqual({ code: 'conflict', message: LAST_ADMIN });
}

/** A new agent with a password, logged in; an admin when given rw on the admin group or a role with it. */
async function newAgent(extra: object = {}): Promise<{ id: number; api: Api }> {
  const login = unique('amministratore');
  const created = await kit.admin.post('/api/v1/agents', {
    login,
    firstName: 'Giulia',
    lastName: 'Bianchi',
    email: `${login}@comune.example`,
    password: PASSWORD,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  return { id: created.json().id, api: await apiAs(kit.t.app, login, PASSWORD) };
}

const isAdmin = async (api: Api) => (await api.get('/api/v1/sessions/current')).json().isAdmin as boolean;

describe('the last admin', () => {
  it('cannot be deactivated, not even by themselves, nor lose rw on the admin group', async () => {
    expectLastAdmin(await kit.admin.patch(`/api/v1/agents/${adminId}`, { valid: false }));
    expectLastAdmin(await kit.admin.patch(`/api/v1/agents/${adminId}`, { groups: [] }));
    expectLastAdmin(
      await kit.admin.patch(`/api/v1/agents/${adminId}`, {
        groups: [{ groupId: ADMIN_GROUP_ID, permissions: ['ro', 'note'] }],
      }),
    );
    expectLastAdmin(await kit.admin.put(`/api/v1/groups/${ADMIN_GROUP_ID}/agents/${adminId}`, { permissions: [] }));
    expectLastAdmin(await kit.admin.put(`/api/v1/groups/${ADMIN_GROUP_ID}/agents/${adminId}`, { permissions: ['ro'] }));

    const italian = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
    const inItalian = await italian.patch(`/api/v1/agents/${adminId}`, { valid: false });
    expect(inItalian.statusCode).toBe(409);
    expect(inItalian.json().error.message).toBe(
      'Così nessun operatore attivo avrebbe rw sul gruppo admin e nessuno potrebbe più amministrare Sportello: prima rendi amministratore un altro operatore',
    );

    // nothing of it was written, and other changes still go through
    expect(await isAdmin(kit.admin)).toBe(true);
    const renamed = await kit.admin.patch(`/api/v1/agents/${adminId}`, { lastName: 'Rossi' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ valid: true, lastName: 'Rossi' });
    const more = await kit.admin.put(`/api/v1/groups/${kit.desk.groupId}/agents/${adminId}`, { permissions: ['ro'] });
    expect(more.statusCode).toBe(200);
  });

  it('cannot be deleted', async () => {
    expectLastAdmin(await kit.admin.delete(`/api/v1/agents/${adminId}`));
    expect(await isAdmin(kit.admin)).toBe(true);
  });

  it('keeps the role that makes them one: membership, the role itself and its grant', async () => {
    const role = (await kit.admin.post('/api/v1/roles', { name: unique('Amministrazione') })).json();
    const grant = await kit.admin.put(`/api/v1/groups/${ADMIN_GROUP_ID}/roles/${role.id}`, { permissions: ['rw'] });
    expect(grant.statusCode).toBe(200);
    const viaRole = await newAgent({ roleIds: [role.id] });
    expect(await isAdmin(viaRole.api)).toBe(true);
    // the kit's admin steps down: the role's member is the last admin now
    const down = await viaRole.api.put(`/api/v1/groups/${ADMIN_GROUP_ID}/agents/${adminId}`, { permissions: [] });
    expect(down.statusCode, down.body).toBe(200);

    expectLastAdmin(await viaRole.api.delete(`/api/v1/roles/${role.id}/agents/${viaRole.id}`));
    expectLastAdmin(await viaRole.api.patch(`/api/v1/roles/${role.id}`, { valid: false }));
    expectLastAdmin(
      await viaRole.api.put(`/api/v1/groups/${ADMIN_GROUP_ID}/roles/${role.id}`, { permissions: ['ro'] }),
    );
    expectLastAdmin(await viaRole.api.put(`/api/v1/groups/${ADMIN_GROUP_ID}/roles/${role.id}`, { permissions: [] }));
    expectLastAdmin(await viaRole.api.patch(`/api/v1/agents/${viaRole.id}`, { roleIds: [] }));
    expectLastAdmin(await viaRole.api.patch(`/api/v1/agents/${viaRole.id}`, { valid: false }));
    expect(await isAdmin(viaRole.api)).toBe(true);

    // with another admin again, all of it is allowed
    const up = await viaRole.api.put(`/api/v1/groups/${ADMIN_GROUP_ID}/agents/${adminId}`, { permissions: ['rw'] });
    expect(up.statusCode).toBe(200);
    expect((await kit.admin.delete(`/api/v1/roles/${role.id}/agents/${viaRole.id}`)).statusCode).toBe(204);
    expect(await isAdmin(viaRole.api)).toBe(false);
    expect((await kit.admin.patch(`/api/v1/roles/${role.id}`, { valid: false })).statusCode).toBe(200);
  });

  it('may step down, or be let go, while another admin remains', async () => {
    const other = await newAgent({ groups: [{ groupId: ADMIN_GROUP_ID, permissions: ['rw'] }] });
    const self = await other.api.patch(`/api/v1/agents/${other.id}`, { valid: false });
    expect(self.statusCode, self.body).toBe(200);
    expectLastAdmin(await kit.admin.patch(`/api/v1/agents/${adminId}`, { valid: false }));

    const third = await newAgent({ groups: [{ groupId: ADMIN_GROUP_ID, permissions: ['rw'] }] });
    expect((await kit.admin.delete(`/api/v1/agents/${third.id}`)).statusCode).toBe(204);
  });

  it('survives two admins deactivating each other at the same moment: one of the two is refused', async () => {
    // again and again, each time the last admin against a new one, as the moment may fall either way
    let survivor = adminId;
    for (let round = 0; round < 8; round++) {
      const other = (await makeAgent(kit.t.ctx, [{ groupId: ADMIN_GROUP_ID, permissions: ['rw'] }])).agentId;
      const [me, them] = [await actorFor(kit, survivor), await actorFor(kit, other)];
      const results = await Promise.allSettled([
        updateAgent(kit.t.ctx, me, other, { valid: false }),
        updateAgent(kit.t.ctx, them, survivor, { valid: false }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'conflict', messageKey: 'error.last_admin' });
      // whoever lost, one of the two is still an admin
      const admins = await kit.t.ctx.db
        .selectFrom('agents as a')
        .innerJoin('groupAgentPermissions as p', 'p.agentId', 'a.id')
        .select('a.id')
        .where('p.groupId', '=', ADMIN_GROUP_ID)
        .where('p.permission', '=', 'rw')
        .where('a.valid', '=', true)
        .where('a.id', 'in', [survivor, other])
        .execute();
      expect(admins).toHaveLength(1);
      survivor = admins[0]?.id ?? survivor;
    }
  });
});
