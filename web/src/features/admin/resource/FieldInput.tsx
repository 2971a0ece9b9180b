import { MultiSelect, NumberInput, PasswordInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { refOptions, useRefRows } from './ref-options.ts';
import type { FieldDef } from './types.ts';

const ZONES = Intl.supportedValuesOf('timeZone');

interface Props {
  field: FieldDef;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  editing: boolean;
}

/** One field of an administration form, by its kind; the label is admin.field.<name>. */
export function FieldInput({ field, value, onChange, error, editing }: Props) {
  const { t } = useTranslation();
  const refs = useRefRows(field.kind === 'ref' || field.kind === 'refs' ? field.ref : undefined);
  const label = t(`admin.field.${field.name}`);
  const common = { label, error, required: field.required && !(editing && field.keepWhenEmpty) };
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'text':
    case 'email':
      return (
        <TextInput
          {...common}
          type={field.kind === 'email' ? 'email' : 'text'}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'password':
      return (
        <PasswordInput
          {...common}
          description={editing && field.keepWhenEmpty ? t('admin.form.keepPassword') : undefined}
          autoComplete="new-password"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'textarea':
      return (
        <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'lines':
      return (
        <Textarea
          {...common}
          description={t('admin.form.onePerLine')}
          autosize
          minRows={3}
          value={Array.isArray(value) ? value.join('\n') : ''}
          onChange={(e) => onChange(e.currentTarget.value.split('\n'))}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          min={0}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
        />
      );
    case 'boolean':
      return <Switch label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'choice':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((option) => ({
            value: option,
            label: t(`admin.option.${field.name}.${option}`),
          }))}
          value={text || null}
          onChange={(next) => onChange(next)}
        />
      );
    case 'language':
      return (
        <Select
          {...common}
          clearable
          data={[
            { value: 'it', label: 'Italiano' },
            { value: 'en', label: 'English' },
          ]}
          value={text || null}
          onChange={(next) => onChange(next)}
        />
      );
    case 'timeZone':
      return <Select {...common} searchable clearable data={ZONES} value={text || null} onChange={onChange} />;
    case 'ref': {
      const chosen = typeof value === 'number' ? [value] : [];
      return (
        <Select
          {...common}
          searchable
          clearable={!field.required}
          data={refOptions(refs.data, chosen)}
          value={chosen.length ? String(chosen[0]) : null}
          onChange={(next) => onChange(next ? Number(next) : null)}
        />
      );
    }
    case 'refs': {
      const chosen = Array.isArray(value) ? (value as number[]) : [];
      return (
        <MultiSelect
          {...common}
          searchable
          data={refOptions(refs.data, chosen)}
          value={chosen.map(String)}
          onChange={(next) => onChange(next.map(Number))}
        />
      );
    }
    case 'custom':
      return <>{field.render?.({ label, value, onChange, error })}</>;
  }
}
