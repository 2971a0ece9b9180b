import { rowLabel } from '../resource/ref-options.ts';
import type { Row } from '../resource/types.ts';
import type { GrantRow } from './GrantTable.tsx';
import type { Grant } from './permission-queries.ts';

export const matches = (text: string, filter: string) => text.toLowerCase().includes(filter.trim().toLowerCase());

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * One holder's rows, one per group: the active groups, and deactivated ones only while the holder
 * still holds keys on them (so they can be taken away).
 */
export function rowsPerGroup(groups: Row[], grants: Grant[], holder: GrantRow['holder'], filter: string): GrantRow[] {
  return groups
    .map((group) => ({ ...group, name: String(group.name) }))
    .sort(byName)
    .flatMap((group) => {
      const stored = grants.find((grant) => grant.group.id === group.id)?.permissions ?? [];
      if ((!group.valid && stored.length === 0) || !matches(group.name, filter)) return [];
      return [
        {
          key: String(group.id),
          group: { id: group.id, name: group.name },
          holder,
          label: group.name,
          inactive: !group.valid,
          stored,
        },
      ];
    });
}

/** One group's rows, one per agent or role, with the same rule for deactivated holders. */
export function rowsPerHolder(
  kind: 'agent' | 'role',
  holders: Row[],
  grants: Grant[],
  group: GrantRow['group'],
  filter: string,
): GrantRow[] {
  return holders
    .map((holder) => ({ holder, name: String(kind === 'agent' ? holder.login : holder.name), label: rowLabel(holder) }))
    .sort((a, b) => a.label.localeCompare(b.label))
    .flatMap(({ holder, name, label }) => {
      const grant = grants.find((one) => (kind === 'agent' ? one.agent?.id : one.role?.id) === holder.id);
      const stored = grant?.permissions ?? [];
      if ((!holder.valid && stored.length === 0) || !matches(label, filter)) return [];
      return [
        {
          key: `${kind}-${holder.id}`,
          group,
          holder: { kind, id: holder.id, name },
          label,
          inactive: !holder.valid,
          stored,
        },
      ];
    });
}
