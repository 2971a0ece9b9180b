import { Alert, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTicketHook } from '../../api/public-settings.ts';
import { useArticles, useTicket } from '../../api/queries.ts';
import { ActionBar } from './ActionBar.tsx';
import { ArticleList } from './ArticleList.tsx';
import { ArticleView } from './ArticleView.tsx';
import { CustomerInfo } from './CustomerInfo.tsx';
import { EmailDialog, type EmailMode } from './EmailDialog.tsx';
import { HistoryList } from './HistoryList.tsx';
import { LinkedObjects } from './LinkedObjects.tsx';
import { usePresence } from './presence.ts';
import { TicketInfo } from './TicketInfo.tsx';

/** The ticket zoom of the manual: number and title, actions, articles, ticket and customer information. */
export function TicketZoomPage() {
  const { t } = useTranslation();
  const { prefix } = useTicketHook();
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  const articles = useArticles(id);
  const [chosen, setChosen] = useState<number | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const others = usePresence(id);
  const [email, setEmail] = useState<EmailMode | null>(null);
  if (ticket.isPending) return <Loader />;
  if (ticket.error || !ticket.data)
    return (
      <Alert color="red" role="alert">
        {ticket.error?.message ?? t('error.notFound')}
      </Alert>
    );
  const items = articles.data ?? [];
  const article = items.find((a) => a.id === chosen) ?? items.at(-1);
  return (
    <Stack>
      <Title order={1} size="h3">
        {prefix}
        {ticket.data.tn} — {ticket.data.title}
      </Title>
      {others.length > 0 && (
        <Alert color="yellow" role="status" py="xs">
          {t('zoom.otherViewers', { names: others.map((other) => other.name).join(', ') })}
        </Alert>
      )}
      <ActionBar
        ticket={ticket.data}
        article={article}
        onHistory={() => setShowHistory((shown) => !shown)}
        onEmail={setEmail}
      />
      <Text size="xs" c="dimmed" className="no-print">
        {t('zoom.shortcuts')}
      </Text>
      {email && <EmailDialog ticket={ticket.data} article={article} mode={email} onClose={() => setEmail(null)} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {showHistory && <HistoryList ticketId={id} />}
            <ArticleList articles={items} chosen={article?.id} onChoose={setChosen} />
            {article && <ArticleView ticketId={id} article={article} onEmail={setEmail} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <TicketInfo ticket={ticket.data} />
            <CustomerInfo ticket={ticket.data} />
            <LinkedObjects ticketId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
