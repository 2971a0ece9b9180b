import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueueOverview } from './QueueOverview.tsx';
import { StatsChart } from './StatsChart.tsx';
import { TicketWidget } from './TicketWidget.tsx';
import { useWidgetLayout, type WidgetId } from './widget-layout.ts';

/** The agent's dashboard: widgets the agent can hide, show and reorder (kept in this browser). */
export function DashboardPage() {
  const { t } = useTranslation();
  const layout = useWidgetLayout();
  const titles: Record<WidgetId, string> = {
    new: t('dashboard.newTickets'),
    open: t('dashboard.openTickets'),
    queues: t('dashboard.queueOverview'),
    stats: t('dashboard.last7Days'),
  };
  const body = (id: WidgetId) => {
    if (id === 'new') return <TicketWidget widget="new" label={titles.new} />;
    if (id === 'open') return <TicketWidget widget="open" label={titles.open} />;
    if (id === 'queues') return <QueueOverview />;
    return <StatsChart />;
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.dashboard')}
      </Title>
      {layout.shown.map((id, index) => (
        <Paper key={id} withBorder p="md" component="section" aria-label={titles[id]}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {titles[id]}
            </Title>
            <Group gap={4}>
              <ActionIcon
                variant="subtle"
                aria-label={`${t('dashboard.moveUp')}: ${titles[id]}`}
                disabled={index === 0}
                onClick={() => layout.move(id, -1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`${t('dashboard.moveDown')}: ${titles[id]}`}
                disabled={index === layout.shown.length - 1}
                onClick={() => layout.move(id, 1)}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`${t('dashboard.hide')}: ${titles[id]}`}
                onClick={() => layout.hide(id)}
              >
                ✕
              </ActionIcon>
            </Group>
          </Group>
          {body(id)}
        </Paper>
      ))}
      {layout.hidden.length > 0 && (
        <Group>
          <Text size="sm" c="dimmed">
            {t('dashboard.hiddenWidgets')}:
          </Text>
          <SimpleGrid cols={layout.hidden.length} spacing="xs">
            {layout.hidden.map((id) => (
              <Button key={id} size="xs" variant="light" onClick={() => layout.show(id)}>
                {t('dashboard.show')}: {titles[id]}
              </Button>
            ))}
          </SimpleGrid>
        </Group>
      )}
    </Stack>
  );
}
