/**
 * Plain-text building blocks for the `--format text` reports: headings, aligned label/value
 * lines, wrapped paragraphs and tables. No colour codes, so the output reads the same in a
 * terminal, a file or a clinical note.
 */

/** Lines are wrapped to this width; terminals are at least 80 columns. */
export const WIDTH = 80;

export function heading(title: string, underline = '='): string[] {
  return [title, underline.repeat(Math.min(Math.max(title.length, 3), WIDTH))];
}

/** Word-wraps `text` to `width`, every line starting with `indent`. */
export function wrap(text: string, indent = '', width = WIDTH, firstIndent = indent): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = lines.length === 0 ? firstIndent : indent;
    let empty = true;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (!empty && line.length + 1 + word.length > width) {
        lines.push(line);
        line = indent + word;
      } else {
        line += (empty ? '' : ' ') + word;
      }
      empty = false;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * `label   value` lines with the values aligned; long values wrap under themselves.
 * Rows whose value is undefined are left out.
 */
export function keyValues(
  rows: readonly (readonly [string, string | undefined])[],
  indent = '',
): string[] {
  const shown = rows.filter((row): row is readonly [string, string] => row[1] !== undefined);
  const labelWidth = Math.max(0, ...shown.map(([label]) => label.length));
  const lines: string[] = [];
  for (const [label, value] of shown) {
    const first = `${indent}${label.padEnd(labelWidth)}  `;
    const rest = ' '.repeat(first.length);
    lines.push(...wrap(value, rest, WIDTH, first));
  }
  return lines;
}

export type Align = 'left' | 'right';

/** A table with a header row and a rule under it; columns padded to their widest cell. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  indent = '',
): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const formatRow = (cells: readonly string[]): string =>
    (
      indent +
      widths
        .map((width, column) => {
          const cell = cells[column] ?? '';
          return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
    ).trimEnd();
  return [
    formatRow(headers),
    indent + widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(formatRow),
  ];
}

/** Joins report lines into output text with a final newline. */
export function render(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/** `[S-ODI, S-LIC]` → `S-ODI, S-LIC`; an empty list reads as "none". */
export function list(items: readonly string[], none = 'none'): string {
  return items.length === 0 ? none : items.join(', ');
}

/** Rounds for display without trailing zeros: 35.5555 → "35.56", 4 → "4". */
export function formatNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}
