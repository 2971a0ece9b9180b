import { Anchor, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Screens that a later version brings say so plainly. */
export function PlaceholderPage({ kind }: { kind: 'admin' | 'escalation' | 'notFound' }) {
  const { t } = useTranslation();
  if (kind === 'notFound') return <Title order={1}>{t('error.notFound')}</Title>;
  const title = { admin: t('nav.admin'), escalation: t('nav.escalationView') }[kind];
  return (
    <>
      <Title order={1} mb="md">
        {title}
      </Title>
      <Text>
        {t(`placeholder.${kind}`)}{' '}
        {kind === 'admin' && (
          <Anchor href="/api/docs" target="_blank">
            /api/docs
          </Anchor>
        )}
      </Text>
    </>
  );
}
