import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

// The session cookie as the browser sends it: what readSession finds in `cookies()`.
const jar: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar }) }));

const { readSessionCookie, readSession, sessionCookieName } = await import("@/lib/auth/session-token");
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

describe("the session a token names", () => {
  it("is the subject and session version of a token encrypted with our secret", async () => {
    jar.push({ name: sessionCookieName(), value: await token({ sub: "user-42", role: "CUSTOMER", sv: 3 }) });
    expect(await readSession()).toEqual({ userId: "user-42", version: 3 });
  });

  it("is null without a cookie, for a token of another secret, an expired token, garbage, no subject or no session version", async () => {
    expect(await readSession()).toBeNull();
    for (const value of [
      await token({ sub: "user-42", sv: 0 }, "someone-elses-secret-0123456789abcdef"),
      await token({ sub: "user-42", sv: 0 }, authSecret(), -60),
      "not-a-jwt",
      await token({ role: "ADMIN", sv: 0 }),
      // issued before sessions had versions: it cannot be told apart from a signed-out one, so it names none
      await token({ sub: "user-42", role: "CUSTOMER" }),
      await token({ sub: "user-42", sv: "0" }),
    ]) {
      jar.length = 0;
      jar.push({ name: sessionCookieName(), value });
      expect(await readSession()).toBeNull();
    }
  });
});

describe("a token decoded before", () => {
  it("gives the same claims again, until it expires", async () => {
    const { decodeSessionToken } = await import("@/lib/auth/session-token");
    const value = await token({ sub: "user-7", sv: 1 }, authSecret(), 120);
    const now = Date.now();
    expect(await decodeSessionToken(value, now)).toEqual({ userId: "user-7", version: 1 });
    expect(await decodeSessionToken(value, now + 60_000)).toEqual({ userId: "user-7", version: 1 });
    // 120 s of life plus next-auth's 15 s of clock tolerance
    expect(await decodeSessionToken(value, now + 140_000)).toBeNull();
  });
});
