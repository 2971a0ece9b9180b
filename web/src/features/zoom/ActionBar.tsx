import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Article, Ticket } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { EmailMode } from './EmailDialog.tsx';
import { type ActionId, useTicketActions } from './ticket-actions.ts';

interface Props {
  ticket: Ticket;
  article?: Article;
  onHistory: () => void;
  onEmail: (mode: EmailMode) => void;
}

/** Keys of the common actions (listed under the menu). */
const SHORTCUTS: Record<string, ActionId | 'lock' | 'reply' | 'history'> = {
  l: 'lock',
  n: 'note',
  p: 'phoneOutbound',
  m: 'move',
  c: 'closeSuccessful',
  r: 'reply',
  h: 'history',
};

/** The action menu of the manual: back, lock/release, print, priority, people, communication, pending, close, misc, move. */
export function ActionBar({ ticket, article, onHistory, onEmail }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actions = useTicketActions(ticket);
  const [open, setOpen] = useState<ActionId | null>(null);
  const locked = ticket.lock === 'lock';

  const quick = async (path: 'lock' | 'unlock') => {
    try {
      await api('POST', `/tickets/${ticket.id}/${path}`);
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target.closest('input, textarea, select, [contenteditable], [role="dialog"]')
      )
        return;
      const action = SHORTCUTS[event.key];
      if (!action) return;
      event.preventDefault();
      if (action === 'lock') void quick(locked && ticket.owner?.id === me.id ? 'unlock' : 'lock');
      else if (action === 'reply') article && onEmail('reply');
      else if (action === 'history') onHistory();
      else setOpen(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const item = (id: ActionId, label = actions[id].title) => (
    <Menu.Item key={id} onClick={() => setOpen(id)}>
      {label}
    </Menu.Item>
  );
  const menu = (label: string, children: React.ReactNode) => (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button variant="light" size="xs" rightSection={<span aria-hidden>▾</span>}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );

  return (
    <Group gap="xs" role="toolbar" aria-label={t('zoom.actions')} className="no-print">
      <Button variant="default" size="xs" onClick={() => navigate(-1)}>
        {t('zoom.back')}
      </Button>
      {locked && ticket.owner?.id === me.id ? (
        <Button variant="light" size="xs" onClick={() => void quick('unlock')}>
          {t('zoom.unlock')}
        </Button>
      ) : (
        <Button variant="light" size="xs" onClick={() => void quick('lock')} disabled={locked}>
          {t('zoom.lock')}
        </Button>
      )}
      <Button variant="light" size="xs" onClick={() => window.print()}>
        {t('zoom.print')}
      </Button>
      <Button variant="light" size="xs" onClick={() => setOpen('priority')}>
        {t('zoom.priority')}
      </Button>
      {menu(t('zoom.people'), [item('owner'), item('responsible')])}
      {menu(t('zoom.communication'), [
        item('note'),
        item('phoneOutbound'),
        item('phoneInbound'),
        <Menu.Item key="email" onClick={() => onEmail('new')}>
          {t('zoom.outgoingEmail')}
        </Menu.Item>,
      ])}
      <Button variant="light" size="xs" onClick={() => setOpen('pending')}>
        {t('zoom.pending')}
      </Button>
      {menu(t('zoom.close'), [item('closeSuccessful'), item('closeUnsuccessful')])}
      {menu(t('zoom.misc'), [
        item('merge'),
        item('link'),
        <Menu.Item key="history" onClick={onHistory}>
          {t('zoom.history')}
        </Menu.Item>,
        item('time'),
      ])}
      <Button variant="light" size="xs" onClick={() => setOpen('move')}>
        {t('zoom.move')}
      </Button>
      {open && (
        <ActionDialog
          key={open}
          title={`${actions[open].title} — ${ticket.tn}`}
          templatesFor={['note', 'phoneOutbound', 'phoneInbound'].includes(open) ? ticket.id : undefined}
          fields={actions[open].fields}
          onSubmit={actions[open].submit}
          onClose={() => setOpen(null)}
        />
      )}
    </Group>
  );
}
