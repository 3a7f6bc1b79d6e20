import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// getCurrentUser: the signed-in user as the database holds them now, read for every request (the checkout's
// order placement included), straight on the driver.
const session: { userId: string | null; db: TestDatabase | null } = { userId: null, db: null };
vi.mock("@/lib/auth/session-token", () => ({ readSessionUserId: async () => session.userId }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db!.prisma }));

const { getCurrentUser } = await import("@/lib/auth/session");

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

describe("the signed-in user", () => {
  it("is the user as the database holds them, without the password hash, and sees a role change at once", async () => {
    session.userId = active;
    expect(await getCurrentUser()).toEqual({ id: active, email: "ada@example.com", name: "Ada", role: "CUSTOMER", active: true });
    await t.prisma.user.update({ where: { id: active }, data: { role: "STAFF" } });
    expect((await getCurrentUser())?.role).toBe("STAFF");
  });

  it("is null without a session", async () => {
    session.userId = null;
    expect(await getCurrentUser()).toBeNull();
  });

  it("is null for a deactivated or deleted account whose cookie is still valid", async () => {
    session.userId = deactivated;
    expect(await getCurrentUser()).toBeNull();
    session.userId = "no-such-user";
    expect(await getCurrentUser()).toBeNull();
  });
});
