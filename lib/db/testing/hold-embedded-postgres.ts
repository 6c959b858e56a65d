/**
 * Test child: uses the embedded Postgres under argv[2] like any Vigil process would, reports its
 * URL and whether it started the cluster, and on SIGTERM stops it as `vigil demo` does at exit.
 */
import { startEmbeddedPostgres } from "../embedded-postgres";

const database = await startEmbeddedPostgres(process.argv[2] ?? ".vigil-test-child");
process.send?.({ url: database.url, isOwner: database.isOwner });
process.on("SIGTERM", () => {
  void database.stop().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
