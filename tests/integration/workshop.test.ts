import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findAuditRows } from "@/lib/audit/queries";
import { runTransaction } from "@/lib/db/transaction";
import { readWorkshopCalendar } from "@/lib/workshop/queries";
import { syncCapacityDays, WorkshopRefusal } from "@/lib/workshop/capacity-sync";
import { findCentreWeekOrders, findWorkshopLoad, isoWeekKey, mondayOfWeek } from "@/lib/workshop/load";
import { createWorkCentreSchema } from "@/lib/workshop/schema";
import {
  addShopClosure,
  createWorkCentre,
  removeCalendarException,
  removeShopClosure,
  setCalendarException,
  setWorkCentreActive,
  updateWorkCentre,
} from "@/lib/workshop/service";
import { dayNumber } from "@/lib/delivery/calendar";
import { form, harness } from "./helpers/personas";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Work centres and calendars as staff edit them (lib/workshop): every change bumps the calendar version,
// is audited, and moves the capacity of booked days, never below the hours already booked on a day.

vi.mock("@/lib/auth/session-token", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/session-token")>();
  const { sessionClaims } = await import("./helpers/personas");
  return { ...actual, readSession: sessionClaims };
});
vi.mock("@/lib/db", async () => {
  const { harness: h } = await import("./helpers/personas");
  return { getDb: async () => h.db!.prisma, getDatabase: async () => h.db! };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/navigation", async () => (await import("./helpers/personas")).navigationMock);
vi.mock("next/headers", async () => (await import("./helpers/personas")).headersMock);

let t: TestDatabase;
let staff: { id: string };
let customer: { id: string };
const now = new Date("2026-12-01T09:00:00Z"); // a Tuesday
const opts = { now };
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const hours = (h: number) => [h, h, h, h, h, 0, 0];

const calendarVersion = async () => (await t.prisma.settings.findUnique({ where: { id: 1 } }))?.calendarVersion ?? 0;
const capacityOf = async (centre: string, day: string) => (await t.prisma.capacityDay.findUniqueOrThrow({ where: { workCentreId_day: { workCentreId: centre, day: date(day) } } })).capacityHours;

let orderSeq = 0;
/** An order with `booked` hours at `centre` on each of `days` (one operation), written straight into the tables. */
async function bookOrder(number: string, centre: string, booked: Record<string, number>) {
  orderSeq++;
  const product = await t.prisma.product.upsert({ where: { slug: "fixture" }, update: {}, create: { slug: "fixture", name: "Fixture sofa" } });
  const version = await t.prisma.productVersion.upsert({
    where: { productId_version: { productId: product.id, version: 1 } },
    update: {},
    create: { productId: product.id, version: 1, status: "PUBLISHED", definition: {} },
  });
  const total = Object.values(booked).reduce((a, b) => a + b, 0);
  const order = await t.prisma.order.create({
    data: {
      number, customerId: customer.id, productId: product.id, productVersionId: version.id, quantity: 1, selection: {}, snapshot: {}, configHash: "h",
      currency: "EUR", unitPriceCents: 100, totalCents: 100, leadDays: 0, productionHours: total, promisedDate: date("2027-01-15"),
      shippingAddress: { name: "C" }, idempotencyKey: `k-${orderSeq}`, status: "CONFIRMED",
    },
  });
  const operation = await t.prisma.orderOperation.create({ data: { orderId: order.id, seq: 0, operationKey: centre, label: "Upholstery", workCentreId: centre, hours: total } });
  for (const [day, h] of Object.entries(booked)) {
    await t.rawQuery(
      `INSERT INTO capacity_days (work_centre_id, day, capacity_hours, booked_hours) VALUES ($1, $2::date, $3, $4)
       ON CONFLICT (work_centre_id, day) DO UPDATE SET booked_hours = capacity_days.booked_hours + EXCLUDED.booked_hours`,
      [centre, day, 16, h],
    );
    await t.rawQuery(`INSERT INTO capacity_bookings (id, order_id, operation_id, work_centre_id, day, hours) VALUES ($1, $2, $3, $4, $5::date, $6)`, [`b-${orderSeq}-${day}`, order.id, operation.id, centre, day, h]);
  }
  return order;
}

const REFUSAL_24_DEC = "Upholstery on 24 Dec 2026 has 12 h booked (AT-2026-000031, AT-2026-000040): it cannot go below that.";

beforeAll(async () => {
  t = await createTestDatabase();
  harness.db = t;
  staff = await t.prisma.user.create({ data: { email: "staff@example.com", name: "Sam Staff", passwordHash: "x", role: "STAFF" }, select: { id: true } });
  customer = await t.prisma.user.create({ data: { email: "carl@example.com", name: "Carl", passwordHash: "x" }, select: { id: true } });
  expect(await createWorkCentre(t.prisma, staff, { id: "upholstery", name: "Upholstery", weekdayHours: hours(16) }, opts)).toEqual({ ok: true, message: "Upholstery added." });
  // Thursday 24 Dec: 12 of 16 h booked by two orders; Monday 28 Dec: a day with a row but nothing booked yet.
  await bookOrder("AT-2026-000031", "upholstery", { "2026-12-23": 16, "2026-12-24": 7 });
  await bookOrder("AT-2026-000040", "upholstery", { "2026-12-24": 5 });
  await t.rawQuery(`INSERT INTO capacity_days (work_centre_id, day, capacity_hours, booked_hours) VALUES ('upholstery', '2026-12-28', 16, 0), ('upholstery', '2026-11-26', 16, 4)`);
});
afterAll(async () => {
  harness.db = null;
  await t?.drop();
});

describe("work centres", () => {
  it("adds a centre with a valid key only, once", async () => {
    expect(createWorkCentreSchema.safeParse({ id: "Frame Shop", name: "Frame", hours0: "8", hours1: "8", hours2: "8", hours3: "8", hours4: "8", hours5: "0", hours6: "0" }).success).toBe(false);
    expect(createWorkCentreSchema.safeParse({ id: "frame", name: "Frame", hours0: "8", hours1: "8", hours2: "8", hours3: "8", hours4: "8", hours5: "0", hours6: "1001" }).success).toBe(false);
    const version = await calendarVersion();
    expect(await createWorkCentre(t.prisma, staff, { id: "upholstery", name: "Again", weekdayHours: hours(8) }, opts)).toEqual({ ok: false, field: "id", message: 'A work centre with the key "upholstery" already exists.' });
    expect(await createWorkCentre(t.prisma, staff, { id: "paint", name: "Paint", weekdayHours: hours(8) }, opts)).toMatchObject({ ok: true });
    expect(await calendarVersion()).toBe(version + 1);
    const calendar = await readWorkshopCalendar(t.prisma, now);
    expect(calendar.centres.find((c) => c.id === "paint")).toEqual({ id: "paint", name: "Paint", weekdayHours: [8, 8, 8, 8, 8, 0, 0] });
  });

  it("renames a centre and changes its weekday hours: booked days from today on follow, past days keep theirs", async () => {
    expect(await updateWorkCentre(t.prisma, staff, { id: "upholstery", name: "Upholstery", weekdayHours: [20, 20, 18, 20, 20, 0, 0] }, opts)).toMatchObject({ ok: true });
    expect(await capacityOf("upholstery", "2026-12-23")).toBe(18); // a Wednesday
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(20);
    expect(await capacityOf("upholstery", "2026-11-26")).toBe(16); // before today
    expect(await updateWorkCentre(t.prisma, staff, { id: "paint", name: "Paint shop", weekdayHours: hours(8) }, opts)).toMatchObject({ ok: true, message: "Paint shop saved." });
    const audit = await findAuditRows(t.prisma, { entity: "WorkCentre", q: "Paint" });
    expect(audit[0]).toMatchObject({ action: "workshop.centre.update", summary: "Paint shop: renamed Paint to Paint shop", actor: "Sam Staff <staff@example.com>" });
  });

  it("refuses weekday hours below what a day has booked, naming the orders, and changes nothing", async () => {
    const version = await calendarVersion();
    const result = await updateWorkCentre(t.prisma, staff, { id: "upholstery", name: "Upholstery", weekdayHours: [16, 16, 16, 10, 16, 0, 0] }, opts);
    expect(result).toEqual({ ok: false, message: REFUSAL_24_DEC });
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(20);
    expect((await t.prisma.workCentre.findUniqueOrThrow({ where: { id: "upholstery" } })).weekdayHours).toEqual([20, 20, 18, 20, 20, 0, 0]);
    expect(await calendarVersion()).toBe(version);
    const over = await updateWorkCentre(t.prisma, staff, { id: "upholstery", name: "Upholstery", weekdayHours: [16, 16, 8, 8, 16, 0, 0] }, opts);
    expect(over).toEqual({ ok: false, message: "Upholstery on 23 Dec 2026 has 16 h booked (AT-2026-000031): it cannot go below that. 1 more day is booked above the new hours too." });
  });
});

describe("calendar exceptions", () => {
  it("refuses closing a booked day with the orders booked on it", async () => {
    const version = await calendarVersion();
    expect(await setCalendarException(t.prisma, staff, { centre: "upholstery", day: "2026-12-24", hours: 0, note: "Christmas Eve" }, opts)).toEqual({ ok: false, message: REFUSAL_24_DEC });
    expect(await t.prisma.calendarException.count({ where: { workCentreId: "upholstery" } })).toBe(0);
    expect(await calendarVersion()).toBe(version);
  });

  it("sets short hours, overtime and removes the exception, moving the booked day's capacity each time", async () => {
    const version = await calendarVersion();
    expect(await setCalendarException(t.prisma, staff, { centre: "upholstery", day: "2026-12-24", hours: 12, note: "Short day" }, opts)).toEqual({ ok: true, message: "Upholstery on 24 Dec 2026: 12 h." });
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(12);
    expect(await setCalendarException(t.prisma, staff, { centre: "upholstery", day: "2026-12-24", hours: 30, note: "Overtime" }, opts)).toMatchObject({ ok: true });
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(30);
    expect(await t.prisma.calendarException.findMany({ where: { workCentreId: "upholstery" }, select: { hours: true, note: true } })).toEqual([{ hours: 30, note: "Overtime" }]);
    expect(await removeCalendarException(t.prisma, staff, "upholstery", "2026-12-24", opts)).toEqual({ ok: true, message: "Upholstery on 24 Dec 2026 follows its weekday again (20 h)." });
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(20);
    expect(await calendarVersion()).toBe(version + 3);
    const audit = await findAuditRows(t.prisma, { entity: "WorkCentre", q: "24 Dec" });
    expect(audit.map((a) => a.summary)).toEqual([
      "Upholstery on 24 Dec 2026: back to the weekday's 20 h",
      "Upholstery on 24 Dec 2026: 30 h (Overtime), was 12 h",
      "Upholstery on 24 Dec 2026: 12 h (Short day)",
    ]);
  });

  it("refuses a day in the past", async () => {
    expect(await setCalendarException(t.prisma, staff, { centre: "upholstery", day: "2026-11-30", hours: 0, note: "" }, opts)).toMatchObject({ ok: false, field: "day" });
  });

  it("maps the database's own check (the backstop) to the same message", async () => {
    await expect(
      runTransaction(t.prisma, async (tx) => {
        await tx.calendarException.create({ data: { workCentreId: "upholstery", day: date("2026-12-24"), hours: 2 } });
        await syncCapacityDays(tx, { centres: ["upholstery"], from: dayNumber("2026-12-24"), to: dayNumber("2026-12-24") }, dayNumber("2026-12-01"), { check: false });
      }),
    ).rejects.toThrow(new WorkshopRefusal(REFUSAL_24_DEC));
    await expect(t.rawQuery(`UPDATE capacity_days SET capacity_hours = 2 WHERE work_centre_id = 'upholstery' AND day = '2026-12-24'`)).rejects.toThrow(/capacity_days_hours_check/);
    expect(await capacityOf("upholstery", "2026-12-24")).toBe(20);
  });
});

describe("shop closures", () => {
  it("refuses a closure over booked days, closes free days, and reopens them when removed", async () => {
    expect(await addShopClosure(t.prisma, staff, { name: "Christmas", firstDay: "2026-12-24", lastDay: "2027-01-01" }, opts)).toEqual({ ok: false, message: REFUSAL_24_DEC });
    expect(await t.prisma.shopClosure.count()).toBe(0);
    const version = await calendarVersion();
    expect(await addShopClosure(t.prisma, staff, { name: "Christmas", firstDay: "2026-12-25", lastDay: "2027-01-01" }, opts)).toEqual({ ok: true, message: "Shop closed 25 Dec 2026 – 1 Jan 2027 (Christmas)." });
    expect(await capacityOf("upholstery", "2026-12-28")).toBe(0);
    const closure = await t.prisma.shopClosure.findFirstOrThrow();
    expect(await removeShopClosure(t.prisma, staff, closure.id, opts)).toMatchObject({ ok: true });
    expect(await capacityOf("upholstery", "2026-12-28")).toBe(20);
    expect(await calendarVersion()).toBe(version + 2);
    expect((await findAuditRows(t.prisma, { entity: "ShopClosure" })).map((a) => a.action)).toEqual(["workshop.closure.remove", "workshop.closure.add"]);
  });
});

describe("deactivating a work centre", () => {
  it("is refused while orders have open work there, naming them", async () => {
    expect(await setWorkCentreActive(t.prisma, staff, "upholstery", false, opts)).toEqual({
      ok: false,
      message: "Upholstery has open work booked (AT-2026-000031, AT-2026-000040): finish, cancel or move it before deactivating the centre.",
    });
  });

  it("is refused while a current published routing uses it, and works (and back) otherwise", async () => {
    const product = await t.prisma.product.create({ data: { slug: "armchair", name: "Armchair" } });
    const version = await t.prisma.productVersion.create({
      data: { productId: product.id, version: 2, status: "PUBLISHED", definition: { routing: [{ id: "paint", label: "Paint", workCentre: "paint", baseHours: 2 }] } },
    });
    await t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: version.id } });
    expect(await setWorkCentreActive(t.prisma, staff, "paint", false, opts)).toEqual({
      ok: false,
      message: "Paint shop is in the published routing of Armchair (v2): publish versions that do not use it first.",
    });
    await t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: null } });
    expect(await setWorkCentreActive(t.prisma, staff, "paint", false, opts)).toEqual({ ok: true, message: "Paint shop deactivated." });
    expect((await readWorkshopCalendar(t.prisma, now)).centres.map((c) => c.id)).not.toContain("paint");
    expect(await setWorkCentreActive(t.prisma, staff, "paint", true, opts)).toEqual({ ok: true, message: "Paint shop reactivated." });
  });
});

