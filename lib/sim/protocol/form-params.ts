/** Decoded awsQuery form body with helpers for its flattened list encoding. */
export class FormParams {
  private readonly values: Map<string, string>;

  constructor(body: string) {
    this.values = new Map(new URLSearchParams(body).entries());
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** `Name.member.1`, `Name.member.2`, … until the first gap. */
  list(name: string): string[] {
    const out: string[] = [];
    for (let i = 1; ; i++) {
      const value = this.values.get(`${name}.member.${i}`);
      if (value === undefined) return out;
      out.push(value);
    }
  }

  /** `Name.member.N.Field` structures. */
  structList(name: string, fields: string[]): Array<Record<string, string | undefined>> {
    const out: Array<Record<string, string | undefined>> = [];
    for (let i = 1; ; i++) {
      const item: Record<string, string | undefined> = {};
      let isPresent = false;
      for (const field of fields) {
        const value = this.values.get(`${name}.member.${i}.${field}`);
        if (value !== undefined) isPresent = true;
        item[field] = value;
      }
      if (!isPresent) return out;
      out.push(item);
    }
  }

  int(name: string): number | undefined {
    const raw = this.values.get(name);
    if (raw === undefined) return undefined;
    const parsed = Number(raw);
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }

  bool(name: string): boolean | undefined {
    const raw = this.values.get(name);
    return raw === undefined ? undefined : raw.toLowerCase() === "true";
  }
}
