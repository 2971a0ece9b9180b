import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useSubmit } from '../../../components/use-submit.ts';
import { FieldInput } from './FieldInput.tsx';
import { initialValues, requestBody } from './form-values.ts';
import type { ResourceDef, Row } from './types.ts';

interface Props {
  def: ResourceDef;
  /** the row edited; null for a new one */
  row: Row | null;
  onSaved: (row: Row) => void;
  onDeleted: () => void;
}

/**
 * Creates or changes one object. The server validates: its refusal is shown under the field it
 * names, or above the buttons. Deactivating keeps the object (tickets and history still name it);
 * deleting is offered too, and the server refuses it while anything refers to the object.
 */
export function ResourceForm({ def, row, onSaved, onDeleted }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(def, row));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editing = row !== null;
  const path = `/${def.path}`;
  const save = useSubmit(
    () =>
      editing
        ? api<Row>('PATCH', `${path}/${row.id}`, requestBody(def, values, true))
        : api<Row>('POST', path, requestBody(def, values, false)),
    onSaved,
  );
  const toggle = useSubmit(() => api<Row>('PATCH', `${path}/${row?.id}`, { valid: !row?.valid }), onSaved);
  const remove = useSubmit(() => api<void>('DELETE', `${path}/${row?.id}`), onDeleted);
  const error = save.error ?? toggle.error ?? remove.error;
  const fieldNames = def.fields.map((field) => field.name);
  const generalError = error && !(error.field && fieldNames.includes(error.field)) ? error.message : null;

  return (
    <form onSubmit={save.submit} noValidate>
      <Stack>
        {def.fields
          .filter((field) => !(editing && field.createOnly) && (!field.when || field.when(values)))
          .map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              editing={editing}
              value={values[field.name]}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
              error={error?.field === field.name ? error.message : undefined}
            />
          ))}
        {generalError && (
          <Alert color="red" role="alert">
            {generalError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.busy}>
            {editing ? t('admin.form.save') : t('admin.form.create')}
          </Button>
          {def.actions?.({ values, row })}
          {editing && (
            <Button variant="default" loading={toggle.busy} onClick={() => toggle.submit()}>
              {row.valid ? t('admin.form.deactivate') : t('admin.form.activate')}
            </Button>
          )}
          {editing &&
            (confirmDelete ? (
              <Button color="red" loading={remove.busy} onClick={() => remove.submit()}>
                {t('admin.form.confirmDelete')}
              </Button>
            ) : (
              <Button color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
                {t('admin.form.delete')}
              </Button>
            ))}
        </Group>
      </Stack>
    </form>
  );
}