describe("the load view", () => {
  it("adds booked and available hours per centre and ISO week, and finds the bottleneck", async () => {
    expect(isoWeekKey(dayNumber("2026-12-24"))).toBe("2026-W52");
    expect(isoWeekKey(dayNumber("2027-01-01"))).toBe("2026-W53");
    expect(mondayOfWeek("2026-W53")).toBe(dayNumber("2026-12-28"));
    expect(mondayOfWeek("2027-W53")).toBeNull();
    const load = await findWorkshopLoad(t.prisma, { today: now, weeks: 5 });
    expect(load.weeks.map((w) => w.week)).toEqual(["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]);
    const upholstery = load.centres.find((c) => c.id === "upholstery")!;
    expect(upholstery.weeks[3]).toMatchObject({ week: "2026-W52", booked: 28, available: 98 });
    expect(load.bottleneck).toBe("upholstery");
    expect(load.weeks[3]!.fullest).toBe("upholstery");
    expect(load.weeks[0]!.fullest).toBeNull();
    expect(await findCentreWeekOrders(t.prisma, "upholstery", "2026-W52")).toEqual([
      { number: "AT-2026-000031", status: "CONFIRMED", productName: "Fixture sofa", customerName: "Carl", operations: ["Upholstery"], hours: 23 },
      { number: "AT-2026-000040", status: "CONFIRMED", productName: "Fixture sofa", customerName: "Carl", operations: ["Upholstery"], hours: 5 },
    ]);
  });
});

describe("the actions", () => {
  it("refuse a customer (and write nothing), and let staff edit", async () => {
    const { setCalendarExceptionAction, addShopClosureAction } = await import("@/lib/workshop/actions");
    harness.sessionUserId = customer.id;
    const version = await calendarVersion();
    expect(await setCalendarExceptionAction({}, form({ centre: "upholstery", day: "2030-01-07", hours: "0", note: "" }))).toEqual({ ok: false, message: "Only staff and admins can change the workshop's calendar." });
    expect(await addShopClosureAction({}, form({ name: "Nope", firstDay: "2030-01-07", lastDay: "2030-01-08" }))).toMatchObject({ ok: false });
    harness.sessionUserId = null;
    expect(await addShopClosureAction({}, form({ name: "Nope", firstDay: "2030-01-07", lastDay: "2030-01-08" }))).toEqual({ ok: false, message: "Your session has ended. Sign in again." });
    expect(await calendarVersion()).toBe(version);
    expect(await t.prisma.shopClosure.count()).toBe(0);

    harness.sessionUserId = staff.id;
    expect(await addShopClosureAction({}, form({ name: "Summer", firstDay: "2030-08-05", lastDay: "2030-08-01" }))).toMatchObject({ ok: false, errors: { lastDay: ["The last day cannot be before the first"] } });
    expect(await addShopClosureAction({}, form({ name: "Summer", firstDay: "2030-08-01", lastDay: "2030-08-05" }))).toEqual({ ok: true, message: "Shop closed 1 Aug 2030 – 5 Aug 2030 (Summer)." });
    expect(await calendarVersion()).toBe(version + 1);
    harness.sessionUserId = null;
  });
});
