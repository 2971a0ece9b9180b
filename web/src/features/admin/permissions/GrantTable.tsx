import { Badge, Button, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { impliedByRw, inKeyOrder, PERMISSION_KEYS, type PermissionKey, sameKeys } from './permission-keys.ts';
import { PERMISSIONS_KEY } from './permission-queries.ts';

/** One row of the matrix: the keys one holder (agent or role) holds directly on one group. */
export interface GrantRow {
  key: string;
  group: { id: number; name: string };
  holder: { kind: 'agent' | 'role'; id: number; name: string };
  label: ReactNode;
  inactive: boolean;
  stored: PermissionKey[];
  /** read-only: what the holder has on the group besides this grant (the by-agent view: through roles) */
  inherited?: ReactNode;
}

interface Props {
  caption: string;
  rowTitle: string;
  rows: GrantRow[];
  inheritedTitle?: string;
}

/** Rows × the seven keys; a row's changes are kept until its Save button sends them. */
export function GrantTable({ caption, rowTitle, rows, inheritedTitle }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, PermissionKey[]>>({});
  const [saving, setSaving] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const keysOf = (row: GrantRow) => drafts[row.key] ?? row.stored;
  const names = (row: GrantRow) => ({ holder: row.holder.name, group: row.group.name });

  const toggle = (row: GrantRow, key: PermissionKey, on: boolean) => {
    const keys = keysOf(row).filter((held) => held !== key);
    setDrafts((current) => ({ ...current, [row.key]: on ? [...keys, key] : keys }));
  };

  const save = async (row: GrantRow) => {
    const permissions = inKeyOrder(keysOf(row));
    const path = `/groups/${row.group.id}/${row.holder.kind === 'agent' ? 'agents' : 'roles'}/${row.holder.id}`;
    setSaving((current) => ({ ...current, [row.key]: true }));
    try {
      await api('PUT', path, { permissions });
      await client.invalidateQueries({ queryKey: PERMISSIONS_KEY });
      setDrafts(({ [row.key]: _saved, ...rest }) => rest);
      setErrors(({ [row.key]: _cleared, ...rest }) => rest);
      notifications.show({
        color: 'green',
        message:
          permissions.length > 0
            ? t('admin.permissions.saved', { ...names(row), keys: permissions.join(', ') })
            : t('admin.permissions.savedNone', names(row)),
      });
    } catch (error) {
      const message = (error as Error).message;
      setErrors((current) => ({ ...current, [row.key]: message }));
      notifications.show({ color: 'red', message });
    } finally {
      setSaving(({ [row.key]: _done, ...rest }) => rest);
    }
  };

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rowTitle}</Table.Th>
            {PERMISSION_KEYS.map((key) => (
              <Table.Th key={key} ta="center">
                <Tooltip label={t(`admin.permissions.explain.${key}`)} multiline w={240} withArrow>
                  <span>
                    {t(`admin.permissions.key.${key}`)}
                    <Text component="span" display="block" size="xs" c="dimmed" ff="monospace">
                      {key}
                    </Text>
                  </span>
                </Tooltip>
              </Table.Th>
            ))}
            {inheritedTitle && <Table.Th>{inheritedTitle}</Table.Th>}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const keys = keysOf(row);
            const dirty = !sameKeys(keys, row.stored);
            return (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.label}{' '}
                  {row.inactive && (
                    <Badge color="gray" variant="light" size="xs">
                      {t('admin.list.isInactive')}
                    </Badge>
                  )}
                </Table.Th>
                {PERMISSION_KEYS.map((key) => (
                  <Table.Td key={key} ta="center">
                    <Checkbox
                      display="inline-block"
                      aria-label={t(`admin.permissions.cell.${row.holder.kind}`, { key, ...names(row) })}
                      checked={keys.includes(key) || impliedByRw(keys, key)}
                      disabled={impliedByRw(keys, key) || saving[row.key]}
                      onChange={(event) => toggle(row, key, event.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
                {inheritedTitle && <Table.Td>{row.inherited}</Table.Td>}
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      disabled={!dirty}
                      loading={saving[row.key]}
                      aria-label={t('admin.permissions.saveRow', names(row))}
                      onClick={() => void save(row)}
                    >
                      {t('admin.form.save')}
                    </Button>
                    {dirty && (
                      <Text size="xs" c="orange">
                        {t('admin.permissions.unsaved')}
                      </Text>
                    )}
                  </Group>
                  {errors[row.key] && (
                    <Text size="xs" c="red" role="alert">
                      {errors[row.key]}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
