import { BlockList, isIP } from "node:net";

/**
 * The request header that carries the client address Vigil's web server resolved from the socket
 * (lib/web). The server removes any copy a client sent, so everything behind it (rate limits, the
 * sign-in throttle, the audit trail) can believe it.
 */
export const CLIENT_ADDRESS_HEADER = "x-vigil-client-ip";

/** Proxies in front of Vigil whose X-Forwarded-For entries are believed (VIGIL_TRUSTED_PROXIES). */
export type TrustedProxies = { readonly list: BlockList; readonly isEmpty: boolean };

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * One address in canonical form: IPv4-mapped IPv6 as IPv4, IPv6 lower-cased without a zone, a
 * port (`1.2.3.4:5678`, `[::1]:80`, as some proxies write them) dropped. Null if not an address.
 */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  value = BRACKETED_IPV6.exec(value)?.[1] ?? IPV4_WITH_PORT.exec(value)?.[1] ?? value;
  const zone = value.indexOf("%");
  if (zone > 0) value = value.slice(0, zone);
  value = IPV4_MAPPED.exec(value)?.[1] ?? value;
  switch (isIP(value)) {
    case 4:
      return value;
    case 6:
      return value.toLowerCase();
    default:
      return null;
  }
}

/** Parses IPs and CIDR ranges (IPv4, IPv6, IPv4-mapped IPv6); throws naming the first bad entry. */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const entry of entries.map((value) => value.trim()).filter(Boolean)) {
    const [addressPart = "", prefixPart, ...rest] = entry.split("/");
    const address = normalizeAddress(addressPart);
    const family = address ? (isIP(address) === 4 ? "ipv4" : "ipv6") : null;
    const wasMapped = IPV4_MAPPED.test(addressPart.trim());
    const maxPrefix = family === "ipv4" ? 32 : 128;
    let prefix = prefixPart === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixPart) ? Number(prefixPart) : NaN;
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8 once the address is read as IPv4.
    if (wasMapped && prefixPart !== undefined) prefix -= 96;
    if (!address || !family || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family);
    count += 1;
  }
  return { list, isEmpty: count === 0 };
}

export function isTrustedProxy(address: string, proxies: TrustedProxies): boolean {
  if (proxies.isEmpty) return false;
  return proxies.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export type ClientAddressInput = {
  /** The TCP peer (`req.socket.remoteAddress`): the only thing a client cannot forge. */
  peer: string | undefined | null;
  /** X-Forwarded-For as received; Node joins repeated headers with ", ". */
  forwardedFor: string | undefined | null;
  proxies: TrustedProxies;
};

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then X-Forwarded-For
 * is read hop by hop from the right, each hop believed only while the one that appended it is
 * trusted. Entries left of the first untrusted hop were written by the client and are ignored, so a
 * forged header can never choose the address. Null only when the peer itself is unknown.
 */
export function resolveClientAddress(input: ClientAddressInput): string | null {
  let client = input.peer ? normalizeAddress(input.peer) : null;
  if (!client) return null;
  const hops = (input.forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isTrustedProxy(client, input.proxies) && hops.length > 0) {
    const hop = normalizeAddress(hops.pop()!);
    // A trusted proxy relayed something that is not an address: stop at that proxy.
    if (!hop) break;
    client = hop;
  }
  return client;
}

/**
 * The address a sign-in throttle is kept for: IPv4 as is, IPv6 by its /64 (one customer's whole
 * allocation, which a single attacker can rotate through freely).
 */
export function throttleAddressOf(address: string | null): string {
  if (!address) return "unknown";
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}
