import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Article, Ticket } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { EmailDialog, type EmailMode } from './EmailDialog.tsx';
import { type ActionId, useTicketActions } from './ticket-actions.ts';

/** The action menu of the manual: back, lock/release, print, priority, people, communication, pending, close, misc, move. */
export function ActionBar({
  ticket,
  article,
  onHistory,
}: {
  ticket: Ticket;
  article?: Article;
  onHistory: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actions = useTicketActions(ticket);
  const [open, setOpen] = useState<ActionId | null>(null);
  const [email, setEmail] = useState<EmailMode | null>(null);
  const locked = ticket.lock === 'lock';

  const quick = async (path: 'lock' | 'unlock') => {
    try {
      await api('POST', `/tickets/${ticket.id}/${path}`);
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
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
        <Menu.Item key="email" onClick={() => setEmail('new')}>
          {t('zoom.outgoingEmail')}
        </Menu.Item>,
        ...(article
          ? [
              <Menu.Item key="reply" onClick={() => setEmail('reply')}>
                {t('zoom.reply')}
              </Menu.Item>,
              <Menu.Item key="replyAll" onClick={() => setEmail('reply_all')}>
                {t('zoom.replyAll')}
              </Menu.Item>,
              <Menu.Item key="forward" onClick={() => setEmail('forward')}>
                {t('zoom.forward')}
              </Menu.Item>,
            ]
          : []),
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
          fields={actions[open].fields}
          onSubmit={actions[open].submit}
          onClose={() => setOpen(null)}
        />
      )}
      {email && <EmailDialog ticket={ticket} article={article} mode={email} onClose={() => setEmail(null)} />}
    </Group>
  );
}
