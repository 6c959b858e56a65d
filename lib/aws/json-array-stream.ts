/** An input over one of the caps that keep a hostile file from exhausting memory. */
export class InputLimitError extends Error {
  override name = "InputLimitError";
}

/**
 * Streams the object elements of one top-level array member (`{"Records":[{…},{…}]}`) out of a
 * chunked JSON text, holding only the current element in memory (a CloudTrail log file can be
 * 100 MB). It tracks nesting and strings, not the full grammar: each element goes through
 * JSON.parse, which validates it. An element (or a top-level key) longer than `maxElementChars`
 * throws InputLimitError as soon as it is, so one huge element is never held whole.
 */
export async function* streamJsonArrayMember(
  chunks: AsyncIterable<string>,
  member: string,
  opts: { maxElementChars: number },
): AsyncGenerator<unknown> {
  const { maxElementChars } = opts;
  const tooLong = (what: string) => new InputLimitError(`${what} longer than ${maxElementChars} characters (the limit for one element)`);
  let depth = 0;
  let inString = false;
  let escaped = false;
  // seeking: looking for `"<member>": [` at depth 1; inArray: inside it; after: it has closed.
  let mode: "seeking" | "inArray" | "after" = "seeking";
  let keyParts: string[] | null = null; // a depth-1 string being read while seeking
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let elementParts: string[] = [];
  let elementLength = 0;
  let keyLength = 0;
  let inElement = false;

  for await (const chunk of chunks) {
    let elementStart = inElement ? 0 : -1;
    let keyStart = keyParts ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === "\\") escaped = true;
        else if (ch === '"') {
          inString = false;
          if (keyParts) {
            keyParts.push(chunk.slice(keyStart, i));
            lastString = keyParts.join("");
            keyParts = null;
          }
        }
        continue;
      }
      const seekingTopLevel = mode === "seeking" && depth === 1;
      if (ch === '"') {
        inString = true;
        if (seekingTopLevel) {
          keyParts = [];
          keyLength = 0;
          keyStart = i + 1;
        }
      } else if (ch === ":") {
        if (seekingTopLevel) pendingKey = lastString;
      } else if (ch === ",") {
        if (seekingTopLevel) pendingKey = null;
      } else if (ch === "{" || ch === "[") {
        if (seekingTopLevel) {
          if (ch === "[" && pendingKey === member) mode = "inArray";
          pendingKey = null;
        } else if (mode === "inArray" && depth === 2) {
          inElement = true;
          elementLength = 0;
          elementStart = i;
        }
        depth++;
      } else if (ch === "}" || ch === "]") {
        depth--;
        if (mode === "inArray" && depth === 2 && inElement) {
          if (elementLength + (i + 1 - elementStart) > maxElementChars) throw tooLong(`"${member}" element`);
          elementParts.push(chunk.slice(elementStart, i + 1));
          const text = elementParts.join("");
          elementParts = [];
          elementLength = 0;
          inElement = false;
          yield JSON.parse(text);
        } else if (mode === "inArray" && depth === 1) {
          mode = "after";
        }
      }
    }
    if (inElement) {
      elementLength += chunk.length - elementStart;
      if (elementLength > maxElementChars) throw tooLong(`"${member}" element`);
      elementParts.push(chunk.slice(elementStart));
    }
    if (keyParts) {
      keyLength += chunk.length - keyStart;
      if (keyLength > maxElementChars) throw tooLong("top-level string");
      keyParts.push(chunk.slice(keyStart));
    }
  }
  if (mode === "inArray" || inString) throw new SyntaxError(`truncated JSON: "${member}" array not closed`);
}
