import { AwsResponseError } from "./aws-response-error";

/**
 * The shared paginator. A collector declares what to call and how to read a page; this file owns
 * the token loop. Two token styles exist among the APIs Vigil reads:
 *  - NextToken in, NextToken out (JSON services);
 *  - Marker in, Marker + IsTruncated out (IAM). The SDK's own IAM paginator ignores IsTruncated;
 *    we honour it and also stop on a repeated token so a faulty endpoint cannot loop us forever.
 */

/** An SDK v3 command instance: its input and (via the middleware handler) its output type. */
export interface AnyCommand {
  readonly input: object;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches the SDK's own `options: any`
  resolveMiddleware(stack: any, configuration: any, options: any): (args: any) => Promise<{ output: object }>;
}
export type CommandInput<C> = C extends { readonly input: infer I } ? I : never;
export type CommandOutput<C> = C extends { resolveMiddleware(...args: never[]): (args: never) => Promise<{ output: infer O }> } ? O : never;

type StringKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends string ? K : never }[keyof T];
type BooleanKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends boolean ? K : never }[keyof T];

export interface PagedCall<Cmd extends AnyCommand, Item> {
  /** any SDK v3 client; NoInfer keeps the command type from being widened to the client's union */
  client: { send(command: NoInfer<Cmd>): Promise<NoInfer<CommandOutput<Cmd>>> };
  command: new (input: CommandInput<Cmd>) => Cmd;
  input: NoInfer<CommandInput<Cmd>>;
  /** the page's items (the "result key"); return [page] to treat each page as one item */
  items: (page: CommandOutput<Cmd>) => readonly Item[] | undefined;
  tokens: {
    input: StringKeys<CommandInput<Cmd>>;
    output: StringKeys<CommandOutput<Cmd>>;
    /** IAM-style `IsTruncated` */
    more?: BooleanKeys<CommandOutput<Cmd>>;
  };
  /** safety stop; an org with more pages than this is misconfigured or looping */
  maxPages?: number;
}

export class PaginationLoopError extends AwsResponseError {
  constructor(readonly token: string) {
    super(`pagination returned the same token twice (${token.slice(0, 40)}…)`);
    this.name = "PaginationLoopError";
  }
}

export async function* paginate<Cmd extends AnyCommand, Item>(call: PagedCall<Cmd, Item>): AsyncGenerator<Item> {
  const maxPages = call.maxPages ?? 10_000;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const input = token === undefined ? call.input : { ...call.input, [call.tokens.input]: token };
    const output = await call.client.send(new call.command(input as CommandInput<Cmd>));
    yield* call.items(output) ?? [];

    const next: unknown = output[call.tokens.output];
    const more = call.tokens.more === undefined ? true : output[call.tokens.more] === true;
    if (!more || typeof next !== "string" || next === "") return;
    if (next === token) throw new PaginationLoopError(next);
    token = next;
  }
  throw new AwsResponseError(`pagination stopped after ${maxPages} pages`);
}

export async function collectAll<Cmd extends AnyCommand, Item>(call: PagedCall<Cmd, Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of paginate(call)) all.push(item);
  return all;
}

/** Common token declarations. */
export const NEXT_TOKEN = { input: "NextToken", output: "NextToken" } as const;
export const MARKER = { input: "Marker", output: "Marker", more: "IsTruncated" } as const;
