import { useTranslation } from 'react-i18next';
import { DropZone } from '../../../components/DropZone.tsx';

/** One .csv file, dropped or chosen. */
export function CsvDrop({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <DropZone
      label={t('admin.import.drop')}
      accept=".csv,text/csv"
      onFiles={(files) => {
        if (files[0]) onFile(files[0]);
      }}
    />
  );
}
