import { toCollectionError } from "./aws-errors";
import type { CollectionError } from "./types";

export interface CallSite {
  accountId?: string;
  service: string;
  operation: string;
}

/**
 * The one place where collection failures are caught. A failed unit of work is recorded and yields
 * `undefined`; the caller marks its section as not (fully) collected and carries on.
 */
export class CollectionLog {
  readonly errors: CollectionError[] = [];

  async attempt<T>(where: CallSite, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      this.errors.push(toCollectionError(err, where));
      return undefined;
    }
  }

  countSince(mark: number): number {
    return this.errors.length - mark;
  }
}
