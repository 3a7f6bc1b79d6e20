import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// getCurrentUser: the signed-in user as the database holds them now, read for every request (the checkout's
// order placement included), straight on the driver; null once the user's sessions were ended.
const session: { claims: { userId: string; version: number } | null; db: TestDatabase | null } = { claims: null, db: null };
vi.mock("@/lib/auth/session-token", () => ({ readSession: async () => session.claims }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db!.prisma }));

const { getCurrentUser } = await import("@/lib/auth/session");
const { endSessions, endSessionsOfToken } = await import("@/lib/users/manage-sessions");

let t: TestDatabase;
let active: string;
let deactivated: string;

beforeAll(async () => {
  t = await createTestDatabase();
  session.db = t;
  active = (await t.prisma.user.create({ data: { email: "ada@example.com", name: "Ada", role: "CUSTOMER", passwordHash: "x" } })).id;
  deactivated = (await t.prisma.user.create({ data: { email: "gone@example.com", name: "Gone", role: "STAFF", active: false, passwordHash: "x" } })).id;
});
afterAll(() => t.drop());

const version = async (id: string) => (await t.prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("the signed-in user", () => {
  it("is the user as the database holds them, without the password hash, and sees a role change at once", async () => {
    session.claims = { userId: active, version: await version(active) };
    expect(await getCurrentUser()).toEqual({ id: active, email: "ada@example.com", name: "Ada", role: "CUSTOMER", active: true });
    await t.prisma.user.update({ where: { id: active }, data: { role: "STAFF" } });
    expect((await getCurrentUser())?.role).toBe("STAFF");
  });

  it("is null without a session", async () => {
    session.claims = null;
    expect(await getCurrentUser()).toBeNull();
  });

  it("is null for a deactivated or deleted account whose cookie is still valid", async () => {
    session.claims = { userId: deactivated, version: 0 };
    expect(await getCurrentUser()).toBeNull();
    session.claims = { userId: "no-such-user", version: 0 };
    expect(await getCurrentUser()).toBeNull();
  });

  it("is null once the user's sessions were ended, until a token with the new version comes", async () => {
    const before = await version(active);
    session.claims = { userId: active, version: before };
    expect(await getCurrentUser()).not.toBeNull();
    await t.prisma.$transaction((tx) => endSessions(tx, active));
    expect(await getCurrentUser()).toBeNull();
    session.claims = { userId: active, version: before + 1 };
    expect((await getCurrentUser())?.id).toBe(active);
  });

  it("signing out ends the sessions only with a token that is still live (an old token cannot end the new ones)", async () => {
    const now = await version(active);
    expect(await endSessionsOfToken(t.prisma, { userId: active, version: now - 1 })).toBe(false);
    expect(await version(active)).toBe(now);
    expect(await endSessionsOfToken(t.prisma, { userId: active, version: now })).toBe(true);
    expect(await version(active)).toBe(now + 1);
  });
});
