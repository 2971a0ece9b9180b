import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Ticket } from '../api/types.ts';
import { type FileAttachment, FileDrop } from '../components/FileDrop.tsx';
import { type RichText, RichTextEditor } from '../components/RichTextEditor.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { BillingNote, type KindBilling } from './BillingNote.tsx';

interface Options {
  customers: Array<{ id: number; name: string; isPrimary: boolean }>;
  modules: Array<{ id: number; name: string }>;
  kinds: Array<{ id: number; name: string }>;
  billing: KindBilling[];
}

/**
 * A new request, asking what the vendor's rules ask for: which customer it is for (when the user
 * works for several), the kind of request and the module, a specific subject (the server refuses an
 * empty or generic one, by the email intake's rules), a description, a phone number and the hours to
 * call back, attachments.
 */
export function PortalNewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery({
    queryKey: ['portal', 'new-ticket-options'],
    queryFn: () => api<Options>('GET', '/portal/new-ticket-options'),
  });
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [kindId, setKindId] = useState<string | null>(null);
  const [moduleId, setModuleId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState<RichText>({ html: '', text: '' });
  const [phone, setPhone] = useState('');
  const [hours, setHours] = useState('');
  const [files, setFiles] = useState<FileAttachment[]>([]);
  const customers = options.data?.customers ?? [];
  const chosenCustomer = customerId ?? (customers[0] ? String(customers[0].id) : null);
  const kinds = options.data?.kinds ?? [];
  const { submit, busy, error } = useSubmit(
    () =>
      api<{ ticket: Ticket }>('POST', '/tickets', {
        title: subject.trim(),
        queueId: Number(moduleId),
        typeId: kindId ? Number(kindId) : undefined,
        customerId: chosenCustomer ? Number(chosenCustomer) : undefined,
        article: {
          subject: subject.trim(),
          // the call-back details go with the request, where the agent reads it
          body: [
            description.text.trim(),
            '',
            `${t('portal.phone')}: ${phone.trim()}`,
            `${t('portal.callbackHours')}: ${hours.trim()}`,
          ].join('\n'),
          attachments: files.length > 0 ? files : undefined,
        },
      }),
    async ({ ticket }) => {
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/portal/tickets/${ticket.id}`);
    },
  );
  if (options.isPending) return <Loader />;
  const ready = moduleId && kindId && subject.trim() && description.text.trim() && phone.trim();
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            {t('portal.newTicket')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portal.newTicketHint')}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {customers.length > 1 && (
            <Select
              label={t('portal.forCustomer')}
              required
              data={customers.map((c) => ({ value: String(c.id), label: c.name }))}
              value={chosenCustomer}
              onChange={setCustomerId}
            />
          )}
          <Group grow align="start">
            <Select
              label={t('portal.kind')}
              required
              data={kinds.map((k) => ({ value: String(k.id), label: k.name }))}
              value={kindId}
              onChange={setKindId}
            />
            <Select
              label={t('portal.module')}
              required
              searchable
              data={(options.data?.modules ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
              value={moduleId}
              onChange={setModuleId}
            />
          </Group>
          <BillingNote
            billing={options.data?.billing ?? []}
            customer={customers.find((c) => String(c.id) === chosenCustomer)}
            kind={kinds.find((k) => String(k.id) === kindId)}
          />
          <TextInput
            label={t('action.subject')}
            description={t('portal.subjectHint')}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={error?.field === 'title' ? error.message : undefined}
          />
          <RichTextEditor label={t('portal.description')} onChange={setDescription} required />
          <Group grow align="start">
            <TextInput
              label={t('portal.phone')}
              required
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
            />
            <TextInput
              label={t('portal.callbackHours')}
              placeholder={t('portal.callbackHoursExample')}
              value={hours}
              onChange={(e) => setHours(e.currentTarget.value)}
            />
          </Group>
          <FileDrop files={files} onChange={setFiles} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!ready}>
              {t('portal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
