import { Alert, Button, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvDrop } from './CsvDrop.tsx';
import { fieldFor, IMPORT_KINDS, type ImportKind } from './columns.ts';
import { CsvError, type CsvFile, decodeCsv, readCsv } from './csv.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportReport } from './ImportReport.tsx';
import { type ImportMode, useCsvImport } from './use-csv-import.ts';

type Chosen = { name: string; csv: CsvFile } | { name: string; problem: string };

/**
 * Customers or customer users from a CSV file: choose what, drop the file, check the columns and the
 * first rows, choose create only or create or update, import with a progress bar, then read (and
 * download) the rows in error.
 */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [mode, setMode] = useState<ImportMode>('create');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const run = useCsvImport();
  const columns = IMPORT_KINDS[kind];
  const csv = chosen && 'csv' in chosen ? chosen.csv : null;

  const choose = async (file: File) => {
    run.reset();
    if (!/\.csv$/i.test(file.name)) return setChosen({ name: file.name, problem: t('admin.import.notCsv') });
    try {
      setChosen({ name: file.name, csv: readCsv(decodeCsv(await file.arrayBuffer())) });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      setChosen({ name: file.name, problem: t(`admin.import.csv.${error.problem}`, { line: error.line }) });
    }
  };
  // columns the import does not know are shown as not imported, and left out of what is sent
  const start = () =>
    csv &&
    run.mutate({
      kind,
      mode,
      rows: csv.rows.map(({ line, values }) => ({
        line,
        values: Object.fromEntries(Object.entries(values).filter(([column]) => fieldFor(kind, column))),
      })),
    });
  const busy = run.isPending;

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t('admin.import.title')}
      </Title>
      <Text>{t('admin.import.intro')}</Text>
      <SegmentedControl
        aria-label={t('admin.import.what')}
        value={kind}
        disabled={busy}
        onChange={(value) => {
          setKind(value as ImportKind);
          run.reset();
        }}
        data={(['customers', 'customerUsers'] as const).map((value) => ({
          value,
          label: t(`admin.import.kind.${value}`),
        }))}
        w="fit-content"
      />
      <Text size="sm" c="dimmed">
        {t('admin.import.columns', {
          columns: columns.fields.join(', '),
          required: columns.required.join(', '),
        })}
      </Text>
      {!busy && <CsvDrop onFile={(file) => void choose(file)} />}
      {chosen && 'problem' in chosen && (
        <Alert color="red" role="alert" title={chosen.name}>
          {chosen.problem}
        </Alert>
      )}
      {csv && chosen && (
        <>
          <Text fw={500}>
            {t('admin.import.file', { name: chosen.name, count: csv.rows.length, separator: csv.separator })}
          </Text>
          <ImportPreview kind={kind} file={csv} />
          <Stack gap={4}>
            <SegmentedControl
              aria-label={t('admin.import.mode')}
              value={mode}
              disabled={busy}
              onChange={(value) => setMode(value as ImportMode)}
              data={(['create', 'upsert'] as const).map((value) => ({
                value,
                label: t(`admin.import.modes.${value}`),
              }))}
              w="fit-content"
            />
            <Text size="sm" c="dimmed">
              {t(`admin.import.modeHint.${mode}`, { key: kind === 'customers' ? 'customerKey' : 'login' })}
            </Text>
          </Stack>
          <Group>
            <Button onClick={start} loading={busy} disabled={csv.rows.length === 0}>
              {t('admin.import.start', { count: csv.rows.length })}
            </Button>
          </Group>
          {(busy || run.data) && (
            <Stack gap={4}>
              <Progress
                value={csv.rows.length === 0 ? 100 : (run.done / csv.rows.length) * 100}
                aria-label={t('admin.import.progressLabel')}
                size="lg"
              />
              <Text size="sm">{t('admin.import.progress', { done: run.done, total: csv.rows.length })}</Text>
            </Stack>
          )}
          {run.error && (
            <Alert color="red" role="alert">
              {run.error.message}
            </Alert>
          )}
          {run.data && <ImportReport outcome={run.data} filename={chosen.name} separator={csv.separator} />}
        </>
      )}
    </Stack>
  );
}
