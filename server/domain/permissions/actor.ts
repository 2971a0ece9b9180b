import type { Permission } from '../../db/schema.ts';

/** Who is acting: an agent (with their effective group permissions) or a customer user. */
export interface AgentActor {
  kind: 'agent';
  agentId: number;
  login: string;
  isAdmin: boolean;
  /** group id → effective permission keys (direct ∪ roles); rw is kept as rw and checked by `has` */
  groups: ReadonlyMap<number, ReadonlySet<Permission>>;
  /** the local command line and demo loader: every check passes */
  system?: true;
}

export interface CustomerActor {
  kind: 'customer';
  customerUserId: number;
  login: string;
  /** customers the user works for */
  customerIds: readonly number[];
  /** customers whose every ticket the user may see (not only their own) */
  customerIdsAllTickets: readonly number[];
}

export type Actor = AgentActor | CustomerActor;

export const PERMISSIONS: readonly Permission[] = ['ro', 'move_into', 'create', 'note', 'owner', 'priority', 'rw'];

/** OTRS: rw implies every other key. */
export function hasGroupPermission(actor: AgentActor, groupId: number, permission: Permission): boolean {
  if (actor.system) return true;
  const keys = actor.groups.get(groupId);
  return keys !== undefined && (keys.has('rw') || keys.has(permission));
}

/** Group ids on which the agent holds a key (or rw): the scope of their lists and searches. */
export function groupsWith(actor: AgentActor, permission: Permission): number[] {
  const ids: number[] = [];
  for (const [groupId, keys] of actor.groups) {
    if (keys.has('rw') || keys.has(permission)) ids.push(groupId);
  }
  return ids;
}

/** A ticket as far as permission rules need it. */
export interface TicketScope {
  ownerId: number;
  responsibleId: number;
  queueGroupId: number;
}

/**
 * OTRS's ticket permission chain: the owner and the responsible may do anything with their
 * ticket (1-OwnerCheck, 2-ResponsibleCheck); everyone else needs the key on the queue's group.
 */
export function canOnTicket(actor: AgentActor, ticket: TicketScope, permission: Permission): boolean {
  if (actor.system) return true;
  if (ticket.ownerId === actor.agentId || ticket.responsibleId === actor.agentId) return true;
  return hasGroupPermission(actor, ticket.queueGroupId, permission);
}
