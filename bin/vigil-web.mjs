#!/usr/bin/env node
// The web server process (`vigil serve`, `vigil demo`, e2e): Next.js behind Vigil's client-address
// resolution (cli/serve-next.ts), run through tsx like bin/vigil.mjs.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { runWebServer } = await import("../cli/serve-next.ts");
await runWebServer(process.argv.slice(2));
