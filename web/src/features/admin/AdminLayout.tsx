import { Grid, NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { adminPath } from './admin-path.ts';
import { entryKey, SECTIONS } from './sections.tsx';

/** The administration area: its menu on the left, the chosen screen on the right. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
        <nav aria-label={t('admin.menu')}>
          <Stack gap="xs">
            {SECTIONS.map((section) => (
              <div key={section.key}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t(`admin.section.${section.key}`)}
                </Text>
                {section.entries.map((entry) => (
                  <MantineNavLink
                    key={entryKey(entry)}
                    component={NavLink}
                    to={adminPath(entryKey(entry))}
                    label={t(`admin.resource.${entryKey(entry)}.title`)}
                  />
                ))}
              </div>
            ))}
          </Stack>
        </nav>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
        <Outlet />
      </Grid.Col>
    </Grid>
  );
}
