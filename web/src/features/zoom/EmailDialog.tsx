import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Article, Ticket } from '../../api/types.ts';
import { type FileAttachment, FileDrop, readAttachment } from '../../components/FileDrop.tsx';
import { type RichText, RichTextEditor } from '../../components/RichTextEditor.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { TemplatePicker } from './TemplatePicker.tsx';

export type EmailMode = 'new' | 'reply' | 'reply_all' | 'forward';

interface Draft {
  to: string;
  cc: string;
  subject: string;
  bodyText: string;
  attachments: Array<{ id: number; filename: string }>;
}

/** Outgoing email: new, or a reply / reply-all / forward prefilled by the server's draft (salutation, signature, quote). */
export function EmailDialog({
  ticket,
  article,
  mode,
  onClose,
}: {
  ticket: Ticket;
  article?: Article;
  mode: EmailMode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useQuery({
    queryKey: ['draft', ticket.id, article?.id, mode],
    enabled: mode !== 'new' && Boolean(article),
    queryFn: () => api<Draft>('GET', `/tickets/${ticket.id}/articles/${article?.id}/reply-draft?mode=${mode}`),
  });
  const [to, setTo] = useState(mode === 'new' ? (ticket.customerUser?.email ?? '') : '');
  const [cc, setCc] = useState('');
  const [subject, setSubject] = useState(mode === 'new' ? ticket.title : '');
  const [body, setBody] = useState<RichText>({ html: '', text: '' });
  const [files, setFiles] = useState<FileAttachment[]>([]);
  // a chosen template goes above the draft (salutation, quote, signature), and restarts the editor
  const [template, setTemplate] = useState<{ text: string; pick: number } | null>(null);
  useEffect(() => {
    if (!draft.data) return;
    setTo(draft.data.to);
    setCc(draft.data.cc);
    setSubject(draft.data.subject);
  }, [draft.data]);

  const { submit, busy, error } = useSubmit(async () => {
    await api('POST', `/tickets/${ticket.id}/emails`, {
      to,
      cc: cc || undefined,
      subject,
      body: body.text,
      bodyHtml: body.html || undefined,
      replyToArticleId: mode === 'new' ? undefined : article?.id,
      forward: mode === 'forward' || undefined,
      attachmentIds: mode === 'forward' ? draft.data?.attachments.map((a) => a.id) : undefined,
      attachments: files.length > 0 ? files : undefined,
    });
    await queryClient.invalidateQueries({ queryKey: ['tickets'] });
  }, onClose);

  const title = {
    new: t('zoom.outgoingEmail'),
    reply: t('zoom.reply'),
    reply_all: t('zoom.replyAll'),
    forward: t('zoom.forward'),
  }[mode];
  return (
    <Modal opened onClose={onClose} title={`${title} — ${ticket.tn}`} size="xl">
      {draft.isFetching ? (
        <Loader />
      ) : (
        <form onSubmit={submit}>
          <Stack>
            {(error ?? draft.error) && (
              <Alert color="red" role="alert">
                {error?.message ?? draft.error?.message}
              </Alert>
            )}
            <TextInput label={t('zoom.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
            <TextInput label="Cc" value={cc} onChange={(e) => setCc(e.currentTarget.value)} />
            <TextInput
              label={t('action.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              required
            />
            <TemplatePicker
              ticketId={ticket.id}
              onPick={(text) => setTemplate((current) => ({ text, pick: (current?.pick ?? 0) + 1 }))}
            />
            <RichTextEditor
              key={`${draft.dataUpdatedAt}-${template?.pick ?? 0}`}
              label={t('action.body')}
              initialText={[template?.text, draft.data?.bodyText].filter(Boolean).join('\n\n')}
              onChange={setBody}
              required
              onPasteFiles={(pasted) =>
                void Promise.all(pasted.map(readAttachment)).then((read) =>
                  setFiles((current) => [...current, ...read]),
                )
              }
            />
            {mode === 'forward' && draft.data && draft.data.attachments.length > 0 && (
              <Text size="sm">
                {t('zoom.attachments')}: {draft.data.attachments.map((a) => a.filename).join(', ')}
              </Text>
            )}
            <FileDrop files={files} onChange={setFiles} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('zoom.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
