import { Alert, Anchor, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { canReprocess, type MailMessage } from './mail-message.ts';

/** What "process again" came to: the message as it is now, or the server's refusal. */
export type Reprocessed = { message: MailMessage } | { subject: string; error: string };

/** "Process again" on one message; offered only where the server would do it. */
export function ReprocessButton({ message, onDone }: { message: MailMessage; onDone: (result: Reprocessed) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!canReprocess(message)) return null;
  const run = async () => {
    setBusy(true);
    try {
      onDone({ message: await api<MailMessage>('POST', `/mail/messages/${message.id}/reprocess`) });
    } catch (failure) {
      onDone({ subject: message.subject, error: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="compact-sm" variant="light" loading={busy} onClick={run}>
      {t('admin.mailMessages.reprocess')}
    </Button>
  );
}

/**
 * The result above the list: the message may leave the filtered list once processed, so what it
 * became (and its ticket) is said here.
 */
export function ReprocessResult({ result, onClose }: { result: Reprocessed; onClose: () => void }) {
  const { t } = useTranslation();
  const common = { role: 'status', withCloseButton: true, closeButtonLabel: t('admin.mailMessages.close'), onClose };
  if (!('message' in result)) {
    return (
      <Alert {...common} color="red" title={result.subject || t('admin.mailMessages.noSubject')}>
        {result.error}
      </Alert>
    );
  }
  const { message } = result;
  const subject = message.subject || t('admin.mailMessages.noSubject');
  if (message.status === 'failed') {
    return (
      <Alert {...common} color="red" title={subject}>
        {t('admin.mailMessages.failedAgain', { error: message.error ?? '' })}
      </Alert>
    );
  }
  const outcome = message.outcome
    ? t(`admin.mailMessages.outcome.${message.outcome}`, { defaultValue: message.outcome })
    : t(`admin.mailMessages.state.${message.status}`);
  return (
    <Alert {...common} color={message.status === 'processed' ? 'green' : 'orange'} title={subject}>
      {t('admin.mailMessages.processedAgain', { outcome })}{' '}
      {message.ticketId !== null && (
        <Anchor component={Link} to={`/tickets/${message.ticketId}`} size="sm">
          {t('admin.mailMessages.openTicket', { id: message.ticketId })}
        </Anchor>
      )}
    </Alert>
  );
}
