import { getDb } from "@/lib/db";
import { processWide } from "@/lib/process-wide";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { bookOperations, releaseCapacity, takeBookingLock, type OperationBooking } from "@/lib/delivery/capacity";
import { dateOfDay, dayOfDate, isoDay } from "@/lib/delivery/calendar";
import { scheduleOrder, type ScheduledOperation } from "@/lib/delivery/schedule";
import { readPlanningContext } from "@/lib/delivery/context";
import { plannedDelivery } from "./planned-delivery";
import { OPEN_FOR_WORK } from "./shop-floor";

// Late work rolls forward (DESIGN.md "Delivery promise": running late rolls the rest forward and marks the
// order at risk). An operation not done whose booked days include days before today did not happen as planned:
// its hours are booked again from today into its centre's free hours (and the later operations of the same
// order whose planned start is now impossible move after it), under the booking lock, one order per
// transaction. When the new end of production plus the shipping days passes the promised date, the order is
// marked at risk: staff re-promise it (./repromise.ts).
//
// It runs at most once per day per database (a row per day in late_work_runs, whichever instance inserts it
// runs), from a timer on every instance (instrumentation.ts) and before the shop floor and the board read.

export type RollForwardResult = { orders: number; operations: number; atRisk: number; unplannable: string[] };


/** Rolls every late operation forward from `now`'s day; idempotent (a second run the same day finds nothing late). */
export async function rollForward(db: Prisma, now = new Date()): Promise<RollForwardResult> {
  const today = dateOfDay(dayOfDate(now));
  const late = await db.$queryRaw<{ order_id: string }[]>`
    SELECT DISTINCT op."order_id" FROM "order_operations" op
      JOIN "orders" o ON o."id" = op."order_id"
      JOIN "capacity_bookings" b ON b."operation_id" = op."id"
     WHERE op."status" <> 'DONE' AND b."day" < ${today}::date
       AND o."status" IN ('PLACED', 'CONFIRMED', 'IN_PRODUCTION')`;
  const result: RollForwardResult = { orders: 0, operations: 0, atRisk: 0, unplannable: [] };
  for (const { order_id } of late) {
    let one: OrderOutcome;
    try {
      one = await runTransaction(db, (tx) => rollOrderForward(tx, order_id, today));
    } catch (error) {
      if (!(error instanceof UnplannableOrder)) throw error;
      // No room within the horizon (or its centre was retired): the plan stays as it was, the order is flagged.
      result.unplannable.push(error.number);
      const flagged = await db.order.updateMany({ where: { id: order_id, atRisk: false }, data: { atRisk: true } });
      result.atRisk += flagged.count;
      continue;
    }
    if (one.kind === "skipped") continue;
    result.orders++;
    result.operations += one.moved;
    result.atRisk += one.newlyAtRisk ? 1 : 0;
  }
  return result;
}

type OrderOutcome = { kind: "skipped" } | { kind: "moved"; moved: number; newlyAtRisk: boolean };

/** Thrown (rolling the order's transaction back) when its late work finds no room to be booked again. */
class UnplannableOrder extends Error {
  constructor(readonly number: string) {
    super(`${number} cannot be planned again`);
  }
}

