import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuditRows } from "@/lib/audit/queries";
import { findUsers } from "@/lib/users/queries";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// The admin searches take what was typed literally: % and _ are characters, not LIKE wildcards, and a NUL
// byte (which PostgreSQL refuses in text) is dropped rather than failing the page.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.user.createMany({
    data: [
      { email: "percent@example.com", name: "100% Oak", passwordHash: "x" },
      { email: "plain@example.com", name: "Plain", passwordHash: "x" },
      { email: "under_score@example.com", name: "Under", passwordHash: "x" },
    ],
  });
  await t.prisma.auditLog.createMany({
    data: [
      { action: "product.publish", entityType: "Product", entityId: "p1", summary: "Discount 50% off" },
      { action: "product.publish", entityType: "Product", entityId: "p2", summary: "Plain change" },
    ],
  });
});
afterAll(() => t.drop());

describe("admin searches", () => {
  it("match % and _ literally in users", async () => {
    expect((await findUsers(t.prisma, { q: "%", page: 1 })).rows.map((u) => u.email)).toEqual(["percent@example.com"]);
    expect((await findUsers(t.prisma, { q: "_", page: 1 })).rows.map((u) => u.email)).toEqual(["under_score@example.com"]);
  });

  it("match % and _ literally in the audit log", async () => {
    expect((await findAuditRows(t.prisma, { q: "%" })).map((r) => r.entityId)).toEqual(["p1"]);
    expect(await findAuditRows(t.prisma, { q: "_" })).toEqual([]);
  });

  it("survive a NUL byte and out-of-range dates", async () => {
    expect((await findUsers(t.prisma, { q: "pla\u0000in", page: 1 })).rows.map((u) => u.email)).toEqual(["plain@example.com"]);
    expect((await findAuditRows(t.prisma, { q: "\u0000", actor: "\u0000" })).length).toBe(2);
  });
});
