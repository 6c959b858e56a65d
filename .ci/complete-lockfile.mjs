// npm records an optional dependency in package-lock.json only when the registry it resolved
// against serves that package. The registry these machines reach serves only some platforms'
// binaries (e.g. no @next/swc-darwin-*), so the lock it writes lacks the others, and `npm ci`
// then refuses the lock as out of sync. This adds the missing optional entries — marked optional
// and, where the name says so, limited to their os/cpu/libc — so `npm ci` skips them on platforms
// they do not fit. Idempotent; run after any `npm install` that rewrote the lock.
import { readFileSync, writeFileSync } from "node:fs";

const LOCKFILE = new URL("../package-lock.json", import.meta.url);
const OS = ["darwin", "linux", "win32", "freebsd", "openbsd", "netbsd", "android", "sunos", "aix", "openharmony"];
const CPU = ["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32"];

const lock = JSON.parse(readFileSync(LOCKFILE, "utf8"));
const packages = lock.packages;
let added = 0;

function isInstalledFrom(parentPath, name) {
  for (let path = parentPath; ;) {
    if (packages[`${path ? `${path}/` : ""}node_modules/${name}`]) return true;
    if (!path) return false;
    const cut = path.lastIndexOf("/node_modules/");
    path = cut === -1 ? "" : path.slice(0, cut);
  }
}

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = OS.filter((token) => tokens.includes(token));
  const cpu = CPU.filter((token) => tokens.includes(token) || tokens.includes(`${token}eabihf`) || tokens.includes(`${token}eabi`));
  const libc = tokens.some((token) => token.startsWith("musl"))
    ? ["musl"]
    : os.includes("linux") && tokens.some((token) => token.startsWith("gnu"))
      ? ["glibc"]
      : [];
  return { ...(os.length ? { os } : {}), ...(cpu.length ? { cpu } : {}), ...(libc.length ? { libc } : {}) };
}

// npm writes an entry's keys as version, resolved, integrity, then the rest alphabetically; the
// same order here means a later plain `npm install` leaves the lock byte-for-byte unchanged.
function inNpmKeyOrder(entry) {
  const { version, ...rest } = entry;
  return { version, ...Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))) };
}

for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (isInstalledFrom(path, name)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`complete-lockfile: ${name}@${spec} (optional, from ${path || "root"}) is not pinned; left out`);
      continue;
    }
    const hoisted = `node_modules/${name}`;
    const location = packages[hoisted] ? `${path}/node_modules/${name}` : hoisted;
    packages[location] = inNpmKeyOrder({ version: spec, optional: true, ...platformOf(name) });
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} optional platform package(s) added`);
