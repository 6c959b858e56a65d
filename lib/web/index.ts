export { APP_ROOT, ensureNextBuild, hasNextBuild, startNextServer, waitUntilServing, type NextServer } from "./next-app";
