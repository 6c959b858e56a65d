import type { GraphNote } from "./types";

/** Notes said once: the same code for the same resource is kept only the first time. */
export class GraphNotes {
  readonly list: GraphNote[] = [];
  private readonly seen = new Set<string>();

  add(note: GraphNote): void {
    const key = `${note.code}|${note.accountId ?? ""}|${note.resourceArn ?? ""}|${note.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(note);
  }
}
