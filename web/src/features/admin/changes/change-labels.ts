import { useTranslation } from 'react-i18next';
import { OBJECT_SCREENS } from './admin-change.ts';

/**
 * Readable names for what the log stores in code: a field by the label its form gives it (or the
 * log's own, for fields no form shows: passwordHash, the system settings), an object type by the
 * title of its screen, an action by its verb. Anything unknown shows as stored.
 */
export function useChangeLabels() {
  const { t, i18n } = useTranslation();
  const first = (keys: string[], fallback: string) => {
    const key = keys.find((candidate) => i18n.exists(candidate));
    return key ? t(key) : fallback;
  };
  return {
    field: (name: string) =>
      first([`admin.changeLog.fields.${name}`, `admin.field.${name}`, `admin.settings.field.${name}`], name),
    objectType: (type: string) => {
      const screen = OBJECT_SCREENS[type];
      return screen ? t(`admin.resource.${screen}.title`) : first([`admin.changeLog.objectTypes.${type}`], type);
    },
    action: (action: string) => first([`admin.changeLog.actions.${action}`], action),
  };
}
