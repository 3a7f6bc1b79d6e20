import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuditRows } from "@/lib/audit/queries";
import { changeRole, LAST_ADMIN, NO_LONGER_ADMIN, setUserActive } from "@/lib/users/manage";
import { findUsers } from "@/lib/users/queries";
import { updateSettings } from "@/lib/settings/service";
import { getSettings } from "@/lib/settings/queries";
import { getUserById } from "@/lib/users/service";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let admin: { id: string };
let user: { id: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await t.prisma.user.create({ data: { email: "admin@example.com", name: "Ada", passwordHash: "x", role: "ADMIN" }, select: { id: true } });
  user = await t.prisma.user.create({ data: { email: "carl@example.com", name: "Carl", passwordHash: "x" }, select: { id: true } });
});
afterAll(() => t.drop());

describe("admin: users", () => {
  it("searches by name or email and filters by role", async () => {
    expect((await findUsers(t.prisma, { q: "CARL", page: 1 })).rows.map((u) => u.email)).toEqual(["carl@example.com"]);
    expect((await findUsers(t.prisma, { q: "", role: "ADMIN", page: 1 })).total).toBe(1);
  });

  it("changes roles and deactivates others, but never the admin's own role or account", async () => {
    expect(await changeRole(t.prisma, admin, admin.id, "STAFF")).toMatchObject({ ok: false });
    expect(await setUserActive(t.prisma, admin, admin.id, false)).toMatchObject({ ok: false });
    expect((await getUserById(t.prisma, admin.id))?.role).toBe("ADMIN");
    expect(await changeRole(t.prisma, admin, user.id, "STAFF")).toMatchObject({ ok: true });
    expect(await setUserActive(t.prisma, admin, user.id, false)).toMatchObject({ ok: true });
    expect(await getUserById(t.prisma, user.id)).toMatchObject({ role: "STAFF", active: false });
    const audit = await findAuditRows(t.prisma, { entity: "User" });
    expect(audit.map((a) => a.action).sort()).toEqual(["user.deactivate", "user.role"]);
  });
});

describe("admin: at least one active admin", () => {
  it("two admins demoting or deactivating each other at once: one wins, the other is told, one admin stays", async () => {
    const make = (email: string) => t.prisma.user.create({ data: { email, name: email, passwordHash: "x", role: "ADMIN" }, select: { id: true } });
    const b = await make("b-admin@example.com");
    const c = await make("c-admin@example.com");
    // Only b and c are active admins from here on.
    expect(await setUserActive(t.prisma, b, admin.id, false)).toMatchObject({ ok: true });
    const activeAdmins = () => t.prisma.user.count({ where: { role: "ADMIN", active: true } });
    for (let run = 0; run < 6; run++) {
      const act = (actor: { id: string }, target: { id: string }) =>
        run % 2 === 0 ? changeRole(t.prisma, actor, target.id, "STAFF") : setUserActive(t.prisma, actor, target.id, false);
      const results = await Promise.all([act(b, c), act(c, b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)?.message).toBe(NO_LONGER_ADMIN);
      expect(await activeAdmins()).toBe(1);
      const [winner, loser] = results[0]!.ok ? [b, c] : [c, b];
      expect(await (run % 2 === 0 ? changeRole(t.prisma, winner, loser.id, "ADMIN") : setUserActive(t.prisma, winner, loser.id, true))).toMatchObject({ ok: true });
    }
    expect(await activeAdmins()).toBe(2);
    expect(await setUserActive(t.prisma, b, admin.id, true)).toMatchObject({ ok: true });
  });

  it("the database refuses to lose its last active admin, whatever the code does", async () => {
    const lone = await t.prisma.user.findFirstOrThrow({ where: { email: "c-admin@example.com" }, select: { id: true } });
    await t.prisma.user.updateMany({ where: { role: "ADMIN", active: true, id: { not: lone.id } }, data: { role: "STAFF" } });
    await expect(t.prisma.user.update({ where: { id: lone.id }, data: { active: false } })).rejects.toThrow(/At least one active admin must remain/);
    await expect(t.prisma.user.delete({ where: { id: lone.id } })).rejects.toThrow(/At least one active admin must remain/);
    expect(LAST_ADMIN).toMatch(/At least one active admin/);
    await t.prisma.user.updateMany({ where: { email: { in: ["admin@example.com", "b-admin@example.com"] } }, data: { role: "ADMIN" } });
  });
});

describe("admin: settings", () => {
  it("saves the settings and audits the change", async () => {
    expect(await updateSettings(t.prisma, admin, { companyName: "Oak & Co", currency: "GBP", shippingDays: 3 })).toMatchObject({ ok: true });
    expect(await getSettings(t.prisma)).toEqual({ companyName: "Oak & Co", currency: "GBP", shippingDays: 3 });
    const audit = await findAuditRows(t.prisma, { entity: "Settings" });
    expect(audit[0]?.summary).toBe("Changed company name, currency, shipping days");
  });
});
