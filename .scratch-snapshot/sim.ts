import { startSimServer } from "../lib/sim";
const sim = await startSimServer({ scenario: "demo", port: 0 });
process.stdout.write(`${sim.url}\n`);
await new Promise(() => {});
