import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { useFormat } from '../../../components/format.ts';
import { MAIL_STATUSES, type MailMessage, type MailStatus } from './mail-message.ts';
import { ReprocessButton, type Reprocessed, ReprocessResult } from './Reprocess.tsx';

const PAGE_SIZE = 50;
type Filter = MailStatus | 'all';
const STATUS_COLORS: Record<MailStatus, string> = {
  failed: 'red',
  rejected: 'orange',
  ignored: 'gray',
  queued: 'blue',
  processed: 'green',
};

/**
 * Received mail, for admins: what could not be parsed or routed is kept here (issue 3), with its
 * error, its original for download, and "process again" once a filter or a queue is fixed.
 * Failed messages first: that is what an admin comes here for.
 */
export function MailMessagesPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<Filter>('failed');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Reprocessed | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'mail-messages', status, page],
    queryFn: () =>
      api<Page<MailMessage>>(
        'GET',
        withQuery('/mail/messages', { status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
      ),
  });
  const reprocessed = (outcome: Reprocessed) => {
    setResult(outcome);
    client.invalidateQueries({ queryKey: ['admin', 'mail-messages'] });
  };
  const title = t('admin.resource.mail-messages.title');

  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{t('admin.mailMessages.hint')}</Text>
      <SegmentedControl
        aria-label={t('admin.mailMessages.status')}
        value={status}
        onChange={(value) => {
          setStatus(value as Filter);
          setPage(1);
        }}
        data={[...MAIL_STATUSES, 'all' as const].map((value) => ({
          value,
          label: t(`admin.mailMessages.filter.${value}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {result && <ReprocessResult result={result} onClose={() => setResult(null)} />}
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <Text c="red">{list.error.message}</Text>
      ) : (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.mailMessages.receivedAt')}</Table.Th>
              <Table.Th>{t('admin.mailMessages.from')}</Table.Th>
              <Table.Th>{t('admin.mailMessages.subject')}</Table.Th>
              <Table.Th>{t('admin.mailMessages.status')}</Table.Th>
              <Table.Th>{t('admin.mailMessages.result')}</Table.Th>
              <Table.Th>{t('admin.mailMessages.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((message) => (
              <Table.Tr key={message.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(message.receivedAt)}</Table.Td>
                <Table.Td>{message.from || message.envelopeFrom}</Table.Td>
                <Table.Td>{message.subject || t('admin.mailMessages.noSubject')}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[message.status]} variant="light" miw="max-content">
                    {t(`admin.mailMessages.state.${message.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {message.outcome && (
                      <Text size="sm">
                        {t(`admin.mailMessages.outcome.${message.outcome}`, { defaultValue: message.outcome })}
                      </Text>
                    )}
                    {message.error && (
                      <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
                        {message.error}
                      </Text>
                    )}
                    {message.ticketId !== null && (
                      <Anchor component={Link} to={`/tickets/${message.ticketId}`} size="sm">
                        {t('admin.mailMessages.openTicket', { id: message.ticketId })}
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      component="a"
                      href={`/api/v1/mail/messages/${message.id}/raw`}
                      download
                      variant="default"
                      size="compact-sm"
                    >
                      {t('admin.mailMessages.download')}
                    </Button>
                    <ReprocessButton message={message} onDone={reprocessed} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data?.total === 0 && (
        <Text c="dimmed">{status === 'failed' ? t('admin.mailMessages.noneFailed') : t('admin.list.none')}</Text>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
