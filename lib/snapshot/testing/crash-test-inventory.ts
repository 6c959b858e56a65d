/** The organization the crash-recovery test and its child process share. */
export const CRASH_TEST_ACCOUNTS: Record<string, string[]> = {
  "222222222222": ["app", "deploy", "audit"],
  "333333333333": ["app", "data"],
};
