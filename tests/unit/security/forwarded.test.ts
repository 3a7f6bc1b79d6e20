import { describe, expect, it } from "vitest";
import { applyTrustedForwarding, normalizeAddress, resolveClientAddress } from "@/lib/security/forwarded";

describe("resolveClientAddress", () => {
  it("with 0 hops takes the socket's address and ignores X-Forwarded-For entirely", () => {
    expect(resolveClientAddress(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("198.51.100.1", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress(["1.1.1.1", "2.2.2.2, 3.3.3.3"], "::ffff:127.0.0.7", 0)).toBe("127.0.0.7");
  });

  it("with 1 hop takes the entry our proxy appended, not what the client wrote to its left", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; our proxy appended the address it saw, 198.51.100.1.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.1", "10.0.0.2", 1)).toBe("198.51.100.1");
    expect(resolveClientAddress("198.51.100.1", "10.0.0.2", 1)).toBe("198.51.100.1");
    expect(resolveClientAddress(["6.6.6.6", "198.51.100.1"], "10.0.0.2", 1)).toBe("198.51.100.1");
  });

  it("with 2 hops skips both proxies' entries", () => {
    expect(resolveClientAddress("6.6.6.6, 198.51.100.1, 10.0.0.5", "10.0.0.2", 2)).toBe("198.51.100.1");
    // A rotating forged prefix changes nothing.
    for (const forged of ["1.2.3.4", "5.6.7.8, 9.9.9.9", "garbage"]) {
      expect(resolveClientAddress(`${forged}, 198.51.100.1, 10.0.0.5`, "10.0.0.2", 2)).toBe("198.51.100.1");
    }
  });

  it("with more hops than entries takes the leftmost (the request came through fewer proxies)", () => {
    expect(resolveClientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("198.51.100.1", "10.0.0.2", 3)).toBe("198.51.100.1");
  });

  it("reads IPv6, brackets, ports and IPv4-mapped addresses", () => {
    expect(resolveClientAddress("2001:DB8::1", "10.0.0.2", 1)).toBe("2001:db8::1");
    expect(resolveClientAddress("[2001:db8::1]:443", "10.0.0.2", 1)).toBe("2001:db8::1");
    expect(resolveClientAddress("198.51.100.1:5678", "10.0.0.2", 1)).toBe("198.51.100.1");
    expect(resolveClientAddress(undefined, "::1", 0)).toBe("::1");
    expect(resolveClientAddress(undefined, "fe80::1%eth0", 0)).toBe("fe80::1");
  });

  it("skips garbage towards the right, never trusting what is not an address", () => {
    expect(resolveClientAddress("x, <script>, unknown", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("1.2.3.4, not-an-ip", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(",,,", "10.0.0.2", 2)).toBe("10.0.0.2");
    expect(resolveClientAddress("999.1.1.1", undefined, 1)).toBe("unknown");
    expect(resolveClientAddress("1".repeat(500), "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("treats a negative, fractional or huge hop count safely", () => {
    expect(resolveClientAddress("6.6.6.6", "10.0.0.2", -1)).toBe("10.0.0.2");
    expect(resolveClientAddress("6.6.6.6", "10.0.0.2", 1.5)).toBe("10.0.0.2");
    expect(resolveClientAddress("6.6.6.6, 198.51.100.1", "10.0.0.2", 1_000)).toBe("6.6.6.6");
  });
});

describe("normalizeAddress", () => {
  it("accepts addresses only", () => {
    expect(normalizeAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("example.com")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe("applyTrustedForwarding", () => {
  it("with 0 hops replaces X-Forwarded-For with the socket address and drops forged host headers", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "shop.example",
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "for=6.6.6.6;host=evil.example",
      "x-real-ip": "6.6.6.6",
    };
    applyTrustedForwarding(headers, "::ffff:127.0.0.9", 0);
    expect(headers).toEqual({ host: "shop.example", "x-forwarded-for": "127.0.0.9" });
  });

  it("with hops keeps the proxy's host headers and the resolved client alone in X-Forwarded-For", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-forwarded-for": "6.6.6.6, 198.51.100.1", "x-forwarded-host": "shop.example" };
    applyTrustedForwarding(headers, "10.0.0.2", 1);
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "shop.example" });
  });
});
