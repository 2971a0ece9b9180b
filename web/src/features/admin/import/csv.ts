/**
 * CSV files as spreadsheets save them: comma or semicolon separated (Excel in Italy writes ';'),
 * fields in double quotes with "" for a quote and line breaks inside, CRLF or LF, UTF-8 with or
 * without a byte order mark (or Windows-1252, see decodeCsv).
 */

export type Separator = ',' | ';';

/** One row of the file, by column name, with the line of the file it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  separator: Separator;
  header: string[];
  rows: CsvRow[];
}

export type CsvProblem = 'empty' | 'unclosedQuote' | 'tooManyCells' | 'unnamedColumn' | 'sameColumn';

/** A file that cannot be read as a table; `line` is where the reading stopped. */
export class CsvError extends Error {
  constructor(
    readonly problem: CsvProblem,
    readonly line: number,
  ) {
    super(`${problem} at line ${line}`);
  }
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/** The separator the header line uses most, outside quotes; a header of one column is taken as ','. */
export function detectSeparator(text: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The records of the text, each with its cells and first line; blank lines are skipped. */
export function parseRecords(text: string, separator: Separator): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  // a cell written in quotes, so that "" on a line of its own is a value and not a blank line
  let wasQuoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cell !== '' || wasQuoted) records.push({ line: start, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) throw new CsvError('unclosedQuote', start);
  endRecord();
  return records;
}

/**
 * The text of a file's bytes: UTF-8 (a byte order mark dropped), or, when the bytes are not valid
 * UTF-8, Windows-1252, which Excel's plain "CSV" format writes on Italian Windows.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The file as a header and rows of named values: what the import sends, chunk by chunk. */
export function readCsv(content: string): CsvFile {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const separator = detectSeparator(text);
  const [head, ...body] = parseRecords(text, separator);
  if (!head) throw new CsvError('empty', 1);
  const header = head.cells.map((name) => name.trim());
  header.forEach((name, index) => {
    if (name !== '' && header.indexOf(name) !== index) throw new CsvError('sameColumn', head.line);
  });
  const rows = body.map(({ line, cells }) => {
    const values: Record<string, string> = {};
    cells.forEach((value, index) => {
      const name = header[index];
      // a spreadsheet ends lines with separators for columns it left empty
      if (name === undefined) {
        if (value.trim() !== '') throw new CsvError('tooManyCells', line);
      } else if (name === '') {
        if (value.trim() !== '') throw new CsvError('unnamedColumn', line);
      } else values[name] = value;
    });
    return { line, values };
  });
  return { separator, header: header.filter((name) => name !== ''), rows };
}

/** Text for a CSV cell: quoted when it holds a separator, a quote or a line break. */
function csvCell(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV file from a header and rows, lines ended by CRLF as spreadsheets expect. */
export function writeCsv(rows: readonly (readonly string[])[], separator: Separator): string {
  return rows.map((cells) => cells.map(csvCell).join(separator)).join('\r\n');
}
