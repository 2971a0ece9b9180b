import { Alert, Autocomplete, Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import { useConfigList } from '../../api/queries.ts';
import type { CustomerUserRow, Page, Ticket } from '../../api/types.ts';
import { type FileAttachment, FileDrop } from '../../components/FileDrop.tsx';
import { useNames } from '../../components/names.ts';
import { useSubmit } from '../../components/use-submit.ts';

/**
 * New phone ticket (the customer called: their words, as a phone article) and new email ticket (the
 * agent writes to the customer: an email that is sent): the customer user found as one types.
 */
export function NewTicketPage({ kind }: { kind: 'phone' | 'email' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queues = useConfigList('queues').data ?? [];
  const priorities = useConfigList('priorities').data ?? [];
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [customerUser, setCustomerUser] = useState<CustomerUserRow | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [queueId, setQueueId] = useState<string | null>(null);
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [to, setTo] = useState('');
  const [files, setFiles] = useState<FileAttachment[]>([]);
  const name = useNames();
  const found = useQuery({
    queryKey: ['customer-users', debounced],
    enabled: debounced.trim().length >= 2,
    queryFn: () =>
      api<Page<CustomerUserRow>>('GET', withQuery('/customer-users', { q: debounced.trim(), pageSize: 10 })),
  });
  const label = (u: CustomerUserRow) => `${u.firstName} ${u.lastName} <${u.email}>`;
  const users = found.data?.items ?? [];

  const pick = (value: string) => {
    setSearch(value);
    const user = users.find((u) => label(u) === value) ?? null;
    setCustomerUser(user);
    const primary = user?.customers.find((c) => c.isPrimary) ?? user?.customers[0];
    setCustomerId(primary ? String(primary.customerId) : null);
    if (user) setTo(user.email);
  };

  const { submit, busy, error } = useSubmit(async () => {
    const { ticket } = await api<{ ticket: Ticket }>('POST', '/tickets', {
      title: subject,
      queueId: Number(queueId),
      priorityId: priorityId ? Number(priorityId) : undefined,
      customerUserId: customerUser?.id ?? null,
      customerId: customerId ? Number(customerId) : null,
      customerContact: customerUser ? undefined : search.trim() || undefined,
      article:
        kind === 'phone'
          ? {
              channel: 'phone',
              senderType: 'customer',
              visibleToCustomer: true,
              from: customerUser ? label(customerUser) : search.trim(),
              subject,
              body,
              attachments: files.length ? files : undefined,
            }
          : {
              channel: 'email',
              senderType: 'agent',
              visibleToCustomer: true,
              to,
              subject,
              body,
              attachments: files.length ? files : undefined,
              send: true,
            },
    });
    await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    navigate(`/tickets/${ticket.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={820}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            {kind === 'phone' ? t('newTicket.title') : t('newTicket.emailTitle')}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Autocomplete
            label={t('newTicket.customerUser')}
            placeholder={t('newTicket.customerSearch')}
            value={search}
            onChange={pick}
            data={users.map(label)}
            filter={({ options }) => options}
          />
          {customerUser && customerUser.customers.length > 1 && (
            <Select
              label={t('ticket.customer')}
              data={customerUser.customers.map((c) => ({ value: String(c.customerId), label: c.name }))}
              value={customerId}
              onChange={setCustomerId}
            />
          )}
          <Group grow>
            <Select
              label={t('newTicket.queue')}
              required
              searchable
              data={queues.map((q) => ({ value: String(q.id), label: q.name }))}
              value={queueId}
              onChange={setQueueId}
            />
            <Select
              label={t('newTicket.priority')}
              data={priorities.map((p) => ({ value: String(p.id), label: name(p.name) }))}
              value={priorityId}
              onChange={setPriorityId}
            />
          </Group>
          <TextInput
            label={t('newTicket.subject')}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <Textarea
            label={t('newTicket.body')}
            required
            autosize
            minRows={8}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <FileDrop files={files} onChange={setFiles} />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={busy}
              disabled={!queueId || !subject.trim() || !body.trim() || (kind === 'email' && !to.trim())}
            >
              {t('newTicket.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
