import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackUrl } from "@/lib/auth/callback-url";

const origin = "http://localhost:3400";

describe("the return address after signing in or up", () => {
  it("keeps paths on this origin, with their query and fragment", () => {
    expect(safeCallbackUrl("/orders?x=1", origin)).toBe("/orders?x=1");
    expect(safeCallbackUrl("/products/linden-sofa/order?c=abc#top", origin)).toBe("/products/linden-sofa/order?c=abc#top");
    expect(safeCallbackUrl("http://localhost:3400/staff", origin)).toBe("/staff");
    expect(safeCallbackUrl("orders", origin)).toBe("/orders");
    // Encoded slashes stay in the path: this site's 404, not another host.
    expect(safeCallbackUrl("/%2F%2Fevil.example", origin)).toBe("/%2F%2Fevil.example");
    // Same scheme as the base, no slashes: a relative path, as browsers read it.
    expect(safeCallbackUrl("http:evil.example", origin)).toBe("/evil.example");
  });

  // What browsers make of them: tab, CR and LF are removed, "\" is "/", so each of these is another host.
  const hostile = [
    "/\t/evil.example/phish",
    "/%09/evil.example/phish".replace("%09", "\t"),
    "/\r/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "https://evil.example",
    "https://evil.example/",
    "HTTPS://evil.example",
    "http://localhost:3401/",
    "https://localhost:3400/",
    "http://localhost:3400@evil.example/",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[::1",
    `/${"a".repeat(3000)}`,
    "",
  ];
  it.each(hostile)("sends %j home", (value) => {
    expect(safeCallbackUrl(value, origin)).toBe("/");
  });

  it("never returns something a browser reads as another host", () => {
    for (const value of hostile) {
      const result = safeCallbackUrl(value, origin);
      expect(new URL(result, origin).origin).toBe(origin);
      expect(result.startsWith("//")).toBe(false);
    }
    expect(safeCallbackUrl(undefined, origin)).toBe("/");
    expect(safeCallbackUrl(null, origin)).toBe("/");
  });

  it("gives next-auth an absolute URL on its own origin", () => {
    expect(authRedirect({ url: "/orders", baseUrl: origin })).toBe(`${origin}/orders`);
    expect(authRedirect({ url: `${origin}/staff?q=1`, baseUrl: origin })).toBe(`${origin}/staff?q=1`);
    expect(authRedirect({ url: "/\t/evil.example/phish", baseUrl: origin })).toBe(`${origin}/`);
    expect(authRedirect({ url: "https://evil.example/", baseUrl: origin })).toBe(`${origin}/`);
  });
});
