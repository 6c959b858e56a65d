/**
 * Streams the object elements of one top-level array member (`{"Records":[{…},{…}]}`) out of a
 * chunked JSON text, holding only the current element in memory (a CloudTrail log file can be
 * 100 MB). It tracks nesting and strings, not the full grammar: each element goes through
 * JSON.parse, which validates it.
 */
export async function* streamJsonArrayMember(chunks: AsyncIterable<string>, member: string): AsyncGenerator<unknown> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // seeking: looking for `"<member>": [` at depth 1; inArray: inside it; after: it has closed.
  let mode: "seeking" | "inArray" | "after" = "seeking";
  let keyParts: string[] | null = null; // a depth-1 string being read while seeking
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let elementParts: string[] = [];
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
          elementStart = i;
        }
        depth++;
      } else if (ch === "}" || ch === "]") {
        depth--;
        if (mode === "inArray" && depth === 2 && inElement) {
          elementParts.push(chunk.slice(elementStart, i + 1));
          const text = elementParts.join("");
          elementParts = [];
          inElement = false;
          yield JSON.parse(text);
        } else if (mode === "inArray" && depth === 1) {
          mode = "after";
        }
      }
    }
    if (inElement) elementParts.push(chunk.slice(elementStart));
    if (keyParts) keyParts.push(chunk.slice(keyStart));
  }
  if (mode === "inArray" || inString) throw new SyntaxError(`truncated JSON: "${member}" array not closed`);
}
