import { ActionIcon, Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Condition {
  header: string;
  value: string;
  regex?: boolean;
  negate?: boolean;
}

interface Props {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

/** A postmaster filter's conditions: a header (or "body"), the text or expression, all must match. */
export function ConditionsInput({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const conditions = Array.isArray(value) ? (value as Condition[]) : [];
  const change = (index: number, patch: Partial<Condition>) =>
    onChange(conditions.map((condition, at) => (at === index ? { ...condition, ...patch } : condition)));
  return (
    <Fieldset legend={label}>
      <Stack gap="xs">
        {conditions.map((condition, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
          <Group key={index} align="end" wrap="nowrap">
            <TextInput
              label={t('admin.filter.header')}
              placeholder="Subject"
              value={condition.header}
              onChange={(e) => change(index, { header: e.currentTarget.value })}
              w={140}
            />
            <TextInput
              label={t('admin.filter.value')}
              value={condition.value}
              onChange={(e) => change(index, { value: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Checkbox
              label={t('admin.filter.regex')}
              checked={condition.regex === true}
              onChange={(e) => change(index, { regex: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('admin.filter.negate')}
              checked={condition.negate === true}
              onChange={(e) => change(index, { negate: e.currentTarget.checked })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('admin.filter.remove')}
              onClick={() => onChange(conditions.filter((_, at) => at !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...conditions, { header: '', value: '', regex: false, negate: false }])}
        >
          {t('admin.filter.add')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('admin.filter.help')}
        </Text>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
