import { Paper, Text } from '@mantine/core';
import { type ClipboardEvent, type ReactNode, useRef, useState } from 'react';

interface Props {
  /** what the zone is for, shown and read out */
  label: string;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  /** files pasted while the zone has focus (a screenshot) count as dropped */
  takesPaste?: boolean;
  children?: ReactNode;
}

/** A dashed zone that takes files dropped on it, chosen after a click or Enter, or pasted. */
export function DropZone({ label, onFiles, accept, multiple, takesPaste, children }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onPaste = (event: ClipboardEvent) => {
    const pasted = [...event.clipboardData.files];
    if (!takesPaste || pasted.length === 0) return;
    event.preventDefault();
    onFiles(pasted);
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
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      }}
      onPaste={onPaste}
      onClick={() => input.current?.click()}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && input.current?.click()}
      tabIndex={0}
      role="button"
      aria-label={label}
    >
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // the same file chosen again (after fixing it) must still be read
          event.currentTarget.value = '';
          onFiles(files);
        }}
      />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Paper>
  );
}
