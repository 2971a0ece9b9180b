import { describe, expect, it } from 'vitest';
import type { Permission } from '../../server/db/schema.ts';
import { type AgentActor, canOnTicket, groupsWith, hasGroupPermission } from '../../server/domain/permissions/actor.ts';

function agent(groups: Record<number, Permission[]>, agentId = 7): AgentActor {
  return {
    kind: 'agent',
    agentId,
    login: 'mario.rossi',
    isAdmin: false,
    groups: new Map(Object.entries(groups).map(([id, keys]) => [Number(id), new Set(keys)])),
  };
}

describe('permission rules (OTRS semantics)', () => {
  it('rw implies every other key', () => {
    const actor = agent({ 1: ['rw'] });
    for (const key of ['ro', 'move_into', 'create', 'note', 'owner', 'priority', 'rw'] as Permission[]) {
      expect(hasGroupPermission(actor, 1, key)).toBe(true);
    }
  });

  it('a single key grants only itself', () => {
    const actor = agent({ 1: ['note'] });
    expect(hasGroupPermission(actor, 1, 'note')).toBe(true);
    expect(hasGroupPermission(actor, 1, 'ro')).toBe(false);
    expect(hasGroupPermission(actor, 1, 'move_into')).toBe(false);
    expect(hasGroupPermission(actor, 2, 'note')).toBe(false);
  });

  it('the owner and the responsible may do anything with their ticket, others need the key', () => {
    const actor = agent({}, 7);
    expect(canOnTicket(actor, { ownerId: 7, responsibleId: 1, queueGroupId: 3 }, 'rw')).toBe(true);
    expect(canOnTicket(actor, { ownerId: 2, responsibleId: 7, queueGroupId: 3 }, 'move_into')).toBe(true);
    expect(canOnTicket(actor, { ownerId: 2, responsibleId: 1, queueGroupId: 3 }, 'ro')).toBe(false);
  });

  it('lists the groups an agent may read', () => {
    expect(groupsWith(agent({ 1: ['ro'], 2: ['rw'], 3: ['note'] }), 'ro').sort()).toEqual([1, 2]);
  });
});
