/**
 * Per-account data that is built on first use. The scale scenario has thousands of accounts with
 * ~60 roles each; building them all up front would blow the start-up budget, so each account is
 * materialised the first time anything asks for it and kept from then on.
 */
export class AccountStore<T> {
  private readonly built = new Map<string, T>();

  constructor(
    private readonly knows: (accountId: string) => boolean,
    private readonly build: (accountId: string) => T,
  ) {}

  /** The account's data, or undefined if the account is not part of the organization. */
  get(accountId: string): T | undefined {
    const existing = this.built.get(accountId);
    if (existing !== undefined) return existing;
    if (!this.knows(accountId)) return undefined;
    const made = this.build(accountId);
    this.built.set(accountId, made);
    return made;
  }

  getOrThrow(accountId: string): T {
    const found = this.get(accountId);
    if (found === undefined) throw new Error(`unknown account ${accountId}`);
    return found;
  }

  /** Accounts built so far, without forcing the rest. */
  get materializedCount(): number {
    return this.built.size;
  }

  materialized(): IterableIterator<[string, T]> {
    return this.built.entries();
  }

  set(accountId: string, value: T): void {
    this.built.set(accountId, value);
  }
}
