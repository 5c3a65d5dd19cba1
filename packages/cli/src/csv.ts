/**
 * A small RFC 4180 reader and writer: comma-separated, fields optionally in double quotes,
 * `""` for a quote inside a quoted field, quoted fields may hold commas and line breaks,
 * records end with CRLF or LF. A quote inside an unquoted field is kept as text.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let pos = 0;
  // True once anything (even an empty field before a comma) belongs to the current record.
  let inRecord = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
    inRecord = false;
  };

  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (!inRecord) {
      recordLine = line;
      inRecord = true;
    }
    if (ch === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const startLine = line;
      pos++;
      for (;;) {
        if (pos >= text.length) {
          throw new CsvSyntaxError(startLine, 'a quoted field is not closed');
        }
        const q = text.charAt(pos);
        if (q === '"') {
          if (text.charAt(pos + 1) === '"') {
            field += '"';
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        pos++;
      }
      const after = text.charAt(pos);
      if (after !== ',' && after !== '\n' && after !== '\r' && after !== '') {
        throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      }
      continue;
    }
    if (ch === ',') {
      endField();
      pos++;
    } else if (ch === '\r' && text.charAt(pos + 1) === '\n') {
      endRecord();
      pos += 2;
      line++;
    } else if (ch === '\n') {
      endRecord();
      pos++;
      line++;
    } else {
      field += ch;
      pos++;
    }
  }
  if (inRecord) endRecord();
  return records;
}

/** Quotes a field only when it must be quoted. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Records end with LF, not RFC 4180's CRLF: the output is mostly read in terminals and piped
 * to Unix tools, and every CSV reader (this one included) accepts both.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',') + '\n').join('');
}
