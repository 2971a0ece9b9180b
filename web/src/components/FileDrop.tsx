import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { type ClipboardEvent, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const add = async (list: FileList | File[]) =>
    onChange([...files, ...(await Promise.all([...list].map(readAttachment)))]);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add(event.dataTransfer.files);
  };
  const onPaste = (event: ClipboardEvent) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    void add(pasted);
  };
  return (
    <Paper
      withBorder
      p="sm"
      bg={over ? 'blue.0' : undefined}
      style={{ borderStyle: 'dashed', cursor: 'pointer' }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onPaste={onPaste}
      onClick={() => input.current?.click()}
      onKeyDown={(event) => event.key === 'Enter' && input.current?.click()}
      tabIndex={0}
      role="button"
      aria-label={t('files.drop')}
    >
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(e) => e.currentTarget.files && void add(e.currentTarget.files)}
      />
      <Text size="sm" c="dimmed">
        {t('files.drop')}
      </Text>
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
    </Paper>
  );
}
