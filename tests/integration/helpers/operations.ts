import { randomUUID } from "node:crypto";
import { bookOperations } from "@/lib/delivery/capacity";
import { dateOfDay, dayOfDate, isoDay } from "@/lib/delivery/calendar";
import type { OrderStatus } from "@/lib/orders/status";
import type { TestDatabase } from "./test-db";

// Orders with several operations at several work centres, written directly (the routing that makes placed
// orders have several operations is not in the engine yet): the order row, its events up to its status, its
// production job when production started, its operations, and their bookings through book_operations (the
// function placement uses).

/** Today's day number (UTC): every centre works every day here, so any day is a working day. */
export const today = () => dayOfDate(new Date());
export const day = (offset: number) => isoDay(today() + offset);

export type FloorFixture = { staff: { id: string; name: string }; staff2: { id: string; name: string }; customer: { id: string; email: string; name: string }; productId: string; versionId: string };

/** Users, a product and three work centres (frame, upholstery, assembly; 100 h every day, room for every test). */
export async function seedFloor(t: TestDatabase): Promise<FloorFixture> {
  const user = (email: string, name: string, role: "STAFF" | "CUSTOMER") => t.prisma.user.create({ data: { email, name, passwordHash: "x", role } });
  const staff = await user("anna@atelier.test", "Anna Staff", "STAFF");
  const staff2 = await user("ben@atelier.test", "Ben Staff", "STAFF");
  const customer = await user("clara@example.com", "Clara Customer", "CUSTOMER");
  const product = await t.prisma.product.create({ data: { slug: "sofa", name: "Sofa" } });
  const version = await t.prisma.productVersion.create({ data: { productId: product.id, version: 1, status: "PUBLISHED", definition: {} } });
  const week = [100, 100, 100, 100, 100, 100, 100];
  for (const [i, [id, name]] of [["frame", "Frame shop"], ["upholstery", "Upholstery"], ["assembly", "Assembly"]].entries()) {
    await t.prisma.workCentre.create({ data: { id: id!, name: name!, sortOrder: i, weekdayHours: week } });
  }
  return { staff, staff2, customer: { id: customer.id, email: customer.email, name: customer.name }, productId: product.id, versionId: version.id };
}

export type OpSpec = { centre: string; label: string; hours: number; days: [number, number][]; status?: "PENDING" | "RUNNING" | "DONE" };

const PATH: OrderStatus[] = ["PLACED", "CONFIRMED", "IN_PRODUCTION"];
let counter = 0;

/** An order in `status` (PLACED, CONFIRMED or IN_PRODUCTION) with its operations booked on the given day offsets. */
export async function orderWithOperations(t: TestDatabase, f: FloorFixture, options: { status: OrderStatus; ops: OpSpec[]; promisedOffset: number }) {
  counter++;
  const number = `AT-2031-${String(900000 + counter).padStart(6, "0")}`;
  const hours = options.ops.reduce((a, o) => a + o.hours, 0);
  return t.prisma.$transaction(async (tx) => {
    const order = await tx.order.create({
      data: {
        number, customerId: f.customer.id, productId: f.productId, productVersionId: f.versionId, quantity: 1, selection: {}, configHash: "h",
        currency: "EUR", unitPriceCents: 1000, totalCents: 1000, leadDays: 0, productionHours: hours, promisedDate: dateOfDay(today() + options.promisedOffset),
        shippingAddress: { name: "Clara", city: "Bristol" }, idempotencyKey: randomUUID(), status: options.status, snapshot: {},
      },
    });
    const reached = PATH.slice(0, PATH.indexOf(options.status) + 1);
    let from: OrderStatus | null = null;
    for (const [i, to] of reached.entries()) {
      await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: from, toStatus: to, note: "", createdAt: new Date(Date.now() + i) } });
      from = to;
    }
    if (options.status === "IN_PRODUCTION") await tx.productionJob.create({ data: { orderId: order.id } });
    const ops = [];
    for (const [seq, spec] of options.ops.entries()) {
      const op = await tx.orderOperation.create({
        data: {
          orderId: order.id, seq, operationKey: spec.label.toLowerCase(), label: spec.label, workCentreId: spec.centre, hours: spec.hours, status: spec.status ?? "PENDING",
          ...(spec.status === "RUNNING" || spec.status === "DONE" ? { startedAt: new Date(), startedById: f.staff.id } : {}),
          ...(spec.status === "DONE" ? { finishedAt: new Date(), finishedById: f.staff.id, actualHours: spec.hours } : {}),
        },
      });
      ops.push(op);
      const bookings = spec.days.map(([offset, h]) => ({ day: day(offset), hours: h, capacity: 100 }));
      if (bookings.length) {
        await bookOperations(tx, order.id, [{ operationId: op.id, workCentre: spec.centre, start: bookings[0]!.day, end: bookings[bookings.length - 1]!.day, bookings }]);
      }
    }
    return { id: order.id, number, ops: ops.map((o) => o.id) };
  });
}

/** An operation's bookings as [day offset from today, hours], in day order. */
export async function bookingsOf(t: TestDatabase, operationId: string): Promise<[number, number][]> {
  const rows = await t.prisma.capacityBooking.findMany({ where: { operationId }, orderBy: { day: "asc" }, select: { day: true, hours: true } });
  return rows.map((r) => [dayOfDate(r.day) - today(), r.hours]);
}

/** Booked hours of a centre's day (offset from today). */
export async function bookedOn(t: TestDatabase, centre: string, offset: number): Promise<number> {
  const row = await t.prisma.capacityDay.findUnique({ where: { workCentreId_day: { workCentreId: centre, day: dateOfDay(today() + offset) } } });
  return row?.bookedHours ?? 0;
}
