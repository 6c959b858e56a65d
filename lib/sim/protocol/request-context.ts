import type { Caller } from "../model/caller";
import type { AwsService } from "../model/common";
import type { SimState } from "../model/state";
import type { FormParams } from "./form-params";
import type { XmlValue } from "./xml";

export interface RequestContext {
  state: SimState;
  caller: Caller;
  service: AwsService;
  operation: string;
  /** Region from the SigV4 credential scope. */
  region: string;
  requestId: string;
  /** Wall clock for live behaviour (session expiry, new keys); history uses state.now. */
  clock: () => Date;
  sourceIp: string;
  userAgent: string;
  /** True when calls from this account are denied by fault injection. */
  isAccountDenied: (accountId: string) => boolean;
}

export type JsonInput = Record<string, unknown>;
export type JsonOutput = Record<string, unknown>;
export type JsonHandler = (ctx: RequestContext, input: JsonInput) => JsonOutput | Promise<JsonOutput>;
export type QueryResult = Record<string, XmlValue> | undefined;
export type QueryHandler = (ctx: RequestContext, params: FormParams) => QueryResult | Promise<QueryResult>;

/** JSON protocols carry timestamps as epoch seconds. */
export const epochSeconds = (date: Date): number => date.getTime() / 1000;
