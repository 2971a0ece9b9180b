import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Draft, SettingKey, SystemSettings } from './system-settings.ts';

interface Props {
  settings: SystemSettings;
  draft: Draft;
  name: SettingKey;
  label: string;
  onReset: () => void;
}

/** Under a field: whether its value comes from the environment or was saved, and the way back to the default. */
export function SettingSource({ settings, draft, name, label, onReset }: Props) {
  const { t } = useTranslation();
  const fallback = settings.defaults[name] || t('admin.settings.empty');
  if (name in draft && draft[name] === null) return <>{t('admin.settings.source.resetting', { value: fallback })}</>;
  if (settings.sources[name] === 'environment') return <>{t('admin.settings.source.environment')}</>;
  return (
    <>
      {t('admin.settings.source.saved', { value: fallback })}{' '}
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={onReset}
        aria-label={t('admin.settings.useDefaultFor', { field: label })}
      >
        {t('admin.settings.useDefault')}
      </Anchor>
    </>
  );
}
