import { isAwsFailure, toCollectionError } from "./aws-errors";
import type { CollectionError } from "./types";

export interface CallSite {
  accountId?: string;
  service: string;
  operation: string;
}

/**
 * The one place where collection failures are caught. A unit of work that AWS failed is recorded
 * and yields `undefined`; the caller marks its section as not (fully) collected and carries on.
 * Any other error is a bug (or an abort) and is rethrown: it must not pass for a coverage gap.
 */
export class CollectionLog {
  readonly errors: CollectionError[] = [];

  constructor(private readonly parent?: CollectionLog) {}

  /** A log whose errors also land in this one; lets a section tell whether *its* calls failed. */
  fork(): CollectionLog {
    return new CollectionLog(this);
  }

  record(error: CollectionError): void {
    this.errors.push(error);
    this.parent?.record(error);
  }

  async attempt<T>(where: CallSite, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      if (!isAwsFailure(err)) throw err;
      this.record(toCollectionError(err, where));
      return undefined;
    }
  }
}
