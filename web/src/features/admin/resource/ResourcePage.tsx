import {
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { RefCell } from './RefCell.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import type { ResourceDef, Row } from './types.ts';

const PAGE_SIZE = 50;
type Validity = 'active' | 'inactive' | 'all';

/**
 * One administration screen: search, active/deactivated filter, a page of rows; a row (or "New")
 * opens its form in a drawer. The open row is in the address (?id=12, ?id=new), so it can be linked.
 */
export function ResourcePage({ def }: { def: ResourceDef }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [validity, setValidity] = useState<Validity>('active');
  const [page, setPage] = useState(1);
  const valid = { active: true, inactive: false, all: undefined }[validity];
  const list = useQuery({
    queryKey: ['admin', def.path, 'page', q, validity, page],
    queryFn: () => api<Page<Row>>('GET', withQuery(`/${def.path}`, { q, valid, page, pageSize: PAGE_SIZE })),
  });
  const open = params.get('id');
  const openId = open && open !== 'new' ? Number(open) : null;
  const openRow = useQuery({
    queryKey: ['admin', def.path, 'one', openId],
    queryFn: () => api<Row>('GET', `/${def.path}/${openId}`),
    enabled: openId !== null,
  });
  const show = (id: number | 'new' | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id === null) next.delete('id');
      else next.set('id', String(id));
      return next;
    });
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', def.path] });
  const name = t(`admin.resource.${def.key}.one`);
  const heading = name.charAt(0).toUpperCase() + name.slice(1);
  const fieldKind = (column: string) => def.fields.find((field) => field.name === column);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t(`admin.resource.${def.key}.title`)}
        </Title>
        <Button onClick={() => show('new')}>{t('admin.list.new', { what: name })}</Button>
      </Group>
      {def.withHint && <Text c="dimmed">{t(`admin.resource.${def.key}.hint`)}</Text>}
      <Group align="end">
        <TextInput
          label={t('admin.list.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
        />
        <SegmentedControl
          aria-label={t('admin.list.validity')}
          value={validity}
          onChange={(value) => {
            setValidity(value as Validity);
            setPage(1);
          }}
          data={(['active', 'inactive', 'all'] as const).map((value) => ({ value, label: t(`admin.list.${value}`) }))}
        />
      </Group>
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <Text c="red">{list.error.message}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t(`admin.resource.${def.key}.title`)}>
          <Table.Thead>
            <Table.Tr>
              {def.columns.map((column) => (
                <Table.Th key={column.name}>{t(`admin.field.${column.name}`)}</Table.Th>
              ))}
              <Table.Th>{t('admin.field.valid')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((row) => (
              <Table.Tr key={row.id} style={{ cursor: 'pointer' }} onClick={() => show(row.id)}>
                {def.columns.map((column, index) => {
                  const field = fieldKind(column.name);
                  const cell = column.format ? (
                    column.format(row)
                  ) : field?.kind === 'ref' ? (
                    <RefCell collection={field.ref ?? ''} id={row[column.name] as number | null} />
                  ) : field?.kind === 'choice' && row[column.name] ? (
                    t(`admin.option.${column.name}.${row[column.name]}`)
                  ) : (
                    String(row[column.name] ?? '')
                  );
                  return (
                    <Table.Td key={column.name}>
                      {index === 0 ? (
                        // its click (or Enter) reaches the row's handler: one navigation, one history entry
                        <Button variant="subtle" size="compact-sm" px={0}>
                          {cell}
                        </Button>
                      ) : (
                        cell
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <Badge color={row.valid ? 'green' : 'gray'} variant="light">
                    {row.valid ? t('admin.list.isActive') : t('admin.list.isInactive')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data?.total === 0 && <Text c="dimmed">{t('admin.list.none')}</Text>}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
      <Drawer
        opened={open !== null}
        onClose={() => show(null)}
        position="right"
        size="lg"
        closeButtonProps={{ 'aria-label': t('admin.form.close') }}
        title={
          openId === null
            ? t('admin.list.new', { what: name })
            : openRow.data
              ? `${heading}: ${def.title(openRow.data)}`
              : heading
        }
      >
        {open === 'new' && (
          <ResourceForm
            def={def}
            row={null}
            onSaved={(row) => {
              refresh();
              show(row.id);
            }}
            onDeleted={() => show(null)}
          />
        )}
        {openId !== null && openRow.isError && <Text c="red">{openRow.error.message}</Text>}
        {openId !== null && openRow.data && (
          <ResourceForm
            key={`${openRow.data.id}-${String(openRow.data.changedAt)}`}
            def={def}
            row={openRow.data}
            onSaved={() => refresh()}
            onDeleted={() => {
              refresh();
              show(null);
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}
