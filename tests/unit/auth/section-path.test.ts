import { describe, expect, it } from "vitest";
import { guardedPath, sectionPath, signInRedirectFor } from "@/lib/auth/section-path";

const session = [{ name: "next-auth.session-token", value: "anything" }];

describe("the proxy's redirect to sign in", () => {
  it("sends a page view of a signed-in section without a session cookie to sign in, back to the exact page", () => {
    expect(signInRedirectFor("GET", "/staff", "", [])).toBe("/login?callbackUrl=%2Fstaff");
    expect(signInRedirectFor("GET", "/staff/orders/AT-2026-000001", "?tab=x", [])).toBe("/login?callbackUrl=%2Fstaff%2Forders%2FAT-2026-000001%3Ftab%3Dx");
    expect(signInRedirectFor("HEAD", "/admin/users", "", [{ name: "other", value: "x" }])).toBe("/login?callbackUrl=%2Fadmin%2Fusers");
    expect(signInRedirectFor("GET", "/orders", "", [])).toBe("/login?callbackUrl=%2Forders");
    expect(signInRedirectFor("GET", "/products/oak-desk/order", "?c=abc", [])).toBe("/login?callbackUrl=%2Fproducts%2Foak-desk%2Forder%3Fc%3Dabc");
  });

  it("lets through any session cookie (the layouts and pages decide), writes, and other paths", () => {
    expect(signInRedirectFor("GET", "/staff", "", session)).toBeNull();
    expect(signInRedirectFor("GET", "/admin", "", [{ name: "next-auth.session-token.0", value: "chunk" }])).toBeNull();
    expect(signInRedirectFor("POST", "/admin/users", "", [])).toBeNull();
    expect(signInRedirectFor("GET", "/staffroom", "", [])).toBeNull();
    expect(signInRedirectFor("GET", "/products/oak-desk", "", [])).toBeNull();
    expect(signInRedirectFor("GET", "/products/oak-desk/order/extra", "", [])).toBeNull();
  });
});

describe("the page a section layout guards", () => {
  it("is the proxy's path when it belongs to the section, else the section itself", () => {
    expect(sectionPath("/staff", "/staff/outbox?page=2")).toBe("/staff/outbox?page=2");
    expect(sectionPath("/staff", "/staff")).toBe("/staff");
    expect(sectionPath("/admin", null)).toBe("/admin");
    expect(sectionPath("/admin", "/staff/outbox")).toBe("/admin");
    expect(sectionPath("/admin", "//evil.example/admin")).toBe("/admin");
    expect(sectionPath("/admin", "/admin\\evil")).toBe("/admin");
    expect(sectionPath("/admin", "/administrator")).toBe("/admin");
  });
});

describe("the page a section layout guards, from the request's headers", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("takes the proxy's path on a page view", () => {
    expect(guardedPath("/staff", headers({ "x-atelier-path": "/staff?q=AT-2026" }))).toBe("/staff?q=AT-2026");
    expect(guardedPath("/admin", headers({}))).toBe("/admin");
  });

  it("ignores the path header on a server action's request, which the proxy does not see (the header is the client's)", () => {
    expect(guardedPath("/staff", headers({ "next-action": "abc123", "x-atelier-path": "/staff/outbox" }))).toBe("/staff");
    expect(guardedPath("/admin", headers({ "next-action": "abc123", "x-atelier-path": "/admin/users" }))).toBe("/admin");
  });
});
