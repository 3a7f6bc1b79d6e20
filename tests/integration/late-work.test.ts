import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateOfDay } from "@/lib/delivery/calendar";
import { findBoard } from "@/lib/production/board";
import { rollForward, rollForwardOncePerDay } from "@/lib/production/late-work";
import { readPlannedDate, repromiseOrder } from "@/lib/production/repromise";
import { bookedOn, bookingsOf, day, orderWithOperations, seedFloor, today, type FloorFixture } from "./helpers/operations";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let f: FloorFixture;
const dateText = (offset: number) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(dateOfDay(today() + offset));

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedFloor(t);
  await t.prisma.settings.create({ data: { id: 1, shippingDays: 2 } });
});
afterAll(() => t.drop());

/** A sofa whose frame should have been built two days ago and whose upholstery started yesterday. */
function lateSofa(promisedOffset: number) {
  return orderWithOperations(t, f, {
    status: "CONFIRMED",
    promisedOffset,
    ops: [
      { centre: "frame", label: "Frame", hours: 4, days: [[-2, 4]] },
      { centre: "upholstery", label: "Upholstery", hours: 8, days: [[-1, 4], [0, 4]] },
      { centre: "assembly", label: "Assembly", hours: 2, days: [[3, 2]] },
    ],
  });
}

const order = (id: string) => t.prisma.order.findUniqueOrThrow({ where: { id } });
let atRiskId = "";
let atRiskNumber = "";

describe("late work rolls forward", () => {
  it("books late work again from today, moves the later operations it pushes, keeps the others, and flags the order at risk", async () => {
    const late = await lateSofa(4);
    const onTime = await orderWithOperations(t, f, { status: "CONFIRMED", promisedOffset: 9, ops: [{ centre: "frame", label: "Frame", hours: 3, days: [[1, 3]] }] });
    const slack = await lateSofa(30);
    const frameBefore = await bookedOn(t, "frame", -2);

    const result = await rollForward(t.prisma);
    expect(result).toMatchObject({ orders: 2, operations: 4, atRisk: 1, unplannable: [] });
    expect(await bookingsOf(t, late.ops[0]!)).toEqual([[0, 4]]);
    expect(await bookingsOf(t, late.ops[1]!)).toEqual([[1, 8]]); // it could not start before the frame is done
    expect(await bookingsOf(t, late.ops[2]!)).toEqual([[3, 2]]); // assembly still starts after upholstery ends
    expect(await bookedOn(t, "frame", -2)).toBe(frameBefore - 8); // both late frames gave their past day back
    expect(await bookedOn(t, "upholstery", -1)).toBe(0);
    const frame = await t.prisma.orderOperation.findUniqueOrThrow({ where: { id: late.ops[0]! } });
    expect([frame.plannedStart?.toISOString().slice(0, 10), frame.plannedEnd?.toISOString().slice(0, 10)]).toEqual([day(0), day(0)]);
    // Production now ends on day 3, + 2 shipping days = day 5: after the promise (day 4), not after day 30.
    expect((await order(late.id)).atRisk).toBe(true);
    expect((await order(slack.id)).atRisk).toBe(false);
    expect(await bookingsOf(t, onTime.ops[0]!)).toEqual([[1, 3]]);
    expect((await order(onTime.id)).atRisk).toBe(false);
    // Every hour is still booked once: nothing lost, nothing doubled.
    const held = await t.prisma.capacityBooking.aggregate({ where: { orderId: late.id }, _sum: { hours: true } });
    expect(held._sum.hours).toBe(14);
    atRiskId = late.id;
    atRiskNumber = late.number;

    const board = await findBoard(t.prisma, { page: {} });
    const card = board.columns.flatMap((c) => c.cards).find((c) => c.number === late.number);
    expect(card?.risk).toBe("at_risk");
  });

  it("leaves finished operations alone and finds nothing more to do the same day", async () => {
    const finished = await orderWithOperations(t, f, { status: "IN_PRODUCTION", promisedOffset: 10, ops: [
      { centre: "frame", label: "Frame", hours: 2, days: [[-3, 2]], status: "DONE" },
      { centre: "assembly", label: "Assembly", hours: 2, days: [[2, 2]] },
    ] });
    expect(await rollForward(t.prisma)).toMatchObject({ orders: 0, operations: 0 });
    expect(await bookingsOf(t, finished.ops[0]!)).toEqual([[-3, 2]]);
  });

  it("runs at most once per day per database, whoever asks", async () => {
    await lateSofa(20);
    const [first, second] = await Promise.all([rollForwardOncePerDay(t.prisma), rollForwardOncePerDay(t.prisma)]);
    const ran = [first, second].filter(Boolean);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ orders: 1 });
    expect(await rollForwardOncePerDay(t.prisma)).toBeNull();
    const runs = await t.prisma.lateWorkRun.findMany();
    expect(runs.map((r) => [r.day.toISOString().slice(0, 10), r.moved])).toEqual([[day(0), 2]]);
  });
});

describe("re-promising an order at risk", () => {
  it("refuses a date before the plan can deliver", async () => {
    expect(await readPlannedDate(t.prisma, atRiskId)).toEqual(dateOfDay(today() + 5));
    const early = await repromiseOrder(t.prisma, { orderNumber: atRiskNumber, date: day(4), note: "", actorId: f.staff.id });
    expect(early).toEqual({ ok: false, code: "invalid", message: `The plan delivers ${atRiskNumber} on ${dateText(5)} at the earliest: choose that day or a later one.` });
    expect((await order(atRiskId)).atRisk).toBe(true);
  });

  it("sets the new date, clears the risk, writes the event on the same status, emails the customer and audits, once", async () => {
    const before = await order(atRiskId);
    const result = await repromiseOrder(t.prisma, { orderNumber: atRiskNumber, date: day(6), note: "The oak frame had to be redone", actorId: f.staff.id });
    expect(result.ok).toBe(true);
    const after = await order(atRiskId);
    expect(after).toMatchObject({ atRisk: false, status: "CONFIRMED", version: before.version + 1 });
    expect(after.promisedDate).toEqual(dateOfDay(today() + 6));
    const note = `Re-promised for ${dateText(6)} (was ${dateText(4)}): The oak frame had to be redone`;
    const event = await t.prisma.orderEvent.findFirstOrThrow({ where: { orderId: atRiskId }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ fromStatus: "CONFIRMED", toStatus: "CONFIRMED", note, actorId: f.staff.id });
    const email = await t.prisma.emailOutbox.findFirstOrThrow({ where: { orderId: atRiskId } });
    expect(email).toMatchObject({ to: f.customer.email, subject: `Order ${atRiskNumber}: new delivery date ${dateText(6)}` });
    expect(email.text).toContain("The oak frame had to be redone");
    expect(await t.prisma.auditLog.count({ where: { entityId: atRiskId, action: "order.repromise" } })).toBe(1);

    const again = await repromiseOrder(t.prisma, { orderNumber: atRiskNumber, date: day(8), note: "", actorId: f.staff2.id });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect((await order(atRiskId)).promisedDate).toEqual(dateOfDay(today() + 6));
  });
});
