import { Parser } from 'htmlparser2';

/** Elements that start and end a line of their own. */
const BLOCK_TAGS = new Set([
  'address',
  'blockquote',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figure',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

/** Elements whose text is not part of what the reader sees. */
const HIDDEN_TAGS = new Set(['head', 'noscript', 'script', 'style', 'template', 'title', 'xml']);

/** Paragraph-like elements, separated from what follows by an empty line as a reader would. */
const PARAGRAPH_TAGS = new Set(['blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'pre', 'table']);

/**
 * The text of an HTML body, for a message that sent no plain-text part: tags removed, entities
 * decoded, line breaks where the HTML breaks lines (br, paragraphs, list items, table rows),
 * runs of spaces collapsed except inside pre.
 */
export function htmlToText(html: string): string {
  // built in pieces, with line breaks requested and written before the next text, so that
  // nothing rescans what is already written (mail HTML can be megabytes of nested tables)
  const out: string[] = [];
  let written = false;
  let lineStart = true;
  let breaks = 0;
  let hidden = 0;
  let pre = 0;

  const requestBreak = (count: number) => {
    breaks = Math.max(breaks, count);
  };
  const write = (piece: string) => {
    if (breaks && written) out.push('\n'.repeat(breaks));
    if (breaks) lineStart = true;
    breaks = 0;
    out.push(piece);
    written = true;
    lineStart = piece.endsWith('\n');
  };

  const parser = new Parser(
    {
      onopentag(tag) {
        if (HIDDEN_TAGS.has(tag)) hidden++;
        if (hidden) return;
        if (tag === 'pre') pre++;
        if (tag === 'br') write('\n');
        else if (PARAGRAPH_TAGS.has(tag)) requestBreak(2);
        else if (BLOCK_TAGS.has(tag)) requestBreak(1);
        if (tag === 'li') {
          write('- ');
          lineStart = true;
        } else if ((tag === 'td' || tag === 'th') && !lineStart && !breaks) write('\t');
      },
      onclosetag(tag) {
        if (HIDDEN_TAGS.has(tag)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden) return;
        if (tag === 'pre') pre = Math.max(0, pre - 1);
        if (PARAGRAPH_TAGS.has(tag)) requestBreak(2);
        else if (BLOCK_TAGS.has(tag)) requestBreak(1);
      },
      ontext(data) {
        if (hidden) return;
        if (pre) {
          write(data);
          return;
        }
        let collapsed = data.replace(/[ \t\r\n\f]+/g, ' ');
        // a space at the start of a line is layout of the source, not of the message
        if (lineStart || breaks) collapsed = collapsed.replace(/^ /, '');
        if (collapsed) write(collapsed);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
