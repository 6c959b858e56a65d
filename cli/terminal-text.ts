/** Names and values come from AWS: control characters become `?` so a hostile name cannot drive the terminal. */
export function terminalSafe(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? "?" : ch;
    })
    .join("");
}

/** A column: its header, how to read a row's cell, and the widest it may grow (longer cells end in `…`). */
export type TableColumn<R> = [header: string, cell: (row: R) => string, maxWidth: number];

/** Rows as aligned, terminal-safe text columns, header first. */
export function textTable<R>(columns: ReadonlyArray<TableColumn<R>>, rows: readonly R[]): string {
  const cells = rows.map((row) => columns.map(([, cell]) => terminalSafe(cell(row))));
  const widths = columns.map(([header, , maxWidth], i) =>
    Math.min(Math.max(header.length, ...cells.map((c) => c[i]?.length ?? 0)), maxWidth),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const width = widths[i] ?? 0;
        return v.length > width ? `${v.slice(0, Math.max(width - 1, 0))}…` : v.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return `${[line(columns.map(([header]) => header)), ...cells.map(line)].join("\n")}\n`;
}
