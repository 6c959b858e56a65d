import type { Rng } from "../../random/prng";
import type { ClientInfo } from "../../cloudtrail/build-events";

const BROWSERS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:132.0) Gecko/20100101 Firefox/132.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
];

const CLI_AGENT =
  "aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off";

export const CI_AGENT = "aws-sdk-go-v2/1.32.6 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 api/sts#1.33.2 m/E";

/** A person's stable office/VPN address and browser, so their events look like one human. */
export interface PersonClients {
  browser: ClientInfo;
  cli: ClientInfo;
}

export function personClients(rng: Rng): PersonClients {
  const ip = rng.chance(0.7) ? `203.0.113.${rng.int(10, 250)}` : `198.51.100.${rng.int(10, 250)}`;
  return { browser: { sourceIp: ip, userAgent: rng.pick(BROWSERS) }, cli: { sourceIp: ip, userAgent: CLI_AGENT } };
}

/** The console and AWS services themselves call on a user's behalf from these. */
export const CONSOLE_AGENT = "AWS Internal";
