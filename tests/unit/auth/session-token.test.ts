import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

// The session cookie as the browser sends it: what readSessionUserId finds in `cookies()`.
const jar: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar }) }));

const { readSessionCookie, readSessionUserId, sessionCookieName } = await import("@/lib/auth/session-token");
const { authSecret } = await import("@/lib/env");

const token = (claims: Record<string, unknown>, secret = authSecret(), maxAge = 3600) => encode({ token: claims, secret, maxAge });

afterEach(() => {
  jar.length = 0;
});

describe("the session cookie's name", () => {
  it("has the __Secure- prefix exactly when the site is served over https", () => {
    expect(sessionCookieName("https://shop.example")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });
});

describe("reading the session cookie", () => {
  const name = "next-auth.session-token";

  it("reads the whole cookie, and ignores other cookies", () => {
    expect(readSessionCookie([{ name: "other", value: "x" }, { name, value: "abc" }], name)).toBe("abc");
    expect(readSessionCookie([{ name: "other", value: "x" }], name)).toBeNull();
  });

  it("joins the chunks of a large token in numeric order", () => {
    const chunks = [
      { name: `${name}.10`, value: "K" },
      { name: `${name}.2`, value: "C" },
      { name: `${name}.0`, value: "A" },
      { name: `${name}.1`, value: "B" },
      { name: `${name}.x`, value: "?" },
    ];
    expect(readSessionCookie(chunks, name)).toBe("ABCK");
  });
});

describe("the signed-in user's id", () => {
  it("is the subject of a token encrypted with our secret", async () => {
    jar.push({ name: sessionCookieName(), value: await token({ sub: "user-42", role: "CUSTOMER" }) });
    expect(await readSessionUserId()).toBe("user-42");
  });

  it("is null without a cookie, for a token of another secret, an expired token, garbage or no subject", async () => {
    expect(await readSessionUserId()).toBeNull();
    for (const value of [
      await token({ sub: "user-42" }, "someone-elses-secret-0123456789abcdef"),
      await token({ sub: "user-42" }, authSecret(), -60),
      "not-a-jwt",
      await token({ role: "ADMIN" }),
    ]) {
      jar.length = 0;
      jar.push({ name: sessionCookieName(), value });
      expect(await readSessionUserId()).toBeNull();
    }
  });
});

describe("a token decoded before", () => {
  it("gives the same subject again, until it expires", async () => {
    const { decodeSessionToken } = await import("@/lib/auth/session-token");
    const value = await token({ sub: "user-7" }, authSecret(), 120);
    const now = Date.now();
    expect(await decodeSessionToken(value, now)).toBe("user-7");
    expect(await decodeSessionToken(value, now + 60_000)).toBe("user-7");
    // 120 s of life plus next-auth's 15 s of clock tolerance
    expect(await decodeSessionToken(value, now + 140_000)).toBeNull();
  });
});
