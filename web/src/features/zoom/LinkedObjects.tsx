import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLinks } from '../../api/queries.ts';
import { useNames } from '../../components/names.ts';

export function LinkedObjects({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const links = useLinks(ticketId).data ?? [];
  const name = useNames();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="linked-objects">
      <Title order={2} size="h5" id="linked-objects" mb="xs">
        {t('zoom.linkedObjects')}
      </Title>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('zoom.noLinks')}
        </Text>
      ) : (
        <Stack gap={2}>
          {links.map((link) => (
            <Anchor
              key={`${link.ticketId}-${link.relation}`}
              component={Link}
              to={`/tickets/${link.ticketId}`}
              size="sm"
            >
              {t(`zoom.relation.${link.relation}`)}: {link.tn} — {link.title} ({name(link.state.name)})
            </Anchor>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
