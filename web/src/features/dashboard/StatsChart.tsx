import { Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.ts';
import type { TicketStats } from '../../api/types.ts';
import { useFormat } from '../../components/format.ts';

const CREATED = '#228be6';
const CLOSED = '#40c057';

/** Tickets created and closed per day over the last 7 days, in the agent's time zone: a bar chart. */
export function StatsChart() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useQuery({
    queryKey: ['dashboard', 'stats', format.timeZone],
    queryFn: () =>
      api<TicketStats>('GET', withQuery('/dashboard/ticket-stats', { days: 7, timeZone: format.timeZone })),
  });
  if (stats.isPending) return <Loader size="sm" />;
  const days = stats.data?.days ?? [];
  const max = Math.max(1, ...days.flatMap((day) => [day.created, day.closed]));
  const weekday = new Intl.DateTimeFormat(format.locale, { weekday: 'short', timeZone: 'UTC' });
  const height = 120;
  const summary = days.map(
    (d) => `${d.date}: ${t('dashboard.created')} ${d.created}, ${t('dashboard.closed')} ${d.closed}`,
  );
  return (
    <>
      <svg
        role="img"
        aria-label={summary.join('; ')}
        width="100%"
        height={height + 24}
        viewBox={`0 0 ${days.length * 60} ${height + 24}`}
      >
        {days.map((day, index) => {
          const created = (day.created / max) * height;
          const closed = (day.closed / max) * height;
          const x = index * 60 + 10;
          return (
            <g key={day.date}>
              <rect x={x} y={height - created} width={18} height={created} fill={CREATED}>
                <title>{`${t('dashboard.created')}: ${day.created}`}</title>
              </rect>
              <rect x={x + 20} y={height - closed} width={18} height={closed} fill={CLOSED}>
                <title>{`${t('dashboard.closed')}: ${day.closed}`}</title>
              </rect>
              <text x={x + 19} y={height + 16} textAnchor="middle" fontSize="12">
                {weekday.format(new Date(`${day.date}T12:00:00Z`))}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md">
        <Text size="xs" c={CREATED}>
          ■ {t('dashboard.created')}
        </Text>
        <Text size="xs" c={CLOSED}>
          ■ {t('dashboard.closed')}
        </Text>
      </Group>
    </>
  );
}
