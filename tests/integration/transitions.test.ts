import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConsistency } from "@/lib/db/ops/check";
import { allowedTransitions } from "@/lib/orders/state-machine";
import { ORDER_STAGES, type OrderStatus } from "@/lib/orders/status";
import { transitionOrder } from "@/lib/orders/transition";
import type { Role } from "@/lib/users/schema";
import { createTestOrder } from "./helpers/orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { setWorkshop } from "./helpers/workshop";

let t: TestDatabase;
const ids = { owner: "", other: "", staff: "", admin: "", product: "", version: "" };
const ALL: OrderStatus[] = [...ORDER_STAGES, "CANCELLED"];

beforeAll(async () => {
  t = await createTestDatabase();
  await setWorkshop(t, [8, 8, 8, 8, 8, 0, 0], 3);
  const user = (email: string, role: Role) => t.prisma.user.create({ data: { email, name: email.split("@")[0] ?? email, passwordHash: "x", role } });
  ids.owner = (await user("owner@example.com", "CUSTOMER")).id;
  ids.other = (await user("other@example.com", "CUSTOMER")).id;
  ids.staff = (await user("staff@example.com", "STAFF")).id;
  ids.admin = (await user("admin@example.com", "ADMIN")).id;
  const product = await t.prisma.product.create({ data: { slug: "desk", name: "Desk" } });
  ids.product = product.id;
  ids.version = (await t.prisma.productVersion.create({ data: { productId: product.id, version: 1, status: "PUBLISHED", definition: {} } })).id;
});
afterAll(() => t.drop());

/** An order of the owner, already in `status` (with its production job when production has started), with booked hours. */
function orderIn(status: OrderStatus, hours = 2): Promise<{ id: string; number: string }> {
  return createTestOrder(t, { customer: { id: ids.owner, name: "owner", email: "owner@example.com" }, status, hours, now: new Date() });
}

/** What a transition wrote on an order: its events, emails and audit entries since `before`, and the version it added. */
async function writtenSince(before: Awaited<ReturnType<typeof readOrder>>) {
  const after = await readOrder(before.id);
  const isNew = (id: string, old: { id: string }[]) => !old.some((o) => o.id === id);
  return {
    after,
    events: after.events.filter((e) => isNew(e.id, before.events)),
    emails: after.emails.filter((e) => isNew(e.id, before.emails)),
    audits: after.audits.filter((a) => isNew(a.id, before.audits)),
    versionAdded: after.version - before.version,
  };
}

async function readOrder(id: string) {
  const order = await t.prisma.order.findUniqueOrThrow({ where: { id }, include: { events: true, emails: true, productionJob: true, bookings: true } });
  return { ...order, audits: await t.prisma.auditLog.findMany({ where: { entityId: id } }) };
}

const actors = {
  owner: () => ({ id: ids.owner, role: "CUSTOMER" as const }),
  "other customer": () => ({ id: ids.other, role: "CUSTOMER" as const }),
  staff: () => ({ id: ids.staff, role: "STAFF" as const }),
  admin: () => ({ id: ids.admin, role: "ADMIN" as const }),
};
const details = { reason: "Supplier cannot deliver the oak", carrier: "DHL Freight", trackingNumber: "JD0146000038" };

