import { Anchor, Group, Loader, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import { useTicketHook } from '../../api/public-settings.ts';
import { useFormat } from '../../components/format.ts';

interface Report {
  count: number;
  average: number | null;
  byRating: Record<string, number>;
  comments: Array<{ ticketId: number; tn: string; title: string; rating: number; comment: string; ratedAt: string }>;
}

const PERIODS = { 30: 30, 90: 90, 365: 365 } as const;

/** Reports: the customers' satisfaction survey over the tickets the agent may see (more reports later). */
export function ReportsPage() {
  const { t } = useTranslation();
  const { hook } = useTicketHook();
  const format = useFormat();
  const [days, setDays] = useState<keyof typeof PERIODS>(30);
  const from = new Date(Date.now() - PERIODS[days] * 86_400_000);
  from.setMinutes(0, 0, 0);
  const report = useQuery({
    queryKey: ['reports', 'satisfaction', days],
    queryFn: () => api<Report>('GET', withQuery('/reports/satisfaction', { from: from.toISOString() })),
  });
  const data = report.data;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.reports')}
      </Title>
      <Paper withBorder p="md" component="section" aria-labelledby="satisfaction-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="satisfaction-title">
            {t('reports.satisfaction')}
          </Title>
          <SegmentedControl
            size="xs"
            value={String(days)}
            onChange={(value) => setDays(Number(value) as keyof typeof PERIODS)}
            data={Object.keys(PERIODS).map((value) => ({
              value,
              label: t('reports.lastDays', { count: Number(value) }),
            }))}
          />
        </Group>
        {report.isPending || !data ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="xs">
            <Text data-testid="satisfaction-summary">
              {t('reports.answers', { count: data.count })}
              {data.average !== null && ` · ${t('reports.average', { average: data.average.toFixed(2) })}`}
            </Text>
            {[5, 4, 3, 2, 1].map((score) => (
              <Group key={score} gap="xs" wrap="nowrap">
                <Text size="sm" w={24}>
                  {score}★
                </Text>
                <Progress
                  flex={1}
                  value={data.count ? ((data.byRating[score] ?? 0) / data.count) * 100 : 0}
                  aria-label={`${score}: ${data.byRating[score] ?? 0}`}
                />
                <Text size="sm" w={32} ta="right">
                  {data.byRating[score] ?? 0}
                </Text>
              </Group>
            ))}
            {data.comments.length > 0 && (
              <Table mt="sm" aria-label={t('reports.comments')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{hook}</Table.Th>
                    <Table.Th>★</Table.Th>
                    <Table.Th>{t('reports.comments')}</Table.Th>
                    <Table.Th>{t('ticket.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.comments.map((comment) => (
                    <Table.Tr key={comment.ticketId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/tickets/${comment.ticketId}`} size="sm">
                          {comment.tn}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{comment.rating}</Table.Td>
                      <Table.Td>{comment.comment}</Table.Td>
                      <Table.Td>{format.dateTime(comment.ratedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Paper>
      <Text size="sm" c="dimmed">
        {t('placeholder.reports')}
      </Text>
    </Stack>
  );
}
