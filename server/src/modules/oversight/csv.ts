import { tokyoClock, type Language } from '@board/shared';
import type { FileContent } from '../../services/file-content.ts';

/**
 * CSV for Excel (RFC 4180): UTF-8 with a byte-order mark so Excel reads Japanese, CRLF line
 * ends, every cell quoted. A cell that starts like a formula (= + - @, tab, CR) gets a leading
 * apostrophe, so a title typed by anyone cannot run in the reader's spreadsheet.
 */
export type Cell = string | number | boolean | Date | null;

const bom = '\uFEFF';

function cellText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return tokyoTime(value);
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** `2026-07-18 10:05` in Tokyo time (UTC+9 all year), as Excel reads a date and time. */
export function tokyoTime(at: Date): string {
  return tokyoClock(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** A column: its heading in each language and how a row fills it. */
export interface CsvColumn<Row> {
  heading: Record<Language, string>;
  value: (row: Row) => Cell;
}

/** A column that shows one field of the row as it is. */
export function fieldColumn<Key extends string>(
  key: Key,
  heading: Record<Language, string>,
): CsvColumn<Record<Key, Cell>> {
  return { heading, value: (row) => row[key] };
}

export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[], language: Language): string {
  const lines = [
    columns.map((c) => quote(c.heading[language])),
    ...rows.map((row) => columns.map((c) => quote(cellText(c.value(row))))),
  ];
  return bom + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** A CSV download of the rows, saved as `fileName`. */
export function csvFile<Row>(
  fileName: string,
  columns: CsvColumn<Row>[],
  rows: Row[],
  language: Language,
): FileContent {
  return { type: 'text/csv; charset=utf-8', body: toCsv(columns, rows, language), fileName };
}

/** The file name of a download: `machi-udekiki-<what>-<Tokyo day>.csv`. */
export function csvFileName(what: string, now: Date): string {
  return `machi-udekiki-${what}-${tokyoTime(now).slice(0, 10)}.csv`;
}
