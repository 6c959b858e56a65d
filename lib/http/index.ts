export { AppError, APP_ERROR_CODES, APP_ERROR_STATUS, isAppError, type AppErrorCode } from "./app-error";
export { toAppError, describeZodError } from "./to-app-error";
export { problemResponse, PROBLEM_CONTENT_TYPE } from "./problem-response";
export { isSameOriginRequest, isMutation } from "./same-origin";
export { withRoute, createRouteWrapper, type RouteContext, type RouteDeps, type RouteInput } from "./with-route";
