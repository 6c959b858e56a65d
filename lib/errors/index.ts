/** lib/errors: the one error type with its HTTP status table, and the mapping of every other error onto it. */
export { AppError, APP_ERROR_CODES, APP_ERROR_STATUS, DomainError, isAppError, type AppErrorCode, type AppErrorOptions } from "./app-error";
export { toAppError } from "./to-app-error";
export { zodIssueLines } from "./zod-issue-lines";
