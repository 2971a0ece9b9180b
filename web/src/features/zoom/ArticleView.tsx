import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Article } from '../../api/types.ts';
import { useFormat } from '../../components/format.ts';
import { HtmlBody, hasRemoteImages } from '../../components/HtmlBody.tsx';
import type { EmailMode } from './EmailDialog.tsx';

/**
 * One article: its header, its text or its sanitised HTML in a sandboxed frame (no script can run;
 * remote images only when the agent asks), its attachments and, for email, the original message.
 */
export function ArticleView({
  ticketId,
  article,
  onEmail,
}: {
  ticketId: number;
  article: Article;
  onEmail: (mode: EmailMode) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [remote, setRemote] = useState(false);
  const hasRemote = article.bodyHtml ? hasRemoteImages(article.bodyHtml) : false;
  const base = `/api/v1/tickets/${ticketId}`;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const split = async () => {
    try {
      const created = await api<{ id: number }>('POST', `/tickets/${ticketId}/split`, { articleId: article.id });
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/tickets/${created.id}`);
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`article-${article.id}`}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={`article-${article.id}`}>
          #{article.number} — {article.subject}
        </Title>
        <Group gap="xs" className="no-print" role="toolbar" aria-label={t('zoom.articleActions')}>
          <Button size="compact-xs" variant="light" onClick={() => onEmail('reply')} title="r">
            {t('zoom.reply')}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => onEmail('reply_all')}>
            {t('zoom.replyAll')}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => onEmail('forward')}>
            {t('zoom.forward')}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => void split()}>
            {t('zoom.split')}
          </Button>
        </Group>
        <Group gap="xs">
          {article.channel !== 'internal' && <Badge variant="light">{t(`channel.${article.channel}`)}</Badge>}
          <Badge variant="light" color={article.visibleToCustomer ? 'green' : 'gray'}>
            {article.visibleToCustomer ? t('zoom.visibleToCustomer') : t('zoom.internal')}
          </Badge>
          {article.sendStatus && (
            <Badge color={article.sendStatus === 'failed' || article.sendStatus === 'bounced' ? 'red' : 'blue'}>
              {t('zoom.sendStatus', { status: article.sendStatus })}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {format.dateTime(article.createdAt)}
          </Text>
        </Group>
        {article.from && <Text size="sm">{`${t('zoom.from')}: ${article.from}`}</Text>}
        {article.to && <Text size="sm">{`${t('zoom.to')}: ${article.to}`}</Text>}
        {article.cc && <Text size="sm">{`Cc: ${article.cc}`}</Text>}
        {article.sendError && (
          <Text size="sm" c="red">
            {article.sendError}
          </Text>
        )}
        {article.bodyHtml ? (
          <>
            {hasRemote && !remote && (
              <Button size="xs" variant="light" w="fit-content" onClick={() => setRemote(true)}>
                {t('zoom.showRemote')}
              </Button>
            )}
            <HtmlBody html={article.bodyHtml} remote={remote} />
          </>
        ) : (
          <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="article-body">
            {article.bodyText}
          </Text>
        )}
        {article.attachments.filter((a) => !a.inline).length > 0 && (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('zoom.attachments')}:
            </Text>
            {article.attachments
              .filter((a) => !a.inline)
              .map((a) => (
                <Anchor key={a.id} size="sm" href={`${base}/attachments/${a.id}`} download={a.filename}>
                  {a.filename} ({Math.ceil(a.size / 1024)} KB)
                </Anchor>
              ))}
          </Group>
        )}
        {article.channel === 'email' && (
          <Anchor size="xs" href={`${base}/articles/${article.id}/original`} target="_blank">
            {t('zoom.original')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
