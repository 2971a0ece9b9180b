import { ActionIcon, Group, Input, Paper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface RichText {
  html: string;
  text: string;
}

interface Props {
  label: string;
  /** plain text to start from (a draft's quoted answer); later changes of it are ignored */
  initialText?: string;
  onChange: (value: RichText) => void;
  required?: boolean;
  error?: string;
  onPasteFiles?: (files: File[]) => void;
}

const textToHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/**
 * A small rich-text editor (bold, italic, lists, links): the browser's own editing, so no editor
 * library weighs on the app's first load. It gives both the HTML and the plain text, as emails
 * carry both; a pasted screenshot goes to `onPasteFiles` as an attachment.
 */
export function RichTextEditor({ label, initialText = '', onChange, required, error, onPasteFiles }: Props) {
  const { t } = useTranslation();
  const editor = useRef<HTMLDivElement>(null);
  const id = useRef(`rte-${Math.random().toString(36).slice(2)}`).current;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the starting text is set once, as the editor then owns it
  useEffect(() => {
    if (editor.current) editor.current.innerHTML = textToHtml(initialText);
    emit();
  }, []);
  const emit = () => {
    const node = editor.current;
    // innerText, not textContent: it turns the editor's line breaks and paragraphs into newlines
    // biome-ignore lint/performance/useDomNodeTextContent: see above
    if (node) onChange({ html: node.innerHTML, text: node.innerText.replace(/\n$/, '') });
  };
  const command = (name: string, value?: string) => {
    editor.current?.focus();
    document.execCommand(name, false, value);
    emit();
  };
  const link = () => {
    const url = window.prompt(t('editor.linkUrl'), 'https://');
    if (url && /^(https?:|mailto:)/i.test(url)) command('createLink', url);
  };
  const tool = (name: string, text: string, run: () => void) => (
    <ActionIcon
      variant="subtle"
      size="sm"
      aria-label={name}
      title={name}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </ActionIcon>
  );
  return (
    <Input.Wrapper label={label} required={required} error={error} id={id}>
      <Paper withBorder>
        <Group
          gap={2}
          p={4}
          role="toolbar"
          aria-label={t('editor.toolbar')}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          {tool(t('editor.bold'), 'B', () => command('bold'))}
          {tool(t('editor.italic'), 'I', () => command('italic'))}
          {tool(t('editor.bullets'), '•', () => command('insertUnorderedList'))}
          {tool(t('editor.numbers'), '1.', () => command('insertOrderedList'))}
          {tool(t('editor.link'), '🔗', link)}
        </Group>
        {/* biome-ignore lint/a11y/useSemanticElements: a contenteditable region is the editor; a textarea cannot hold formatting */}
        <div
          id={id}
          ref={editor}
          role="textbox"
          aria-multiline="true"
          aria-label={label}
          aria-required={required}
          tabIndex={0}
          contentEditable
          suppressContentEditableWarning
          onInput={emit}
          onPaste={(event) => {
            const files = [...event.clipboardData.files];
            if (files.length > 0 && onPasteFiles) {
              event.preventDefault();
              onPasteFiles(files);
            }
          }}
          style={{ minHeight: 160, maxHeight: 420, overflow: 'auto', padding: '8px 12px', outline: 'none' }}
        />
      </Paper>
    </Input.Wrapper>
  );
}
