import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminPath } from './admin-path.ts';
import { entryKey, SECTIONS } from './sections.tsx';

/** The first screen of the administration: every section with what its screens are for. */
export function AdminHome() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SECTIONS.map((section) => (
          <Card key={section.key} withBorder>
            <Title order={2} size="h4" mb="xs">
              {t(`admin.section.${section.key}`)}
            </Title>
            <Stack gap={4}>
              {section.entries.map((entry) => (
                <Text key={entryKey(entry)} size="sm">
                  <Anchor component={Link} to={adminPath(entryKey(entry))}>
                    {t(`admin.resource.${entryKey(entry)}.title`)}
                  </Anchor>
                  {' — '}
                  {t(`admin.resource.${entryKey(entry)}.summary`)}
                </Text>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