describe(`order transitions (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  for (const [name, actor] of Object.entries(actors)) {
    it(`allows exactly the state machine's transitions for ${name}, with event, email and audit`, async () => {
      for (const from of ALL) {
        for (const to of ALL) {
          const order = await orderIn(from);
          const before = await readOrder(order.id);
          const { role, id } = actor();
          const result = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: from, to, actor: actor(), ...details });
          const allowed = name !== "other customer" && allowedTransitions(from, role, id === ids.owner).includes(to);
          const { after, events, emails, audits, versionAdded } = await writtenSince(before);
          const context = `${name}: ${from} -> ${to}`;
          if (!allowed) {
            expect(result.ok, context).toBe(false);
            if (!result.ok && name === "other customer") expect(result.code, context).toBe("not_found");
            if (!result.ok && name !== "other customer") expect(["forbidden", "invalid"], context).toContain(result.code);
            expect(after.status, context).toBe(from);
            expect(events, context).toHaveLength(0);
            expect(emails, context).toHaveLength(0);
            continue;
          }
          expect(result, context).toEqual({ ok: true, order: { id: order.id, number: order.number, status: to } });
          expect(after.status, context).toBe(to);
          expect(versionAdded, context).toBe(1);
          expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId]), context).toEqual([[from, to, id]]);
          expect(emails, context).toHaveLength(1);
          expect(emails[0]?.to).toBe("owner@example.com");
          expect(audits.filter((a) => a.actorId === id), context).toHaveLength(1);
          if (to === "IN_PRODUCTION") expect(after.productionJob?.completedAt, context).toBeNull();
          if (from === "IN_PRODUCTION") expect(after.productionJob?.completedAt, context).toBeInstanceOf(Date);
          if (to === "SHIPPED") expect([after.carrier, after.trackingNumber, after.shippedAt !== null]).toEqual(["DHL Freight", "JD0146000038", true]);
          if (to === "DELIVERED") expect(after.deliveredAt).toBeInstanceOf(Date);
          if (to === "CANCELLED") {
            expect(after.cancelReason, context).toBe(details.reason);
            expect(after.bookings, context).toHaveLength(0);
          }
        }
      }
    });
  }

  it("walks an order from placed to delivered, one event per stage, with the production job opened and closed", async () => {
    const order = await orderIn("PLACED");
    const before = await readOrder(order.id);
    for (const [i, to] of ORDER_STAGES.slice(1).entries()) {
      const expectedStatus = ORDER_STAGES[i] as OrderStatus;
      const result = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus, to, actor: actors.staff(), ...details });
      expect(result.ok).toBe(true);
    }
    const { after, events, versionAdded } = await writtenSince(before);
    expect(events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((e) => e.toStatus)).toEqual(ORDER_STAGES.slice(1));
    expect(after.productionJob?.startedAt.getTime()).toBeLessThanOrEqual(after.productionJob?.completedAt?.getTime() ?? 0);
    expect(versionAdded).toBe(6);
  });

  it("refuses a stale advance from an old page as a conflict, without skipping a stage", async () => {
    const order = await orderIn("PLACED");
    const before = await readOrder(order.id);
    expect((await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "PLACED", to: "CONFIRMED", actor: actors.staff() })).ok).toBe(true);
    const again = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "PLACED", to: "CONFIRMED", actor: actors.admin() });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    const staleCancel = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "PLACED", to: "CANCELLED", actor: actors.staff(), reason: "x" });
    expect(staleCancel).toMatchObject({ ok: false, code: "conflict" });
    const { after, events, versionAdded } = await writtenSince(before);
    expect([after.status, versionAdded, events.length]).toEqual(["CONFIRMED", 1, 1]);
  });

  it("moves an order one stage, not two, when several staff advance it at the same moment", async () => {
    const order = await orderIn("CONFIRMED");
    const before = await readOrder(order.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "CONFIRMED", to: "IN_PRODUCTION", actor: i % 2 ? actors.admin() : actors.staff() })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "conflict")).toBe(true);
    const { after, events, emails, versionAdded } = await writtenSince(before);
    expect([after.status, versionAdded, events.length, emails.length]).toEqual(["IN_PRODUCTION", 1, 1, 1]);
    expect(await t.prisma.productionJob.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("cancelling releases the order's booked hours to their days", async () => {
    const order = await orderIn("CONFIRMED", 30);
    const bookings = await t.prisma.capacityBooking.findMany({ where: { orderId: order.id } });
    expect(bookings.reduce((s, b) => s + b.hours, 0)).toBe(30);
    const dayKey = (d: { workCentreId: string; day: Date }) => `${d.workCentreId} ${d.day.toISOString()}`;
    const days = () => t.prisma.capacityDay.findMany({ where: { OR: bookings.map((b) => ({ workCentreId: b.workCentreId, day: b.day })) } });
    const before = new Map((await days()).map((d) => [dayKey(d), d.bookedHours]));
    const result = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "CONFIRMED", to: "CANCELLED", actor: actors.owner() });
    expect(result.ok).toBe(true);
    for (const day of await days()) {
      const hours = bookings.filter((b) => dayKey(b) === dayKey(day)).reduce((s, b) => s + b.hours, 0);
      expect(day.bookedHours).toBeCloseTo((before.get(dayKey(day)) ?? 0) - hours, 6);
    }
    const cancelled = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { bookings: true } });
    expect([cancelled.cancelReason, cancelled.bookings.length]).toEqual(["Cancelled by the customer", 0]);
  });

  it("finishing production early frees the hours booked after that day; an order delivered early holds none after its delivery", async () => {
    // 100 hours at 8 a day span weeks from now; the work is then done today.
    const order = await orderIn("CONFIRMED", 100);
    const booked = await t.prisma.capacityBooking.findMany({ where: { orderId: order.id } });
    const today = new Date(new Date().toISOString().slice(0, 10));
    expect(booked.filter((b) => b.day > today).length).toBeGreaterThan(5);
    const daysBefore = new Map((await t.prisma.capacityDay.findMany()).map((d) => [d.day.toISOString(), d.bookedHours]));

    let status: OrderStatus = "CONFIRMED";
    for (const to of ["IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED"] as const) {
      const moved = await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: status, to, actor: actors.staff(), ...details });
      expect(moved).toMatchObject({ ok: true });
      status = to;
    }

    const after = await t.prisma.capacityBooking.findMany({ where: { orderId: order.id } });
    expect(after.filter((b) => b.day > today)).toEqual([]);
    const later = booked.filter((b) => b.day > today);
    for (const b of later) {
      const day = await t.prisma.capacityDay.findUniqueOrThrow({ where: { workCentreId_day: { workCentreId: b.workCentreId, day: b.day } } });
      expect(day.bookedHours).toBeCloseTo((daysBefore.get(b.day.toISOString()) ?? 0) - b.hours, 6);
    }
    // Today keeps what the work used; the operations are done; the audit of the finishing step says how much was given back.
    expect(after.reduce((sum, b) => sum + b.hours, 0)).toBeCloseTo(booked.filter((b) => b.day <= today).reduce((sum, b) => sum + b.hours, 0), 6);
    expect(await t.prisma.orderOperation.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: "DONE" }]);
    const finish = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, summary: { endsWith: "→ Quality check" } } });
    expect((finish.data as { releasedHours: number }).releasedHours).toBeCloseTo(later.reduce((sum, b) => sum + b.hours, 0), 6);
    // npm run db:check agrees on this order's hours (other fixtures here are put into states directly).
    const hoursFindings = (await checkConsistency(t.prisma)).filter((f) => f.invariant.includes("hours") && f.detail.includes(order.number));
    expect(hoursFindings).toEqual([]);
  });

  it("answers not_found for an unknown order and for another customer's order", async () => {
    expect(await transitionOrder(t.prisma, { orderNumber: "AT-2031-999999", expectedStatus: "PLACED", to: "CONFIRMED", actor: actors.staff() })).toMatchObject({ ok: false, code: "not_found" });
    const order = await orderIn("PLACED");
    expect(await transitionOrder(t.prisma, { orderNumber: order.number, expectedStatus: "PLACED", to: "CANCELLED", actor: actors["other customer"]() })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the database refuses a production job for an order that is not confirmed or does not exist (raw SQL)", async () => {
    const placed = await orderIn("PLACED");
    await expect(t.rawQuery(`INSERT INTO "production_jobs" ("id", "order_id") VALUES ('job-1', $1)`, [placed.id])).rejects.toThrow(/not confirmed/);
    await expect(t.rawQuery(`INSERT INTO "production_jobs" ("id", "order_id") VALUES ('job-2', 'no-such-order')`)).rejects.toThrow(/does not exist|foreign key/);
    const cancelled = await orderIn("CANCELLED");
    await expect(t.rawQuery(`INSERT INTO "production_jobs" ("id", "order_id") VALUES ('job-3', $1)`, [cancelled.id])).rejects.toThrow(/not confirmed/);
    expect(await t.prisma.productionJob.count({ where: { orderId: { in: [placed.id, cancelled.id] } } })).toBe(0);
  });
});
