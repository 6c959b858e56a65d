#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx vigil …` needs no build step.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { runCli } = await import("../cli/main.ts");
await runCli(process.argv);
