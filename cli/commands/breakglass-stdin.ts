/** More than any password (128) and secret key (40) with line ends: anything longer is not what we asked for. */
const MAX_STDIN_BYTES = 64 * 1024;

/** Which secrets `vigil breakglass add` reads from stdin, in this order, one per line. */
export type StdinSecretNames = { password: boolean; secretAccessKey: boolean };

/** All of stdin, refusing a terminal (the secret would be echoed) and anything oversized. */
export async function readStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY)
    throw new Error("the secret is read from stdin, not a terminal: pipe it in, e.g. `pass show aws/breakglass | vigil breakglass add …`");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin is longer than ${MAX_STDIN_BYTES} bytes; it should hold only the secret lines`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * stdin holds one secret per line, in this order: the console password (with --password-stdin),
 * then the secret access key (with --secret-access-key-stdin). Line ends (\n or \r\n) are not part
 * of a secret; a password spanning lines cannot be given this way. Messages never quote a line.
 */
export function parseStdinSecrets(text: string, wanted: StdinSecretNames): { password?: string; secretAccessKey?: string } {
  const names = [...(wanted.password ? ["password"] : []), ...(wanted.secretAccessKey ? ["secret access key"] : [])];
  const lines = text.split(/\r?\n/);
  // One final line end is usual (echo, a password manager); trailing blank lines are tolerated too.
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length !== names.length) {
    throw new Error(
      `stdin must hold ${names.length} line(s): ${names.join(", then ")}; it holds ${lines.length} non-blank-terminated line(s)`,
    );
  }
  const secrets: { password?: string; secretAccessKey?: string } = {};
  names.forEach((name, index) => {
    const line = lines[index]!;
    if (line === "") throw new Error(`line ${index + 1} of stdin (the ${name}) is empty`);
    if (name === "password") secrets.password = line;
    else secrets.secretAccessKey = line;
  });
  return secrets;
}
