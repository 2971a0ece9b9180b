import { CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DropZone } from './DropZone.tsx';

export interface FileAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** A file as the API takes an attachment (base64). */
export async function readAttachment(file: File): Promise<FileAttachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return {
    filename: file.name || `screenshot-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.png`,
    contentType: file.type || 'application/octet-stream',
    contentBase64: btoa(binary),
  };
}

/** Attachments by drag-and-drop, by choosing files, or by pasting a screenshot. */
export function FileDrop({
  files,
  onChange,
}: {
  files: FileAttachment[];
  onChange: (files: FileAttachment[]) => void;
}) {
  const { t } = useTranslation();
  const add = async (list: File[]) => onChange([...files, ...(await Promise.all(list.map(readAttachment)))]);
  return (
    <DropZone label={t('files.drop')} multiple takesPaste onFiles={(list) => void add(list)}>
      {files.map((file, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be attached twice; the list only grows or loses an item
        <Group key={`${file.filename}${index}`} gap="xs">
          <Text size="sm">{file.filename}</Text>
          <CloseButton
            size="sm"
            aria-label={t('files.remove', { name: file.filename })}
            onClick={(event) => {
              event.stopPropagation();
              onChange(files.filter((_, other) => other !== index));
            }}
          />
        </Group>
      ))}
    </DropZone>
  );
}