async function rollOrderForward(tx: Tx, orderId: string, today: Date): Promise<OrderOutcome> {
  await takeBookingLock(tx);
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, atRisk: true, promisedDate: true,
      operations: {
        where: { status: { not: "DONE" } },
        orderBy: { seq: "asc" },
        select: { id: true, seq: true, operationKey: true, label: true, workCentreId: true, hours: true, plannedStart: true, plannedEnd: true, bookings: { select: { day: true } } },
      },
    },
  });
  if (!order || !OPEN_FOR_WORK.includes(order.status)) return { kind: "skipped" };
  const ops = order.operations;
  const first = ops.findIndex((op) => op.bookings.some((b) => b.day < today));
  if (first < 0) return { kind: "skipped" }; // someone else rolled it forward meanwhile
  // The operation before the late one (not done, on time) still ends when planned: the late one starts after it.
  const previousEnd = first > 0 ? ops[first - 1]!.plannedEnd : null;
  const earliest = Math.max(dayOfDate(today), previousEnd ? dayOfDate(previousEnd) + 1 : 0);

  let chain = [ops[first]!];
  await releaseCapacity(tx, orderId, { operationId: ops[first]!.id });
  // The calendar, the shipping days and the load as placement reads them (read_planning; this transaction holds the
  // lock), read again after each release.
  let planning = await readPlanningContext(tx, today, { lock: false });
  const { calendar } = planning;
  let planned: ScheduledOperation[] = [];
  for (;;) {
    const schedule = scheduleOrder({
      today,
      leadDays: earliest - dayOfDate(today),
      operations: chain.map((op) => ({ key: op.id, label: op.label, workCentre: op.workCentreId, hours: op.hours })),
      shippingDays: 0,
      calendar,
      booked: planning.booked,
    });
    if (!schedule.ok) throw new UnplannableOrder(order.number);
    planned = schedule.operations;
    const end = planned.length ? planned[planned.length - 1]!.end : null;
    const next = ops[first + chain.length];
    // The next operation keeps its plan when it still starts after the moved ones end.
    if (!next || !end || (next.plannedStart && isoDay(dayOfDate(next.plannedStart)) > end)) break;
    await releaseCapacity(tx, orderId, { operationId: next.id });
    planning = await readPlanningContext(tx, today, { lock: false });
    chain = [...chain, next];
  }
  const bookings: OperationBooking[] = planned.map((p) => ({ operationId: p.key, workCentre: p.workCentre, start: p.start, end: p.end, bookings: p.bookings }));
  await bookOperations(tx, orderId, bookings);
  const delivery = await plannedDelivery(tx, orderId, calendar, planning.settings.shippingDays);
  const atRisk = delivery !== null && delivery.date > order.promisedDate;
  if (atRisk && !order.atRisk) await tx.order.update({ where: { id: orderId }, data: { atRisk: true } });
  return { kind: "moved", moved: chain.length, newlyAtRisk: atRisk && !order.atRisk };
}

/**
 * Runs rollForward once per day per database: the instance that records today's run in late_work_runs does
 * it; every other call that day returns at once. A failed run removes its record so the next call retries.
 */
export async function rollForwardOncePerDay(db: Prisma, now = new Date()): Promise<RollForwardResult | null> {
  const day = dateOfDay(dayOfDate(now));
  const claimed = await db.$executeRaw`INSERT INTO "late_work_runs" ("day") VALUES (${day}::date) ON CONFLICT ("day") DO NOTHING`;
  if (claimed !== 1) return null;
  try {
    const result = await rollForward(db, now);
    await db.lateWorkRun.update({ where: { day }, data: { moved: result.operations, atRisk: result.atRisk } });
    return result;
  } catch (error) {
    await db.lateWorkRun.delete({ where: { day } }).catch(() => {});
    throw error;
  }
}

let timer: NodeJS.Timeout | null = null;

/** Checks every `intervalMs` on this instance whether today's roll-forward has run (the timer does not keep the process alive). */
export function startLateWorkRoller(intervalMs = 10 * 60_000): void {
  if (timer) return;
  const run = () => void getDb().then((db) => rollForwardOncePerDay(db)).catch((error) => console.error("rolling late work forward failed", error));
  timer = setInterval(run, intervalMs);
  timer.unref();
  run();
}

// The days this process has seen claimed in late_work_runs, per database: once a day's run is recorded no
// call can run it again, so the pages skip the claim (a write) on every later request of that day.
const claimedDays = processWide("lateWorkClaimedDays", () => new WeakMap<Prisma, string>());

/** For pages about to read the plan: today's roll-forward if it has not run yet; a failure is logged, never shown. */
export async function rollForwardBeforeReading(db: Prisma, now = new Date()): Promise<void> {
  const day = isoDay(dayOfDate(now));
  if (claimedDays.get(db) === day) return;
  try {
    await rollForwardOncePerDay(db, now);
    claimedDays.set(db, day);
  } catch (error) {
    console.error("rolling late work forward failed", error);
  }
}
