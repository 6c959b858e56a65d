/** Readable JSON paths: `trustPolicy.Statement[Sid=Admins].Principal.AWS`, `tags["team name"]`, `accessKeys[0]`. */
export function childPath(parent: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$:-]*$/.test(key) ? key : JSON.stringify(key);
  if (segment.startsWith('"')) return `${parent}[${segment}]`;
  return parent ? `${parent}.${segment}` : segment;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** An array element found by an identity field rather than its position. */
export function keyedPath(parent: string, field: string, value: string): string {
  return `${parent}[${field}=${value}]`;
}
