import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Separator, writeCsv } from './csv.ts';
import type { ImportOutcome } from './use-csv-import.ts';

/** Saves text as a file the browser downloads. */
function download(filename: string, text: string) {
  // the byte order mark makes Excel read the file as UTF-8 (accents in names and messages)
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** What an import did: rows created, updated and in error, and each error by line and field. */
export function ImportReport({
  outcome,
  filename,
  separator,
}: {
  outcome: ImportOutcome;
  filename: string;
  separator: Separator;
}) {
  const { t } = useTranslation();
  const count = (status: string) => outcome.results.filter((result) => result.status === status).length;
  const errors = outcome.results.flatMap((result) =>
    (result.errors ?? []).map((error) => ({ line: result.line, field: error.field ?? '', message: error.message })),
  );
  const errorsCsv = () =>
    writeCsv(
      [
        [t('admin.import.line'), t('admin.import.field'), t('admin.import.message')],
        ...errors.map((error) => [String(error.line), error.field, error.message]),
      ],
      separator,
    );
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.import.summary')}
      </Title>
      {outcome.stopped && (
        <Alert color="red" role="alert">
          {t('admin.import.stopped', outcome.stopped)}
        </Alert>
      )}
      <Group>
        <Text>{t('admin.import.created', { count: count('created') })}</Text>
        <Text>{t('admin.import.updated', { count: count('updated') })}</Text>
        <Text c={errors.length > 0 ? 'red' : undefined}>{t('admin.import.inError', { count: count('error') })}</Text>
      </Group>
      {errors.length > 0 && (
        <>
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('admin.import.errorRows')}
            </Title>
            <Button
              variant="light"
              onClick={() => download(filename.replace(/(\.csv)?$/i, '-errors.csv'), errorsCsv())}
            >
              {t('admin.import.download')}
            </Button>
          </Group>
          <Table striped aria-label={t('admin.import.errorRows')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.import.line')}</Table.Th>
                <Table.Th>{t('admin.import.field')}</Table.Th>
                <Table.Th>{t('admin.import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((error, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several errors on one field; the list is fixed once shown
                <Table.Tr key={index}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{error.field}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
