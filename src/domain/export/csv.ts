/** A cell of a CSV file: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ (or a tab or return) is run as a formula by Excel and LibreOffice: text that a
  // partner typed must stay text in whoever opens the file.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file with a header line, CRLF line ends (RFC 4180) and a byte-order mark, so Excel reads UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) => cells.map((c) => csvCell(c as string)).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}`;
}
