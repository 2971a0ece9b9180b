import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowLabel, useRefRows } from '../resource/ref-options.ts';
import { isFromTo } from './admin-change.ts';
import { useChangeLabels } from './change-labels.ts';

/** Fields holding ids of other configuration objects, and the API collection that names them. */
const REF_FIELDS: Record<string, string> = {
  groupId: 'groups',
  queueId: 'queues',
  queueIds: 'queues',
  setQueueId: 'queues',
  systemAddressId: 'system-addresses',
  salutationId: 'salutations',
  signatureId: 'signatures',
  setPriorityId: 'priorities',
  setTypeId: 'ticket-types',
  customerId: 'customers',
  setCustomerId: 'customers',
  serviceIds: 'services',
  roleIds: 'roles',
  agentId: 'agents',
};

const isIds = (value: unknown): value is number | number[] =>
  typeof value === 'number' || (Array.isArray(value) && value.every((item) => typeof item === 'number'));

/** A value as a person reads it: names for ids, yes/no, lists joined, "—" for nothing. */
function ChangeValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const collection = REF_FIELDS[field];
  const rows = useRefRows(collection && isIds(value) ? collection : undefined);
  const plain = (item: unknown): string => {
    if (item === null || item === undefined || item === '') return '—';
    if (typeof item === 'boolean') return item ? t('admin.changeLog.yes') : t('admin.changeLog.no');
    if (Array.isArray(item)) return item.length ? item.map(plain).join(', ') : '—';
    if (typeof item === 'object') {
      return Object.entries(item)
        .map(([key, inner]) => `${key}: ${plain(inner)}`)
        .join('; ');
    }
    return String(item);
  };
  if (collection && isIds(value)) {
    const ids = Array.isArray(value) ? value : [value];
    const name = (id: number) => {
      const row = rows.data?.find((candidate) => candidate.id === id);
      return row ? rowLabel(row) : `#${id}`;
    };
    return <>{ids.length ? ids.map(name).join(', ') : '—'}</>;
  }
  return <>{plain(value)}</>;
}

/** The fields an entry changed (from → to), or wrote when it created or deleted the object. */
export function ChangeDetails({ changes, label }: { changes: Record<string, unknown>; label: string }) {
  const { t } = useTranslation();
  const labels = useChangeLabels();
  return (
    <Table withRowBorders={false} layout="fixed" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('admin.changeLog.field')}</Table.Th>
          <Table.Th>{t('admin.changeLog.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Object.entries(changes).map(([field, value]) => (
          <Table.Tr key={field}>
            <Table.Td>{labels.field(field)}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {isFromTo(value) ? (
                <Text size="sm">
                  <ChangeValue field={field} value={value.from} />
                  {' → '}
                  <ChangeValue field={field} value={value.to} />
                </Text>
              ) : (
                <ChangeValue field={field} value={value} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
