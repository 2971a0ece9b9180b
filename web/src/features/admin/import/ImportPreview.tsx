import { Alert, Badge, ScrollArea, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldFor, IMPORT_KINDS, type ImportKind } from './columns.ts';
import type { CsvFile } from './csv.ts';

const PREVIEW_ROWS = 5;

/** The columns of the file with the field each one fills, and the first rows as they will be read. */
export function ImportPreview({ kind, file }: { kind: ImportKind; file: CsvFile }) {
  const { t } = useTranslation();
  const unknown = file.header.filter((column) => fieldFor(kind, column) === undefined);
  const mapped = new Set(file.header.map((column) => fieldFor(kind, column)));
  const missing = IMPORT_KINDS[kind].required.filter((field) => !mapped.has(field));
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.import.mapping')}
      </Title>
      {unknown.length > 0 && (
        <Alert color="yellow">{t('admin.import.unknownColumns', { columns: unknown.join(', ') })}</Alert>
      )}
      {missing.length > 0 && (
        <Alert color="yellow">{t('admin.import.missingColumns', { columns: missing.join(', ') })}</Alert>
      )}
      <Table aria-label={t('admin.import.mapping')} w="auto">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.import.column')}</Table.Th>
            <Table.Th>{t('admin.import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.header.map((column) => {
            const field = fieldFor(kind, column);
            return (
              <Table.Tr key={column}>
                <Table.Td>{column}</Table.Td>
                <Table.Td>
                  {field ?? (
                    <Badge color="gray" variant="light">
                      {t('admin.import.notImported')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h3">
        {t('admin.import.preview')}
      </Title>
      <ScrollArea>
        <Table striped aria-label={t('admin.import.preview')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.import.line')}</Table.Th>
              {file.header.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.rows.slice(0, PREVIEW_ROWS).map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                {file.header.map((column) => (
                  <Table.Td key={column}>
                    {fieldFor(kind, column) === 'password' && row.values[column] ? '••••' : row.values[column]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
