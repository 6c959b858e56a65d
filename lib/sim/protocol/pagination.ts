import { createHash } from "node:crypto";
import type { AwsError } from "./aws-error";

interface TokenBody {
  o: number;
  f: string;
}

/** A stable short digest of the parameters a token was issued for. */
export function fingerprint(parts: unknown): string {
  return createHash("sha1").update(JSON.stringify(parts)).digest("base64url").slice(0, 12);
}

export function encodeToken(offset: number, print: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: print } satisfies TokenBody)).toString("base64");
}

function decodeToken(token: string, print: string): number | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as Partial<TokenBody>;
    if (typeof body.o !== "number" || !Number.isInteger(body.o) || body.o < 0) return undefined;
    // AWS refuses a token replayed with different parameters.
    if (body.f !== print) return undefined;
    return body.o;
  } catch {
    return undefined;
  }
}

export interface PageRequest {
  token: string | undefined;
  limit: number;
  /** Identifies the listing (operation + filters) so tokens cannot be reused elsewhere. */
  print: string;
  invalidToken: () => AwsError;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Offset pagination with opaque tokens; the last page carries no token. */
export function paginate<T>(all: readonly T[], request: PageRequest): Page<T> {
  let offset = 0;
  if (request.token !== undefined) {
    const decoded = decodeToken(request.token, request.print);
    if (decoded === undefined) throw request.invalidToken();
    offset = decoded;
  }
  const end = offset + request.limit;
  const items = all.slice(offset, end);
  return end < all.length ? { items, nextToken: encodeToken(end, request.print) } : { items };
}
