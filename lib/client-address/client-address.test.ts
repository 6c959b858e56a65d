import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, throttleAddressOf } from "./client-address";

const resolve = (peer: string | undefined, forwardedFor: string | undefined, trusted: string[] = []) =>
  resolveClientAddress({ peer, forwardedFor, proxies: parseTrustedProxies(trusted) });

describe("resolveClientAddress", () => {
  it("with no trusted proxies a forged X-Forwarded-For is ignored and the socket address wins", () => {
    expect(resolve("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(resolve("::ffff:127.0.0.1", "10.0.0.1, 10.0.0.2")).toBe("127.0.0.1");
  });

  it("a trusted proxy's X-Forwarded-For names the client", () => {
    expect(resolve("10.0.0.5", "198.51.100.7", ["10.0.0.5"])).toBe("198.51.100.7");
  });

  it("entries a client prepended left of the trusted hops are ignored", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the real peer.
    expect(resolve("10.0.0.5", "1.1.1.1, 198.51.100.7", ["10.0.0.0/8"])).toBe("198.51.100.7");
  });

  it("a chain of trusted proxies is walked from the right to the first untrusted hop", () => {
    expect(resolve("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.9, 10.1.2.3", ["10.0.0.0/8"])).toBe("198.51.100.7");
  });

  it("when every hop is trusted the leftmost one is the client", () => {
    expect(resolve("10.0.0.5", "10.0.0.7, 10.0.0.6", ["10.0.0.0/8"])).toBe("10.0.0.7");
  });

  it("a peer outside the trusted list is the client even when other proxies are trusted", () => {
    expect(resolve("203.0.113.9", "198.51.100.7", ["10.0.0.0/8"])).toBe("203.0.113.9");
  });

  it("garbage relayed by a trusted proxy stops the walk at that proxy", () => {
    expect(resolve("10.0.0.5", "198.51.100.7, not-an-ip", ["10.0.0.5"])).toBe("10.0.0.5");
  });

  it("an IPv4-mapped IPv6 peer matches an IPv4 trusted range, and IPv6 ranges work", () => {
    expect(resolve("::ffff:10.0.0.5", "198.51.100.7", ["10.0.0.0/8"])).toBe("198.51.100.7");
    expect(resolve("fd00::1", "2001:db8::7", ["fd00::/8"])).toBe("2001:db8::7");
    expect(resolve("::ffff:10.1.0.5", "198.51.100.8", ["::ffff:10.0.0.0/104"])).toBe("198.51.100.8");
  });

  it("hops written with ports are read as addresses", () => {
    expect(resolve("10.0.0.5", "198.51.100.7:51234", ["10.0.0.5"])).toBe("198.51.100.7");
    expect(resolve("10.0.0.5", "[2001:db8::7]:443", ["10.0.0.5"])).toBe("2001:db8::7");
  });

  it("no peer address gives no client address", () => {
    expect(resolve(undefined, "198.51.100.7", ["10.0.0.5"])).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("refuses an entry that is not an IP or CIDR, naming it", () => {
    expect(() => parseTrustedProxies(["10.0.0.1", "proxy.internal"])).toThrow(/"proxy.internal"/);
    expect(() => parseTrustedProxies(["10.0.0.0/33"])).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies(["10.0.0.0/8/1"])).toThrow(/not an IP address or CIDR/);
  });
});

describe("normalizeAddress", () => {
  it("canonicalizes mapped, zoned and upper-case addresses", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("FE80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("nonsense")).toBeNull();
  });
});

describe("throttleAddressOf", () => {
  it("keeps IPv4 and folds IPv6 to its /64", () => {
    expect(throttleAddressOf("198.51.100.7")).toBe("198.51.100.7");
    expect(throttleAddressOf("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(throttleAddressOf("2001:db8:0:1:bbbb::2")).toBe("2001:db8:0:1::/64");
    expect(throttleAddressOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleAddressOf(null)).toBe("unknown");
  });
});
