export { childLogger, createLogger, logger, type Logger } from "./logger";
export { maskUrlCredentials } from "./redaction";
