import { useTranslation } from 'react-i18next';

/** A state's or priority's name as OTRS shows it: the default ones translated, an admin's own as written. */
export function useNames() {
  const { t } = useTranslation();
  return (name: string) => t(`names.${name}`, { defaultValue: name });
}
