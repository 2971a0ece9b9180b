import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FileAttachment, FileDrop } from '../../components/FileDrop.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { TemplatePicker } from './TemplatePicker.tsx';

export type Field =
  | { name: string; kind: 'text' | 'textarea' | 'datetime'; label: string; required?: boolean; initial?: string }
  | { name: string; kind: 'number'; label: string; required?: boolean; initial?: number; min?: number }
  | { name: string; kind: 'checkbox'; label: string; initial?: boolean }
  | { name: string; kind: 'files'; label: string }
  | {
      name: string;
      kind: 'select';
      label: string;
      required?: boolean;
      initial?: string;
      options: Array<{ value: string; label: string }>;
    };

export type Values = Record<string, string | number | boolean | undefined>;

interface Props {
  title: string;
  /** offer the ticket's response templates for the text field */
  templatesFor?: number;
  fields: Field[];
  onSubmit: (values: Values, files: FileAttachment[]) => Promise<unknown>;
  onClose: () => void;
}

/**
 * The dialog behind each action of the ticket zoom: its fields, checked before sending, and the
 * server's refusal shown as it says it (in the agent's language), next to the field it names.
 */
export function ActionDialog({ title, templatesFor, fields, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        ('initial' in field ? field.initial : undefined) ?? (field.kind === 'checkbox' ? false : ''),
      ]),
    ),
  );
  // a chosen template restarts the editor with its text
  const [template, setTemplate] = useState<{ text: string; pick: number } | null>(null);
  const [files, setFiles] = useState<FileAttachment[]>([]);
  const set = (name: string, value: Values[string]) => setValues((current) => ({ ...current, [name]: value }));

  const { submit, busy, error } = useSubmit(async () => {
    const missing = fields.find(
      (f) => 'required' in f && f.required && (values[f.name] === '' || values[f.name] === undefined),
    );
    if (missing) throw Object.assign(new Error(`${missing.label}: ${t('action.required')}`), { field: missing.name });
    await onSubmit(values, files);
  }, onClose);
  // the server names a body field by its path (article.to); the dialog's fields by the last part
  const errorField = error?.field?.split('.').pop();

  const errorOf = (name: string) => (errorField === name ? error?.message : undefined);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !fields.some((f) => f.name === errorField) && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {fields.map((field) => {
            const common = { label: field.label, error: errorOf(field.name) };
            if (field.kind === 'files') return <FileDrop key={field.name} files={files} onChange={setFiles} />;
            if (field.kind === 'checkbox')
              return (
                <Checkbox
                  key={field.name}
                  {...common}
                  checked={Boolean(values[field.name])}
                  onChange={(e) => set(field.name, e.currentTarget.checked)}
                />
              );
            if (field.kind === 'select')
              return (
                <Select
                  key={field.name}
                  {...common}
                  required={field.required}
                  searchable
                  data={field.options}
                  value={(values[field.name] as string) || null}
                  onChange={(value) => set(field.name, value ?? '')}
                />
              );
            if (field.kind === 'number')
              return (
                <NumberInput
                  key={field.name}
                  {...common}
                  required={field.required}
                  min={field.min}
                  value={values[field.name] as number | string}
                  onChange={(value) => set(field.name, value === '' ? '' : Number(value))}
                />
              );
            if (field.kind === 'textarea')
              return (
                <Stack key={`${field.name}-${template?.pick ?? 0}`} gap="xs">
                  {templatesFor !== undefined && (
                    <TemplatePicker
                      ticketId={templatesFor}
                      onPick={(text) => setTemplate((current) => ({ text, pick: (current?.pick ?? 0) + 1 }))}
                    />
                  )}
                  <RichTextEditor
                    {...common}
                    required={field.required}
                    initialText={template?.text ?? field.initial}
                    onChange={(value) => {
                      set(field.name, value.text);
                      set(`${field.name}Html`, value.html);
                    }}
                  />
                </Stack>
              );
            return (
              <TextInput
                key={field.name}
                {...common}
                type={field.kind === 'datetime' ? 'datetime-local' : 'text'}
                required={field.required}
                value={values[field.name] as string}
                onChange={(e) => set(field.name, e.currentTarget.value)}
              />
            );
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
