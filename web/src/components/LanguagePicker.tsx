import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';

/** Switches the app's language; `onChosen` also tells the server (for a logged-in person's emails). */
export function LanguagePicker({ onChosen }: { onChosen?: (language: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(lng) => {
        void changeLanguage(lng);
        onChosen?.(lng);
      }}
      data={[
        { value: 'it', label: 'Italiano' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
