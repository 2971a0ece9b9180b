import { Anchor, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/format.ts';
import { type AdminChange, objectLink } from './admin-change.ts';
import { ChangeDetails } from './ChangeDetails.tsx';
import { useChangeLabels } from './change-labels.ts';

export const CHANGE_COLUMNS = 6;

/** One entry: when, who, what was done to which object; its fields open below it. */
export function ChangeRow({ change }: { change: AdminChange }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const labels = useChangeLabels();
  const [open, setOpen] = useState(false);
  const fields = Object.keys(change.changes);
  const type = labels.objectType(change.objectType);
  const name = change.objectName ?? (change.objectId === null ? type : `#${change.objectId}`);
  const link = objectLink(change);
  const detailsId = `admin-change-${change.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(change.changedAt)}</Table.Td>
        <Table.Td>{change.agent ? change.agent.name || change.agent.login : t('admin.changeLog.system')}</Table.Td>
        <Table.Td>{labels.action(change.action)}</Table.Td>
        <Table.Td>{type}</Table.Td>
        <Table.Td>
          {link ? (
            <Anchor component={Link} to={link} size="sm">
              {name}
            </Anchor>
          ) : (
            name
          )}
        </Table.Td>
        <Table.Td>
          {fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <Button
              variant="subtle"
              size="compact-sm"
              px={0}
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen(!open)}
              style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}&nbsp;</span>
              {fields.map(labels.field).join(', ')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={CHANGE_COLUMNS} pl="xl">
            <ChangeDetails changes={change.changes} label={t('admin.changeLog.detailsOf', { name })} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
