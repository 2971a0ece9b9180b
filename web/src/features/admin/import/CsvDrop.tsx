import { Paper, Text } from '@mantine/core';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One .csv file, dropped or chosen. */
export function CsvDrop({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="lg"
      bg={over ? 'blue.0' : undefined}
      style={{ borderStyle: 'dashed', cursor: 'pointer' }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onClick={() => input.current?.click()}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && input.current?.click()}
      tabIndex={0}
      role="button"
      aria-label={t('admin.import.drop')}
    >
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // the same file chosen again after a fix must still be read
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <Text c="dimmed" ta="center">
        {t('admin.import.drop')}
      </Text>
    </Paper>
  );
}
