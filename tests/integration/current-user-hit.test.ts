import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// getCurrentUserCountingHit: the signed-in user and one rate-limit hit in one statement (the checkout's path).
const session: { userId: string | null; db: TestDatabase | null } = { userId: null, db: null };
vi.mock("@/lib/auth/session-token", () => ({ readSessionUserId: async () => session.userId }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db!.prisma }));

const { getCurrentUserCountingHit } = await import("@/lib/auth/session");

let t: TestDatabase;
let active: string;
let deactivated: string;
const rule = { name: "test-order", limit: 3, windowMs: 10 * 60_000 };
const counted = async (subject: string) => (await t.prisma.rateLimit.findUnique({ where: { key: `${rule.name}:${subject}` } }))?.count ?? 0;

beforeAll(async () => {
  t = await createTestDatabase();
  session.db = t;
  active = (await t.prisma.user.create({ data: { email: "ada@example.com", name: "Ada", role: "CUSTOMER", passwordHash: "x" } })).id;
  deactivated = (await t.prisma.user.create({ data: { email: "gone@example.com", name: "Gone", role: "STAFF", active: false, passwordHash: "x" } })).id;
});
afterAll(() => t.drop());

describe("the signed-in user with a counted hit", () => {
  it("is the user as the database holds them, with the hits left, until the limit refuses", async () => {
    session.userId = active;
    const first = await getCurrentUserCountingHit(rule, "orders in a short time");
    expect(first).toEqual({ user: { id: active, email: "ada@example.com", name: "Ada", role: "CUSTOMER", active: true }, limit: { ok: true, remaining: 2 } });
    expect((await getCurrentUserCountingHit(rule))?.limit).toEqual({ ok: true, remaining: 1 });
    expect((await getCurrentUserCountingHit(rule))?.limit).toEqual({ ok: true, remaining: 0 });
    const refused = await getCurrentUserCountingHit(rule, "orders in a short time");
    expect(refused?.limit).toMatchObject({ ok: false, message: "Too many orders in a short time. Try again in 10 minutes." });
    expect(await counted(active)).toBe(4);
  });

  it("is null without a session, and nothing is counted", async () => {
    session.userId = null;
    const before = await t.prisma.rateLimit.count();
    expect(await getCurrentUserCountingHit(rule)).toBeNull();
    expect(await t.prisma.rateLimit.count()).toBe(before);
  });

  it("is null for a deactivated or deleted account whose cookie is still valid", async () => {
    session.userId = deactivated;
    expect(await getCurrentUserCountingHit(rule)).toBeNull();
    session.userId = "no-such-user";
    expect(await getCurrentUserCountingHit(rule)).toBeNull();
  });
});
