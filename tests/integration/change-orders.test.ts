import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/ops/check";
import { applyChange, type ChangeInput } from "@/lib/orders/change-order";
import { decideChangeRequest, findPendingRequests } from "@/lib/orders/change-requests";
import { transitionOrder } from "@/lib/orders/transition";
import { findMaterialsAhead } from "@/lib/production/materials";
import { getDashboard } from "@/lib/reports/dashboard";
import { ordersCsv } from "@/lib/reports/orders-csv";
import { changePolicySchema, updateChangePolicy } from "@/lib/settings/change-policy";
import { placeSofa, seedChangeOrderShop, type ShopPeople, type SofaVersion } from "./helpers/change-orders";
import { fingerprint } from "./helpers/personas";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Issue 23, change orders, on PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
let t: TestDatabase;
let people: ShopPeople;
let customer: ShopPeople["customer"];
let staff: ShopPeople["staff"];
let sofa: SofaVersion;
let definition: Definition;
let defaults: Selection;

const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";

beforeAll(async () => {
  t = await createTestDatabase();
  const shop = await seedChangeOrderShop(t);
  ({ customer, staff, sofa } = shop);
  people = shop;
  definition = sofa.definition;
  const n = normalize(definition, {});
  if (!n.ok) throw new Error("defaults invalid");
  defaults = n.selection;
}, 120_000);
afterAll(() => t.drop());

const totalOf = (selection: Selection, quantity = 1) => evaluate(definition, selection, { quantity }).totalCents;

/** A linden sofa in the defaults (wool, 200 cm), placed and moved to `status` through the state machine. */
const sofaOrder = (status: "PLACED" | "CONFIRMED" | "IN_PRODUCTION" = "CONFIRMED") => placeSofa(t, people, sofa, defaults, status);

const linen210 = () => ({ ...defaults, material: "linen", width: 210 });

function changeOf(order: { number: string; version: number }, selection: Selection, extra: Partial<ChangeInput> = {}): ChangeInput {
  return {
    orderNumber: order.number, customer: { id: customer.id }, selection, quantity: 1, idempotencyKey: randomUUID(), reason: "Lighter fabric",
    expected: { orderVersion: order.version, totalCents: totalOf(selection) }, ...extra,
  };
}

async function bookedHoursOf(orderId: string) {
  const rows = await t.prisma.capacityBooking.findMany({ where: { orderId } });
  return rows.reduce((s, b) => s + b.hours, 0);
}

