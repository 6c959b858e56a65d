import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, type TrustedProxies } from "../client-address";

/**
 * Replaces whatever a client sent as CLIENT_ADDRESS_HEADER with the address resolved from the
 * socket (and trusted proxies only), before any handler sees the request. Without a resolvable
 * peer the header is left absent, never guessed.
 */
export function stampClientAddress(req: IncomingMessage, proxies: TrustedProxies): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  const address = resolveClientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    proxies,
  });
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const raw: string[] = [];
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    if (req.rawHeaders[index]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[index]!, req.rawHeaders[index + 1]!);
  }
  if (address) {
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    raw.push(CLIENT_ADDRESS_HEADER, address);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  return address;
}

/**
 * An HTTP server that stamps every request with its resolved client address, then hands it to
 * `handler` (Next's request handler in production, better-auth's in the HTTP tests).
 */
export function createClientAddressServer(handler: RequestListener, proxies: TrustedProxies): Server {
  return createServer((req, res) => {
    stampClientAddress(req, proxies);
    handler(req, res);
  });
}
