import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConsistency } from "@/lib/db/ops/check";
import { getCustomerOrder } from "@/lib/orders/queries";
import { buildTimeline } from "@/lib/orders/timeline";
import { findOperationProgress } from "@/lib/production/progress";
import { findCentreQueue, finishOperation, listFloorCentres, startOperation } from "@/lib/production/shop-floor";
import { bookedOn, bookingsOf, orderWithOperations, seedFloor, type FloorFixture } from "./helpers/operations";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let f: FloorFixture;
const staff = () => ({ id: f.staff.id, role: "STAFF" as const });
const staff2 = () => ({ id: f.staff2.id, role: "STAFF" as const });

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedFloor(t);
});
afterAll(() => t.drop());

/** A three-operation sofa: frame (today), upholstery (the next two days), assembly (day 3). */
function sofa(status: "PLACED" | "CONFIRMED" | "IN_PRODUCTION" = "CONFIRMED") {
  return orderWithOperations(t, f, {
    status,
    promisedOffset: 10,
    ops: [
      { centre: "frame", label: "Frame", hours: 4, days: [[0, 4]] },
      { centre: "upholstery", label: "Upholstery", hours: 10, days: [[1, 6], [2, 4]] },
      { centre: "assembly", label: "Assembly", hours: 2, days: [[3, 2]] },
    ],
  });
}

const events = (orderId: string) => t.prisma.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, note: true, actorId: true } });