describe(`change orders (${DB})`, () => {
  it("applies a change of fabric and width: new price, revision 2, the same snapshot everywhere, capacity = the new bookings", async () => {
    const order = await sofaOrder();
    const emails = await t.prisma.emailOutbox.count({ where: { orderId: order.id } });
    const result = await applyChange(t.prisma, changeOf(order, linen210()));
    expect(result).toMatchObject({ ok: true, status: "APPLIED", revision: 2, existing: false });

    const after = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { options: true, operations: true, revisions: true } });
    const expected = evaluate(definition, linen210());
    expect(after.totalCents).toBe(expected.totalCents);
    expect(after.totalCents).toBeGreaterThan(order.totalCents);
    expect(after.revision).toBe(2);
    expect(after.version).toBe(order.version + 1);
    expect(after.options.map((o) => o.label)).toEqual(expect.arrayContaining(["Washed linen", "210 cm"]));
    expect(after.productionHours).toBeCloseTo(expected.productionHours, 6);
    // Capacity after the change equals the sum of the new bookings, which are the new operations' hours.
    expect(await bookedHoursOf(order.id)).toBeCloseTo(expected.productionHours, 6);
    expect(after.operations.reduce((s, o) => s + o.hours, 0)).toBeCloseTo(expected.productionHours, 6);

    const [revision] = after.revisions;
    expect(revision).toMatchObject({ number: 2, status: "APPLIED", totalBeforeCents: order.totalCents, totalAfterCents: expected.totalCents, reason: "Lighter fabric" });
    expect(revision!.differences).toEqual(["Upholstery: Wool boucle → Washed linen", "Width: 200 cm → 210 cm"]);
    expect(revision!.previousSnapshot).toEqual(order.snapshot);
    expect(revision!.promisedAfter.toISOString().slice(0, 10)).toBe(after.promisedDate.toISOString().slice(0, 10));

    const event = await t.prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(event.note).toContain("Specification changed (revision 2): Upholstery: Wool boucle → Washed linen");
    expect(event.toStatus).toBe("CONFIRMED");
    expect(await t.prisma.emailOutbox.count({ where: { orderId: order.id } })).toBe(emails + 1);
    expect(await t.prisma.auditLog.count({ where: { entityId: order.id, action: "order.change" } })).toBe(1);
    // The materials plan buys for the current revision: linen for this order, no longer wool.
    const materials = (await findMaterialsAhead(t.prisma, new Date(), 26)).flatMap((w) => w.lines);
    // The cloth is one SKU per fabric and colour (FAB-LINEN-<colour>, FAB-WOOL-<colour>).
    const ordersOf = (prefix: string) => materials.filter((l) => l.sku.startsWith(prefix)).flatMap((l) => l.orders);
    // ...and lists it with its revision, so the buyer knows the quantities are for the changed specification.
    expect(ordersOf("FAB-LINEN-")).toContain(`${order.number} (rev. 2)`);
    expect(ordersOf("FAB-WOOL-").some((label) => label.startsWith(order.number))).toBe(false);
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("50 concurrent confirmations with one key make one revision", async () => {
    const order = await sofaOrder();
    const input = changeOf(order, { ...defaults, width: 220 });
    const results = await Promise.all(Array.from({ length: 50 }, () => applyChange(t.prisma, input)));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.ok && !r.existing)).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.revision : null)))).toEqual(new Set([2]));
    expect(await t.prisma.orderRevision.count({ where: { orderId: order.id } })).toBe(1);
    const after = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.revision).toBe(2);
    expect(await bookedHoursOf(order.id)).toBeCloseTo(after.productionHours, 6);
    expect(await checkConsistency(t.prisma)).toEqual([]);
  }, 120_000);

  it("a change racing a staff transition: exactly one wins when both saw the same order, and nothing is half-written", async () => {
    for (let i = 0; i < 8; i++) {
      const order = await sofaOrder();
      const [changed, moved] = await Promise.all([
        applyChange(t.prisma, changeOf(order, linen210())),
        transitionOrder(t.prisma, { orderNumber: order.number, to: "IN_PRODUCTION", expectedStatus: "CONFIRMED", actor: staff }),
      ]);
      const after = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { revisions: true, events: { orderBy: { createdAt: "asc" } } } });
      expect(changed.ok || moved.ok).toBe(true);
      if (!changed.ok) {
        // The transition won: the change is refused with a reason and left nothing behind.
        expect(changed.message).toMatch(/changed since you opened this page/);
        expect(after.status).toBe("IN_PRODUCTION");
        expect(after.revision).toBe(1);
        expect(after.revisions).toEqual([]);
        expect(after.snapshot).toEqual(order.snapshot);
      } else if (!moved.ok) {
        // The change won: the transition is refused with a reason; the order is still confirmed, at revision 2.
        expect(moved.message).toMatch(/changed while saving|reload/);
        expect(after.status).toBe("CONFIRMED");
        expect(after.revision).toBe(2);
      } else {
        // Both went through one after the other: the change first (on the confirmed order), then production.
        expect(after.revision).toBe(2);
        const changeEvent = after.events.find((e) => e.note.startsWith("Specification changed"));
        expect(changeEvent?.fromStatus).toBe("CONFIRMED");
        expect(after.events.at(-1)?.toStatus).toBe("IN_PRODUCTION");
      }
    }
    expect(await checkConsistency(t.prisma)).toEqual([]);
  }, 120_000);

  it("a change confirmed on a page opened before a staff transition is refused and leaves the order as it was", async () => {
    const order = await sofaOrder();
    const moved = await transitionOrder(t.prisma, { orderNumber: order.number, to: "IN_PRODUCTION", expectedStatus: "CONFIRMED", actor: staff });
    expect(moved.ok).toBe(true);
    const before = await fingerprint(t);
    const result = await applyChange(t.prisma, changeOf(order, linen210()));
    expect(result).toMatchObject({ ok: false, code: "changed" });
    expect(await fingerprint(t)).toEqual(before);
  });

  it("every refusal says why and writes nothing", async () => {
    const order = await sofaOrder();
    const cancelled = await sofaOrder("PLACED");
    await transitionOrder(t.prisma, { orderNumber: cancelled.number, to: "CANCELLED", expectedStatus: "PLACED", actor: { id: customer.id, role: "CUSTOMER" }, reason: "x" });
    const cancelledNow = await t.prisma.order.findUniqueOrThrow({ where: { id: cancelled.id } });
    const stranger = await t.prisma.user.findUniqueOrThrow({ where: { email: "dev@example.com" } });
    const cases: [string, ChangeInput, RegExp][] = [
      ["invalid width", changeOf(order, { ...defaults, width: 500 }, { expected: { orderVersion: order.version, totalCents: 1 } }), /cannot be ordered|not valid/],
      ["unknown option", changeOf(order, { ...defaults, material: "silk" }, { expected: { orderVersion: order.version, totalCents: 1 } }), /not valid/],
      ["price moved", changeOf(order, linen210(), { expected: { orderVersion: order.version, totalCents: 123 } }), /price of this change is now/],
      ["over the quantity limit", changeOf(order, defaults, { quantity: 21, expected: { orderVersion: order.version, totalCents: totalOf(defaults, 21) } }), /At most 20 per order/],
      ["the same specification", changeOf(order, defaults), /already has/],
      ["someone else's order", changeOf(order, linen210(), { customer: { id: stranger.id } }), /No such order/],
      ["a cancelled order", changeOf(cancelledNow, linen210()), /cancelled/],
      ["over the rate limit", changeOf(order, linen210(), { limit: { count: 0, windowMs: 60_000 } }), /Too many changes/],
    ];
    for (const [name, input, message] of cases) {
      const before = await fingerprint(t);
      const result = await applyChange(t.prisma, input);
      expect(result.ok, name).toBe(false);
      expect(result.ok ? "" : result.message, name).toMatch(message);
      expect(await fingerprint(t), name).toEqual(before);
    }
    // Fair use: the customer's open hours cap counts the changed order's new hours.
    await t.prisma.settings.update({ where: { id: 1 }, data: { customerOpenHoursCap: 1 } });
    const { settings: _s, ...before } = await fingerprint(t);
    const capped = await applyChange(t.prisma, changeOf(order, linen210()));
    const { settings: _s2, ...after } = await fingerprint(t);
    await t.prisma.settings.update({ where: { id: 1 }, data: { customerOpenHoursCap: 100_000 } });
    expect(capped).toMatchObject({ ok: false, code: "capped" });
    expect(capped.ok ? "" : capped.message).toMatch(/workshop hours/);
    expect(after).toEqual(before);
  }, 120_000);

  it("after production starts the customer only requests; staff approve with a fee and a date, or decline with a reason", async () => {
    const order = await sofaOrder("IN_PRODUCTION");
    const requested = await applyChange(t.prisma, changeOf(order, { ...defaults, "fabric-color": "sage" }));
    expect(requested).toMatchObject({ ok: true, status: "PENDING", revision: null });
    const untouched = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(untouched.snapshot).toEqual(order.snapshot);
    expect(untouched.revision).toBe(1);
    const again = await applyChange(t.prisma, changeOf(order, { ...defaults, "fabric-color": "ink" }));
    expect(again).toMatchObject({ ok: false, code: "pending" });

    const request = await t.prisma.orderRevision.findFirstOrThrow({ where: { orderId: order.id, status: "PENDING" } });
    // The board's list of pending requests shows it, with its order, difference and prices.
    const listed = (await findPendingRequests(t.prisma)).find((r) => r.id === request.id);
    expect(listed).toMatchObject({ order: { number: order.number, currency: order.currency }, totalBeforeCents: order.totalCents, totalAfterCents: request.totalAfterCents });
    expect(listed?.differences.join(" ")).toContain("Sage");
    expect(listed?.createdAt.getTime()).toBe(request.createdAt.getTime());
    const early = await decideChangeRequest(t.prisma, { requestId: request.id, actor: staff, decision: { kind: "approve", feeCents: 5000, promisedDate: "2000-01-01", note: "" } });
    expect(early).toMatchObject({ ok: false, code: "invalid" });
    const approved = await decideChangeRequest(t.prisma, { requestId: request.id, actor: staff, decision: { kind: "approve", feeCents: 5000, promisedDate: null, note: "Sage is in stock" } });
    expect(approved).toMatchObject({ ok: true });
    expect((await findPendingRequests(t.prisma)).map((r) => r.id)).not.toContain(request.id);
    const after = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { options: true } });
    expect(after.revision).toBe(2);
    expect(after.totalCents).toBe(order.totalCents + 5000);
    expect(after.options.map((o) => o.label)).toContain("Sage");
    const decidedTwice = await decideChangeRequest(t.prisma, { requestId: request.id, actor: staff, decision: { kind: "decline", reason: "no" } });
    expect(decidedTwice).toMatchObject({ ok: false, code: "conflict" });
    const customerTries = await decideChangeRequest(t.prisma, { requestId: request.id, actor: { id: customer.id, role: "CUSTOMER" }, decision: { kind: "decline", reason: "no" } });
    expect(customerTries).toMatchObject({ ok: false, code: "forbidden" });

    const second = await applyChange(t.prisma, changeOf(after, { ...defaults, "fabric-color": "terracotta" }, { expected: { orderVersion: after.version, totalCents: totalOf({ ...defaults, "fabric-color": "terracotta" }) } }));
    expect(second).toMatchObject({ ok: true, status: "PENDING" });
    const pending = await t.prisma.orderRevision.findFirstOrThrow({ where: { orderId: order.id, status: "PENDING" } });
    expect(await decideChangeRequest(t.prisma, { requestId: pending.id, actor: staff, decision: { kind: "decline", reason: "" } })).toMatchObject({ ok: false, code: "invalid" });
    const declined = await decideChangeRequest(t.prisma, { requestId: pending.id, actor: staff, decision: { kind: "decline", reason: "The frame is already upholstered" } });
    expect(declined.ok).toBe(true);
    const final = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(final.revision).toBe(2);
    const lastEvent = await t.prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(lastEvent.note).toContain("The frame is already upholstered");
    expect(await checkConsistency(t.prisma)).toEqual([]);
  }, 120_000);

  it("the shop setting decides until which stage customers change directly and from which they only request", async () => {
    expect(changePolicySchema.safeParse({ changeDirectUntil: "IN_PRODUCTION", changeRequestUntil: "CONFIRMED" }).success).toBe(false);
    expect(changePolicySchema.safeParse({ changeDirectUntil: "SHIPPED", changeRequestUntil: "SHIPPED" }).success).toBe(false);
    const admin = await t.prisma.user.findUniqueOrThrow({ where: { email: "admin@atelier.test" } });
    await updateChangePolicy(t.prisma, admin, { changeDirectUntil: "PLACED", changeRequestUntil: "READY_TO_SHIP" });
    try {
      const order = await sofaOrder("CONFIRMED");
      const result = await applyChange(t.prisma, changeOf(order, { ...defaults, legs: "walnut" }));
      expect(result).toMatchObject({ ok: true, status: "PENDING" });
      expect((await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).revision).toBe(1);
      expect(await t.prisma.auditLog.count({ where: { action: "settings.change_policy" } })).toBe(1);
    } finally {
      await updateChangePolicy(t.prisma, admin, { changeDirectUntil: "CONFIRMED", changeRequestUntil: "IN_PRODUCTION" });
    }
  });

  it("the orders CSV and the dashboard count changes and their price effect", async () => {
    const applied = await t.prisma.orderRevision.findMany({ where: { status: "APPLIED" }, include: { order: { select: { number: true } } } });
    expect(applied.length).toBeGreaterThan(2);
    const [header, ...rows] = (await ordersCsv(t.prisma)).split("\r\n").filter(Boolean).map((line) => line.split(","));
    // Counted from the end of the row: the options cell before these may hold quoted commas.
    const col = (row: string[], name: string) => row[row.length - (header!.length - header!.indexOf(name))];
    const first = applied[0]!;
    const row = rows.find((r) => r[0] === first.order.number)!;
    expect(col(row, "revision")).toBe("2");
    expect(col(row, "changes")).toBe("1");
    expect(col(row, "pending_change_request")).toBe("no");
    expect(col(row, "change_price_effect")).toBe(((first.totalAfterCents - first.totalBeforeCents) / 100).toFixed(2));
    const dashboard = await getDashboard(t.prisma);
    expect(dashboard.changes.applied).toBe(applied.length);
    expect(dashboard.changes.declined).toBe(1);
    expect(dashboard.changes.priceEffect).toEqual([{ currency: "EUR", cents: applied.reduce((s, r) => s + r.totalAfterCents - r.totalBeforeCents, 0) }]);
  });

  it("a revision is immutable once applied", async () => {
    const revision = await t.prisma.orderRevision.findFirstOrThrow({ where: { status: "APPLIED" } });
    await expect(t.rawQuery(`UPDATE order_revisions SET total_after_cents = 1 WHERE id = $1`, [revision.id])).rejects.toThrow(/cannot change/);
  });
});
