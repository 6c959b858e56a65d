/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would read as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return) gets a leading `'`, so opening an export never runs what an
 * attacker put in a tag, a role name or a policy (OWASP CSV injection). Objects are written as JSON.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
