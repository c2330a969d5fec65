import type { RowError } from '@returnlens/shared/contracts';

/** A cell safe to open in a spreadsheet: quoted, and never starting a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A number is data, never a formula (a negative rate stays a number in the spreadsheet).
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per error: row number, field, value, message, and the original row. */
export function rejectedRowsCsv(
  rows: { rowNumber: number; raw: string; errors: RowError[] }[],
): string {
  const lines = ['row,field,value,message,original'];
  for (const row of rows) {
    for (const error of row.errors) {
      lines.push(
        [row.rowNumber, error.field, error.value, error.message, row.raw].map(csvCell).join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
