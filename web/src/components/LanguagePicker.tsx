import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(lng) => void changeLanguage(lng)}
      data={[
        { value: 'it', label: 'Italiano' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
