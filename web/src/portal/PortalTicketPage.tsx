import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { useTicketHook } from '../api/public-settings.ts';
import { useArticles, useTicket } from '../api/queries.ts';
import type { Article } from '../api/types.ts';
import { type FileAttachment, FileDrop } from '../components/FileDrop.tsx';
import { useFormat } from '../components/format.ts';
import { HtmlBody } from '../components/HtmlBody.tsx';
import { useNames } from '../components/names.ts';
import { type RichText, RichTextEditor } from '../components/RichTextEditor.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { SurveyBox } from './SurveyBox.tsx';

/**
 * A ticket as its customer sees it: number, title, state, the messages visible to customers (the
 * server leaves out internal notes and agent-only fields) with their attachments, and a reply box.
 */
export function PortalTicketPage() {
  const { t } = useTranslation();
  const { prefix } = useTicketHook();
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  const articles = useArticles(id);
  const format = useFormat();
  const name = useNames();
  if (ticket.isPending) return <Loader />;
  if (ticket.error || !ticket.data) {
    return (
      <Alert color="red" role="alert">
        {ticket.error?.message ?? t('error.notFound')}
      </Alert>
    );
  }
  const data = ticket.data;
  return (
    <Stack>
      <Anchor component={Link} to="/portal" size="sm">
        ← {t('portal.myTickets')}
      </Anchor>
      <Title order={1} size="h3">
        {prefix}
        {data.tn} — {data.title}
      </Title>
      <Group gap="lg" data-testid="portal-ticket-info">
        <Text size="sm">
          {t('ticket.state')}: <b>{name(data.state.name)}</b>
        </Text>
        <Text size="sm">
          {t('ticket.created')}: {format.dateTime(data.createdAt)}
        </Text>
        <Text size="sm">
          {t('portal.lastChange')}: {format.dateTime(data.changedAt)}
        </Text>
      </Group>
      {(articles.data ?? []).map((article) => (
        <PortalArticle key={article.id} ticketId={id} article={article} />
      ))}
      {data.state.type.startsWith('closed') && <SurveyBox ticketId={id} />}
      <ReplyBox ticketId={id} title={data.title} />
    </Stack>
  );
}

function PortalArticle({ ticketId, article }: { ticketId: number; article: Article }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fromDesk = article.senderType !== 'customer';
  return (
    <Paper withBorder p="md" bg={fromDesk ? 'teal.0' : undefined} component="article" aria-label={article.subject}>
      <Group justify="space-between" mb="xs">
        <Text fw={500}>{article.subject}</Text>
        <Text size="sm" c="dimmed">
          {fromDesk ? t('portal.fromDesk') : article.from} · {format.dateTime(article.createdAt)}
        </Text>
      </Group>
      {article.bodyHtml ? (
        <HtmlBody html={article.bodyHtml} remote={false} />
      ) : (
        <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
          {article.bodyText}
        </Text>
      )}
      {article.attachments
        .filter((a) => !a.inline)
        .map((a) => (
          <Anchor
            key={a.id}
            size="sm"
            href={`/api/v1/tickets/${ticketId}/attachments/${a.id}`}
            download={a.filename}
            mr="md"
          >
            {a.filename}
          </Anchor>
        ))}
    </Paper>
  );
}

function ReplyBox({ ticketId, title }: { ticketId: number; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(`Re: ${title}`);
  const [body, setBody] = useState<RichText>({ html: '', text: '' });
  const [files, setFiles] = useState<FileAttachment[]>([]);
  const [editor, setEditor] = useState(0);
  const { submit, busy, error } = useSubmit(
    () =>
      api('POST', `/tickets/${ticketId}/replies`, {
        subject,
        body: body.text,
        attachments: files.length > 0 ? files : undefined,
      }),
    async () => {
      setFiles([]);
      setEditor((count) => count + 1);
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reply-title">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="reply-title">
            {t('portal.reply')}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput
            label={t('action.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            required
          />
          <RichTextEditor key={editor} label={t('action.body')} onChange={setBody} required />
          <FileDrop files={files} onChange={setFiles} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!body.text.trim() || !subject.trim()}>
              {t('portal.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
