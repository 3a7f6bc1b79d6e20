import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp, hitRateLimit, retryMessage } from "@/lib/security/rate-limit";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const rule = { name: "test", limit: 5, windowMs: 10 * 60_000 };

describe("rate limits stored in the database", () => {
  it("allows the limit, refuses the next with a try-again message, per subject", async () => {
    for (let i = 0; i < 5; i++) expect((await hitRateLimit(t.prisma, rule, "a@example.com")).ok).toBe(true);
    const refused = await hitRateLimit(t.prisma, rule, "a@example.com", "sign-ups from your network");
    expect(refused).toMatchObject({ ok: false, message: "Too many sign-ups from your network. Try again in 10 minutes." });
    expect((await hitRateLimit(t.prisma, rule, "a@example.com")).ok).toBe(false);
    expect((await hitRateLimit(t.prisma, rule, "b@example.com")).ok).toBe(true);
  });

  it("counts concurrent hits exactly (one atomic upsert each)", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(t.prisma, { ...rule, limit: 12 }, "burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(12);
    expect((await t.prisma.rateLimit.findUniqueOrThrow({ where: { key: "test:burst" } })).count).toBe(30);
  });

  it("starts a new window once the old one expired", async () => {
    await t.prisma.rateLimit.update({ where: { key: "test:a@example.com" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await hitRateLimit(t.prisma, rule, "a@example.com")).toEqual({ ok: true, remaining: 4 });
  });

  it("words the wait and reads the client address", () => {
    expect(retryMessage(30_000)).toBe("Too many attempts. Try again in 1 minute.");
    expect(retryMessage(7.2 * 60_000, "orders")).toBe("Too many orders. Try again in 8 minutes.");
    // The edge leaves one trusted address; a list that got past it counts from the right (a client writes the left).
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientIp({ "x-forwarded-for": "198.51.100.7" })).toBe("198.51.100.7");
    expect(clientIp({ "x-forwarded-for": "::ffff:127.0.0.9" })).toBe("127.0.0.9");
    expect(clientIp({ "x-forwarded-for": "not-an-address" })).toBe("local");
    expect(clientIp(undefined)).toBe("local");
  });
});
