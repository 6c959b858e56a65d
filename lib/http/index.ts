export { problemResponse, PROBLEM_CONTENT_TYPE } from "./problem-response";
export { isSameOriginRequest, isMutation } from "./same-origin";
export { withRoute, createRouteWrapper, type RouteContext, type RouteDeps, type RouteInput } from "./with-route";
