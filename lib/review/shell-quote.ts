/** A POSIX-shell word: bare when it is plainly safe, otherwise single-quoted (a `'` becomes `'\''`). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value) && !value.startsWith("-")) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `--flag value`; `--flag=value` when the value starts with `-`, so the CLI cannot read it as a flag. */
export function shellArg(flag: string, value: string): string {
  return value.startsWith("-") ? `${flag}=${shellQuote(value)}` : `${flag} ${shellQuote(value)}`;
}

/** A one-line `#` comment: control characters (a newline would end the comment) become spaces. */
export function shellComment(text: string): string {
  return `# ${text.replace(/\p{Cc}+/gu, " ")}`;
}

/** An HCL string literal: JSON escapes, plus `${` and `%{` so a name cannot become an interpolation. */
export function hclString(value: string): string {
  // A function replacement: in a replacement string, `$$` would itself mean one `$`.
  return JSON.stringify(value).replace(/([$%])\{/g, (_match, sign: string) => `${sign}${sign}{`);
}
