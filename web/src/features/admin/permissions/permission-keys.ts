/** The permission keys, in the order OTRS lists them (server/domain/permissions/actor.ts). */
export const PERMISSION_KEYS = ['ro', 'move_into', 'create', 'note', 'owner', 'priority', 'rw'] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** rw implies every other key, so with rw held the others show as held and are not chosen one by one. */
export const impliedByRw = (keys: readonly PermissionKey[], key: PermissionKey) => key !== 'rw' && keys.includes('rw');

export const inKeyOrder = (keys: readonly PermissionKey[]) => PERMISSION_KEYS.filter((key) => keys.includes(key));

export const sameKeys = (a: readonly PermissionKey[], b: readonly PermissionKey[]) =>
  inKeyOrder(a).join() === inKeyOrder(b).join();
