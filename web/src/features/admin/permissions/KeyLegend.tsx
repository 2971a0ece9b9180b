import { Code, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERMISSION_KEYS } from './permission-keys.ts';

/** What each key allows, for admins who do not know OTRS's keys by heart. */
export function KeyLegend() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="permission-legend">
      <Title order={2} size="h5" id="permission-legend" mb={4}>
        {t('admin.permissions.legend')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4} verticalSpacing={2}>
        {PERMISSION_KEYS.map((key) => (
          <Text key={key} size="sm">
            <Code>{key}</Code> <b>{t(`admin.permissions.key.${key}`)}</b>: {t(`admin.permissions.explain.${key}`)}
          </Text>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
