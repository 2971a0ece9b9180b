import { describe, expect, it } from 'vitest';
import {
  CsvError,
  decodeCsv,
  detectSeparator,
  parseRecords,
  readCsv,
  writeCsv,
} from '../../web/src/features/admin/import/csv.ts';

/** The web app's CSV reader (the import page): files as Excel and other spreadsheets save them. */
describe('CSV files for the import', () => {
  it('reads a semicolon file as Excel in Italy saves it, with a byte order mark and CRLF', () => {
    const text =
      '\uFEFFcustomerKey;name;city\r\n0123456;Comune di Pianfiorito;Pianfiorito\r\n0123457;"Unione; Comuni";Forlì\r\n';
    expect(readCsv(text)).toEqual({
      separator: ';',
      header: ['customerKey', 'name', 'city'],
      rows: [
        { line: 2, values: { customerKey: '0123456', name: 'Comune di Pianfiorito', city: 'Pianfiorito' } },
        { line: 3, values: { customerKey: '0123457', name: 'Unione; Comuni', city: 'Forlì' } },
      ],
    });
  });

  it('reads a comma file with quoted fields, doubled quotes and line breaks, counting lines as the file does', () => {
    const text = 'login,comments,email\n"mrossi","Dice ""urgente""\nsempre",m@x.it\n\nlbianchi,,l@x.it';
    const file = readCsv(text);
    expect(file.separator).toBe(',');
    expect(file.rows).toEqual([
      { line: 2, values: { login: 'mrossi', comments: 'Dice "urgente"\nsempre', email: 'm@x.it' } },
      // the blank line 4 is skipped; the row after it keeps its own line number
      { line: 5, values: { login: 'lbianchi', comments: '', email: 'l@x.it' } },
    ]);
  });

  it("decodes UTF-8, and a file that is not UTF-8 as Excel's plain CSV on Windows (Windows-1252)", () => {
    const utf8 = new TextEncoder().encode('\uFEFFcity\r\nForlì\r\n');
    expect(readCsv(decodeCsv(utf8)).rows).toEqual([{ line: 2, values: { city: 'Forlì' } }]);
    // accented letters only: Node decodes windows-1252 as Latin-1 (0x80 is not € there, as it is in browsers)
    const windows = new Uint8Array([
      ...Buffer.from('city;note\r\nForl', 'latin1'),
      0xec,
      0x3b,
      0x63,
      0x69,
      0x74,
      0x74,
      0xe0,
    ]);
    expect(readCsv(decodeCsv(windows)).rows).toEqual([{ line: 2, values: { city: 'Forlì', note: 'città' } }]);
  });

  it('takes the separator the header uses most, outside quotes', () => {
    expect(detectSeparator('"a;b",c,d\n1;2;3;4')).toBe(',');
    expect(detectSeparator('a;b;"c,d,e"')).toBe(';');
    expect(detectSeparator('name\nx')).toBe(',');
  });

  it('keeps rows shorter than the header, and trailing empty cells a spreadsheet adds', () => {
    const file = readCsv('name;city;\r\nComune;;\r\nAltro\r\n');
    expect(file.header).toEqual(['name', 'city']);
    expect(file.rows).toEqual([
      { line: 2, values: { name: 'Comune', city: '' } },
      { line: 3, values: { name: 'Altro' } },
    ]);
    expect(parseRecords('a,b\r"",\r', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['', ''] },
    ]);
  });

  it('names the problem and the line of a file it cannot read', () => {
    const problem = (text: string) => {
      try {
        readCsv(text);
      } catch (error) {
        if (error instanceof CsvError) return { problem: error.problem, line: error.line };
        throw error;
      }
      return undefined;
    };
    expect(problem('')).toEqual({ problem: 'empty', line: 1 });
    expect(problem('\uFEFF\r\n\r\n')).toEqual({ problem: 'empty', line: 1 });
    expect(problem('name;city\nA;B\n"C;D\nE;F')).toEqual({ problem: 'unclosedQuote', line: 3 });
    expect(problem('name;city\nA;B;C')).toEqual({ problem: 'tooManyCells', line: 2 });
    expect(problem('name;;city\nA;x;B')).toEqual({ problem: 'unnamedColumn', line: 2 });
    expect(problem('name;name\nA;B')).toEqual({ problem: 'sameColumn', line: 1 });
  });

  it('writes cells with separators, quotes and line breaks in quotes, and reads them back the same', () => {
    const rows = [
      ['Riga', 'Campo', 'Messaggio'],
      ['3', 'email', '"x" non è un indirizzo email'],
      ['4', 'name', 'a;b,c\nd'],
    ];
    const text = writeCsv(rows, ';');
    expect(text.split('\r\n')[1]).toBe('3;email;"""x"" non è un indirizzo email"');
    expect(readCsv(text).rows.map((row) => Object.values(row.values))).toEqual(rows.slice(1));
  });
});
