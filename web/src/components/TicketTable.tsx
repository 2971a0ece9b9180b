import { Anchor, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTicketHook } from '../api/public-settings.ts';
import type { Ticket } from '../api/types.ts';
import { useFormat } from './format.ts';
import { useNames } from './names.ts';

export type SortKey = 'tn' | 'created' | 'title' | 'queue' | 'state' | 'priority' | 'changed' | 'customer' | 'owner';
export interface Sorting {
  sort: SortKey;
  order: 'asc' | 'desc';
}

interface Props {
  tickets: Ticket[];
  sorting?: Sorting;
  onSort?: (sorting: Sorting) => void;
  selected?: Set<number>;
  onSelect?: (selected: Set<number>) => void;
  label: string;
}

const PRIORITY_COLOURS = ['gray.7', 'gray.7', 'blue.8', 'orange.9', 'red.8'];

/**
 * A ticket list as OTRS shows it (number, age, title, queue, state, priority, customer, owner), with
 * sorting by column, selection for bulk actions and keys: j/k move, Enter opens, x selects.
 */
export function TicketTable({ tickets, sorting, onSort, selected, onSelect, label }: Props) {
  const { t } = useTranslation();
  const { hook } = useTicketHook();
  const format = useFormat();
  const name = useNames();
  const navigate = useNavigate();
  const [cursor, setCursor] = useState(0);

  const header = (key: SortKey | null, text: string) => {
    if (!key || !sorting || !onSort) return <Table.Th>{text}</Table.Th>;
    const active = sorting.sort === key;
    const next = active && sorting.order === 'desc' ? 'asc' : 'desc';
    return (
      <Table.Th aria-sort={active ? (sorting.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton fw={700} fz="sm" onClick={() => onSort({ sort: key, order: next })}>
          {text} {active ? (sorting.order === 'asc' ? '▲' : '▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  const toggle = (id: number) => {
    if (!selected || !onSelect) return;
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).tagName === 'INPUT') return;
    const current = tickets[cursor];
    if (event.key === 'j') setCursor(Math.min(cursor + 1, tickets.length - 1));
    else if (event.key === 'k') setCursor(Math.max(cursor - 1, 0));
    else if (event.key === 'Enter' && current) navigate(`/tickets/${current.id}`);
    else if (event.key === 'x' && current) toggle(current.id);
    else return;
    event.preventDefault();
  };

  const all = selected && tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
        <Table.Thead>
          <Table.Tr>
            {selected && onSelect && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('list.selectAll')}
                  checked={!!all}
                  onChange={() => onSelect(all ? new Set() : new Set(tickets.map((ticket) => ticket.id)))}
                />
              </Table.Th>
            )}
            {header('tn', hook)}
            {header('created', t('ticket.age'))}
            {header('title', t('ticket.title'))}
            {header('queue', t('ticket.queue'))}
            {header('state', t('ticket.state'))}
            {header('priority', t('ticket.priority'))}
            {header('customer', t('ticket.customer'))}
            {header('owner', t('ticket.owner'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket, index) => (
            <Table.Tr
              key={ticket.id}
              data-ticket={ticket.tn}
              bg={index === cursor ? 'blue.0' : undefined}
              aria-selected={selected?.has(ticket.id)}
            >
              {selected && onSelect && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('list.select', { tn: ticket.tn })}
                    checked={selected.has(ticket.id)}
                    onChange={() => toggle(ticket.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/tickets/${ticket.id}`} ff="monospace" fz="sm">
                  {ticket.tn}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" title={format.dateTime(ticket.createdAt)}>
                  {format.age(ticket.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>{ticket.title}</Table.Td>
              <Table.Td>{ticket.queue.name}</Table.Td>
              <Table.Td>
                {name(ticket.state.name)}
                {ticket.lock === 'lock' && (
                  <Text span fz="xs" c="dimmed">
                    {' '}
                    ({t('ticket.locked')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500} c={PRIORITY_COLOURS[Number.parseInt(ticket.priority.name, 10) - 1] ?? 'gray'}>
                  {name(ticket.priority.name)}
                </Text>
              </Table.Td>
              <Table.Td>{ticket.customer?.name ?? ticket.customerUser?.name ?? ticket.customerContact ?? ''}</Table.Td>
              <Table.Td>{ticket.owner?.name ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