describe("a work centre's queue", () => {
  it("lists its operations in planned order, saying which wait for an earlier one or for confirmation", async () => {
    const confirmed = await sofa("CONFIRMED");
    const placed = await sofa("PLACED");
    const frame = await findCentreQueue(t.prisma, "frame");
    const upholstery = await findCentreQueue(t.prisma, "upholstery");
    const mine = (q: typeof frame, n: string) => q!.queue.find((i) => i.orderNumber === n)!;
    expect(mine(frame, confirmed.number)).toMatchObject({ label: "Frame", productName: "Sofa", hours: 4, waitingFor: null, status: "PENDING" });
    expect(mine(frame, placed.number).waitingFor).toBe("the order to be confirmed");
    expect(mine(upholstery, confirmed.number).waitingFor).toBe("Frame (Frame shop) to finish");
    const starts = upholstery!.queue.map((i) => i.plannedStart!.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const centres = await listFloorCentres(t.prisma);
    expect(centres.map((c) => c.name).filter((n) => n !== "Workshop")).toEqual(["Frame shop", "Upholstery", "Assembly"]);
    expect(centres.find((c) => c.id === "frame")).toMatchObject({ queued: 2, ready: 1, running: 0 });
    expect(await findCentreQueue(t.prisma, "no-such-centre")).toBeNull();
  });
});

describe("starting and finishing operations", () => {
  it("refuses to start work on an order not confirmed, or before the earlier operations are done", async () => {
    const placed = await sofa("PLACED");
    const refused = await startOperation(t.prisma, { operationId: placed.ops[0]!, actor: staff() });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(refused.ok ? "" : refused.message).toContain("is not confirmed yet");
    const confirmed = await sofa("CONFIRMED");
    const early = await startOperation(t.prisma, { operationId: confirmed.ops[1]!, actor: staff() });
    expect(early.ok ? "" : early.message).toBe(`Upholstery of ${confirmed.number} waits for Frame (Frame shop) to finish first.`);
    expect((await t.prisma.orderOperation.findUniqueOrThrow({ where: { id: confirmed.ops[1]! } })).status).toBe("PENDING");
  });

  it("drives the order: the first start begins production, the last finish sends it to the quality check", async () => {
    const order = await sofa("CONFIRMED");
    const started = await startOperation(t.prisma, { operationId: order.ops[0]!, actor: staff() });
    expect(started).toMatchObject({ ok: true, orderStatus: "IN_PRODUCTION" });
    const inProduction = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { productionJob: true } });
    expect(inProduction.status).toBe("IN_PRODUCTION");
    expect(inProduction.productionJob?.startedAt).toBeInstanceOf(Date);
    const again = await startOperation(t.prisma, { operationId: order.ops[0]!, actor: staff2() });
    expect(again.ok ? "" : again.message).toMatch(/^Frame of AT-\d{4}-\d{6} was already started by Anna Staff at \d\d:\d\d UTC\. Nothing was changed\.$/);

    expect((await finishOperation(t.prisma, { operationId: order.ops[0]!, actualHours: 3.5, actor: staff() })).ok).toBe(true);
    const frame = await t.prisma.orderOperation.findUniqueOrThrow({ where: { id: order.ops[0]! } });
    expect(frame).toMatchObject({ status: "DONE", actualHours: 3.5, finishedById: f.staff.id });
    expect(frame.finishedAt).toBeInstanceOf(Date);

    // The customer's timeline shows where production stands.
    expect((await startOperation(t.prisma, { operationId: order.ops[1]!, actor: staff2() })).ok).toBe(true);
    const customerOrder = (await getCustomerOrder(t.prisma, f.customer.id, order.number))!;
    const steps = buildTimeline(customerOrder.status, customerOrder.events, await findOperationProgress(t.prisma, order.id));
    const production = steps.find((s) => s.status === "IN_PRODUCTION")!;
    expect(production).toMatchObject({ state: "current", note: "Upholstery - in progress" });
    expect(production.operations).toEqual([{ label: "Frame", state: "done" }, { label: "Upholstery", state: "current" }, { label: "Assembly", state: "upcoming" }]);
    expect(steps.find((s) => s.status === "CONFIRMED")?.state).toBe("done");

    await finishOperation(t.prisma, { operationId: order.ops[1]!, actualHours: 10, actor: staff2() });
    await startOperation(t.prisma, { operationId: order.ops[2]!, actor: staff() });
    const last = await finishOperation(t.prisma, { operationId: order.ops[2]!, actualHours: 2, actor: staff() });
    expect(last).toMatchObject({ ok: true, orderStatus: "QUALITY_CHECK" });
    const done = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { productionJob: true } });
    expect(done.status).toBe("QUALITY_CHECK");
    expect(done.productionJob?.completedAt).toBeInstanceOf(Date);
    expect((await events(order.id)).map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, "PLACED", ""],
      ["PLACED", "CONFIRMED", ""],
      ["CONFIRMED", "IN_PRODUCTION", "Frame started (Frame shop)"],
      ["IN_PRODUCTION", "IN_PRODUCTION", "Frame finished (Frame shop, 3.5 h)"],
      ["IN_PRODUCTION", "IN_PRODUCTION", "Upholstery started (Upholstery)"],
      ["IN_PRODUCTION", "IN_PRODUCTION", "Upholstery finished (Upholstery, 10 h)"],
      ["IN_PRODUCTION", "IN_PRODUCTION", "Assembly started (Assembly)"],
      ["IN_PRODUCTION", "QUALITY_CHECK", "Assembly finished (Assembly, 2 h); production finished"],
    ]);
    expect(await t.prisma.emailOutbox.count({ where: { orderId: order.id } })).toBe(2); // in production, quality check
  });

  it("refuses bad actual hours with a clear message and changes nothing", async () => {
    const order = await orderWithOperations(t, f, { status: "IN_PRODUCTION", promisedOffset: 10, ops: [{ centre: "frame", label: "Frame", hours: 2, days: [[0, 2]], status: "RUNNING" }] });
    for (const bad of [-1, Number.NaN, 5000]) {
      const result = await finishOperation(t.prisma, { operationId: order.ops[0]!, actualHours: bad, actor: staff() });
      expect(result).toEqual({ ok: false, code: "invalid", message: "Actual hours must be a number from 0 to 1000." });
    }
    const pending = await orderWithOperations(t, f, { status: "IN_PRODUCTION", promisedOffset: 10, ops: [{ centre: "frame", label: "Frame", hours: 2, days: [[0, 2]] }] });
    const notStarted = await finishOperation(t.prisma, { operationId: pending.ops[0]!, actualHours: 2, actor: staff() });
    expect(notStarted.ok ? "" : notStarted.message).toContain("has not been started: start it first");
    expect((await t.prisma.orderOperation.findUniqueOrThrow({ where: { id: order.ops[0]! } })).status).toBe("RUNNING");
  });

  it("gives back the hours booked after today when an operation finishes early, and keeps today's", async () => {
    const order = await orderWithOperations(t, f, {
      status: "IN_PRODUCTION",
      promisedOffset: 12,
      ops: [
        { centre: "upholstery", label: "Upholstery", hours: 12, days: [[0, 2], [1, 6], [2, 4]], status: "RUNNING" },
        { centre: "assembly", label: "Assembly", hours: 2, days: [[4, 2]] },
      ],
    });
    const before = [await bookedOn(t, "upholstery", 1), await bookedOn(t, "upholstery", 2)];
    const result = await finishOperation(t.prisma, { operationId: order.ops[0]!, actualHours: 9, actor: staff() });
    expect(result.ok ? result.message : "").toContain("10 h planned after today went back to Upholstery");
    expect(await bookingsOf(t, order.ops[0]!)).toEqual([[0, 2]]);
    expect([await bookedOn(t, "upholstery", 1), await bookedOn(t, "upholstery", 2)]).toEqual([before[0]! - 6, before[1]! - 4]);
    expect(await bookingsOf(t, order.ops[1]!)).toEqual([[4, 2]]); // the next operation keeps its plan
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_PRODUCTION");
  });

  it("lets one of two people finishing the same operation at once win, and tells the other who did", async () => {
    const order = await orderWithOperations(t, f, { status: "IN_PRODUCTION", promisedOffset: 10, ops: [
      { centre: "frame", label: "Frame", hours: 3, days: [[0, 3]], status: "RUNNING" },
      { centre: "assembly", label: "Assembly", hours: 1, days: [[1, 1]] },
    ] });
    const results = await Promise.all([
      finishOperation(t.prisma, { operationId: order.ops[0]!, actualHours: 3, actor: staff() }),
      finishOperation(t.prisma, { operationId: order.ops[0]!, actualHours: 4, actor: staff2() }),
    ]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const op = await t.prisma.orderOperation.findUniqueOrThrow({ where: { id: order.ops[0]! }, include: { finishedBy: true } });
    expect(lost[0]).toMatchObject({ ok: false, code: "conflict" });
    expect(lost[0]!.ok ? "" : lost[0]!.message).toContain(`was already finished by ${op.finishedBy!.name}`);
    expect(lost[0]!.ok ? "" : lost[0]!.message).toContain("Your hours were not recorded.");
    expect((await events(order.id)).filter((e) => e.note.startsWith("Frame finished"))).toHaveLength(1);
  });

  it("leaves the database consistent (db:check) after all of the above, apart from the fixtures' bare snapshots", async () => {
    const bare = ["each order has its option rows", "an order's operations add up", "each order is on a version of its own product"];
    const findings = (await checkConsistency(t.prisma)).filter((x) => !bare.some((invariant) => x.invariant.startsWith(invariant)));
    expect(findings).toEqual([]);
  });
});
