const PLACEHOLDER = /\{\{([a-zA-Z]+)((?::[^:}]+)*)\}\}/g;

export type PlaceholderResolver = (kind: string, args: string[]) => string | undefined;

/** Replaces `{{kind:arg:arg}}` placeholders; an unresolvable one is a scenario bug and throws. */
export function resolvePlaceholders(text: string, resolve: PlaceholderResolver): string {
  return text.replace(PLACEHOLDER, (whole, kind: string, rawArgs: string) => {
    const args = rawArgs === "" ? [] : rawArgs.slice(1).split(":");
    const value = resolve(kind, args);
    if (value === undefined) throw new Error(`scenario placeholder ${whole} cannot be resolved`);
    return value;
  });
}

/** Policies in specs may be objects or text; text is kept verbatim, as IAM keeps the author's. */
export const policyText = (policy: string | Record<string, unknown>): string =>
  typeof policy === "string" ? policy : JSON.stringify(policy);
