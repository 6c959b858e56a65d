export { APP_ROOT, ensureNextBuild, hasNextBuild, startNextServer, waitUntilServing, WEB_SERVER_BIN, type NextServer } from "./next-app";
export { createClientAddressServer, stampClientAddress } from "./client-address-server";
