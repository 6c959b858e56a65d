/** Minimal awsQuery XML writer: objects become elements, arrays become `<member>` lists. */
export type XmlValue = string | number | boolean | Date | undefined | null | XmlValue[] | XmlMap | { [key: string]: XmlValue };

/** An awsQuery map (`<entry><key/><value/></entry>`), e.g. GetAccountSummary's SummaryMap. */
export class XmlMap {
  constructor(readonly entries: ReadonlyArray<readonly [string, XmlValue]>) {}
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);

/** IAM returns whole-second UTC timestamps. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function write(name: string, value: XmlValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`<${name}/>`);
      return;
    }
    out.push(`<${name}>`);
    for (const item of value) write("member", item, out);
    out.push(`</${name}>`);
    return;
  }
  if (value instanceof XmlMap) {
    out.push(`<${name}>`);
    for (const [key, child] of value.entries) {
      out.push(`<entry><key>${escapeXml(key)}</key>`);
      write("value", child, out);
      out.push("</entry>");
    }
    out.push(`</${name}>`);
    return;
  }
  if (value instanceof Date) {
    out.push(`<${name}>${isoSeconds(value)}</${name}>`);
    return;
  }
  if (typeof value === "object") {
    out.push(`<${name}>`);
    for (const [key, child] of Object.entries(value)) write(key, child, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
}

export function queryResponseXml(
  operation: string,
  namespace: string,
  result: Record<string, XmlValue> | undefined,
  requestId: string,
): string {
  const out: string[] = [`<${operation}Response xmlns="${namespace}">`];
  if (result !== undefined) write(`${operation}Result`, result, out);
  out.push(`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`);
  out.push(`</${operation}Response>`);
  return out.join("");
}

export function queryErrorXml(
  namespace: string,
  error: { type: "Sender" | "Receiver"; code: string; message: string },
  requestId: string,
): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
