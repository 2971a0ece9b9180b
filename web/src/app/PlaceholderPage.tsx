import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Screens that a later version brings say so plainly. */
export function PlaceholderPage({ kind }: { kind: 'escalation' | 'notFound' }) {
  const { t } = useTranslation();
  if (kind === 'notFound') return <Title order={1}>{t('error.notFound')}</Title>;
  return (
    <>
      <Title order={1} mb="md">
        {t('nav.escalationView')}
      </Title>
      <Text>{t('placeholder.escalation')}</Text>
    </>
  );
}
