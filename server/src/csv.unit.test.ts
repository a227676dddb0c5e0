import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument, csvLine } from './csv.ts';

/** A small RFC 4180 reader, to check that what the writer writes reads back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return records;
}

describe('csv cells', () => {
  it('leaves plain text, numbers and booleans as they are, and null as an empty cell', () => {
    expect(csvCell('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('2026-03-01T09:30:00.000Z')).toBe('2026-03-01T09:30:00.000Z');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvCell('the "Countess"')).toBe('"the ""Countess"""');
    expect(csvCell('12 St James Square\nLondon')).toBe('"12 St James Square\nLondon"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","click")')).toBe('"\'=HYPERLINK(""http://evil.test"",""click"")"');
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('reads back every text cell as written (with the guard quote where one was added)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const text = rows.map((row) => csvLine(row)).join('');
        const guarded = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell)));
        expect(parseCsv(text)).toEqual(guarded);
      }),
    );
  });
});

describe('csv documents', () => {
  it('starts with the byte order mark and the header row, and ends every record with CRLF', () => {
    const text = csvDocument(['id', 'name'], [['1', 'Ada'], ['2', 'Grace, Hopper']]);
    expect(text).toBe(`${CSV_BOM}id,name\r\n1,Ada\r\n2,"Grace, Hopper"\r\n`);
  });

  it('is only the header when there are no rows', () => {
    expect(csvDocument(['id'], [])).toBe(`${CSV_BOM}id\r\n`);
  });
});
