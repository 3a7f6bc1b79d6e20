import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { STATUS_LABELS, type OrderStatus } from "@/lib/orders/status";
import { transitionWithinTransaction, type TransitionRequest, type TransitionResult } from "@/lib/orders/transition";
import type { Role } from "@/lib/users/schema";

// The shop floor (issue 20): each work centre's queue of operations in planned order, and the staff's two
// actions on an operation, start and finish. The operations drive the order's status through the one state
// machine (transitionOrder): starting the first operation of a confirmed order starts production (and opens
// its ProductionJob), finishing the last one sends it to the quality check. Each start and finish writes an
// order event (a note on the order's current status when the status does not change), which the database
// announces to every instance (order_events_notify -> LISTEN/NOTIFY): the customer's page and the staff's
// pages refresh live.

/** Orders whose operations are on the floor's queues. */
export const OPEN_FOR_WORK: OrderStatus[] = ["PLACED", "CONFIRMED", "IN_PRODUCTION"];
/** Orders whose operations may start. */
const STARTABLE: OrderStatus[] = ["CONFIRMED", "IN_PRODUCTION"];
/** The most actual hours one operation may record (a typo guard). */
export const MAX_ACTUAL_HOURS = 1000;
const QUEUE_LIMIT = 200;
const FINISHED_LIMIT = 15;
const FINISHED_DAYS = 7;
const DAY_MS = 86_400_000;

export type QueueItem = {
  operationId: string;
  orderNumber: string;
  orderStatus: OrderStatus;
  productName: string;
  quantity: number;
  /** The operation as the customer reads it ("Upholstery"). */
  label: string;
  seq: number;
  hours: number;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  promisedDate: Date;
  atRisk: boolean;
  status: "PENDING" | "RUNNING";
  startedAt: Date | null;
  startedBy: string | null;
  /** Why it cannot start yet (an earlier operation not done, the order not confirmed), or null when it can. */
  waitingFor: string | null;
};

export type FinishedItem = { operationId: string; orderNumber: string; productName: string; label: string; hours: number; actualHours: number | null; finishedAt: Date; finishedBy: string | null };

export type CentreQueue = { centre: { id: string; name: string; active: boolean }; queue: QueueItem[]; finished: FinishedItem[] };

export type FloorCentre = { id: string; name: string; queued: number; running: number; ready: number };

/** The active work centres with how many operations wait in each (running, ready to start, all queued). */
export async function listFloorCentres(db: Tx): Promise<FloorCentre[]> {
  const [centres, counts] = await Promise.all([
    db.workCentre.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.$queryRaw<{ centre: string; queued: number; running: number; ready: number }[]>`
      SELECT op."work_centre_id" AS centre, count(*)::int AS queued,
             count(*) FILTER (WHERE op."status" = 'RUNNING')::int AS running,
             count(*) FILTER (WHERE op."status" = 'PENDING' AND o."status" IN ('CONFIRMED', 'IN_PRODUCTION')
               AND NOT EXISTS (SELECT 1 FROM "order_operations" prev WHERE prev."order_id" = op."order_id" AND prev."seq" < op."seq" AND prev."status" <> 'DONE'))::int AS ready
        FROM "order_operations" op JOIN "orders" o ON o."id" = op."order_id"
       WHERE op."status" IN ('PENDING', 'RUNNING') AND o."status" IN ('PLACED', 'CONFIRMED', 'IN_PRODUCTION')
       GROUP BY op."work_centre_id"`,
  ]);
  const byCentre = new Map(counts.map((c) => [c.centre, c]));
  return centres.map((c) => ({ id: c.id, name: c.name, queued: byCentre.get(c.id)?.queued ?? 0, running: byCentre.get(c.id)?.running ?? 0, ready: byCentre.get(c.id)?.ready ?? 0 }));
}

/** One centre's queue in planned order (running and waiting operations) and what it finished lately; null for an unknown centre. */
export async function findCentreQueue(db: Tx, centreId: string, now = new Date()): Promise<CentreQueue | null> {
  const centre = await db.workCentre.findUnique({ where: { id: centreId }, select: { id: true, name: true, active: true } });
  if (!centre) return null;
  const [ops, finished] = await Promise.all([
    db.orderOperation.findMany({
      where: { workCentreId: centreId, status: { in: ["PENDING", "RUNNING"] }, order: { status: { in: OPEN_FOR_WORK } } },
      orderBy: [{ plannedStart: { sort: "asc", nulls: "last" } }, { seq: "asc" }, { order: { number: "asc" } }],
      take: QUEUE_LIMIT,
      select: {
        id: true, seq: true, label: true, hours: true, plannedStart: true, plannedEnd: true, status: true, startedAt: true,
        startedBy: { select: { name: true } },
        order: {
          select: {
            number: true, status: true, quantity: true, promisedDate: true, atRisk: true, product: { select: { name: true } },
            operations: { where: { status: { not: "DONE" } }, orderBy: { seq: "asc" }, select: { seq: true, label: true, workCentre: { select: { name: true } } } },
          },
        },
      },
    }),
    db.orderOperation.findMany({
      where: { workCentreId: centreId, status: "DONE", finishedAt: { gte: new Date(now.getTime() - FINISHED_DAYS * DAY_MS) } },
      orderBy: { finishedAt: "desc" },
      take: FINISHED_LIMIT,
      select: { id: true, label: true, hours: true, actualHours: true, finishedAt: true, finishedBy: { select: { name: true } }, order: { select: { number: true, product: { select: { name: true } } } } },
    }),
  ]);
  const queue = ops.map((op): QueueItem => {
    const before = op.order.operations.find((o) => o.seq < op.seq);
    const waitingFor = op.status === "RUNNING" ? null
      : before ? `${before.label} (${before.workCentre.name}) to finish`
      : op.order.status === "PLACED" ? "the order to be confirmed" : null;
    return {
      operationId: op.id, orderNumber: op.order.number, orderStatus: op.order.status, productName: op.order.product.name, quantity: op.order.quantity,
      label: op.label, seq: op.seq, hours: op.hours, plannedStart: op.plannedStart, plannedEnd: op.plannedEnd, promisedDate: op.order.promisedDate,
      atRisk: op.order.atRisk, status: op.status === "RUNNING" ? "RUNNING" : "PENDING", startedAt: op.startedAt, startedBy: op.startedBy?.name ?? null, waitingFor,
    };
  });
  return {
    centre,
    queue,
    finished: finished.map((f) => ({
      operationId: f.id, orderNumber: f.order.number, productName: f.order.product.name, label: f.label, hours: f.hours,
      actualHours: f.actualHours, finishedAt: f.finishedAt ?? now, finishedBy: f.finishedBy?.name ?? null,
    })),
  };
}

export type OperationActor = { id: string; role: Role; name?: string };

export type OperationResult =
  | { ok: true; message: string; orderNumber: string; orderStatus: OrderStatus }
  | { ok: false; code: "not_found" | "conflict" | "invalid"; message: string };

class Refused extends Error {
  constructor(readonly result: Extract<OperationResult, { ok: false }>) {
    super(result.message);
  }
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const hoursText = (h: number) => `${Math.round(h * 100) / 100} h`;

/**
 * Starts an operation: only on a confirmed order (or one in production) once every earlier operation is done.
 * Starting the first one starts production (transitionOrder: the order moves to In production and gets its
 * ProductionJob). One transaction; a second start of the same operation finds it running and is refused.
 */
export async function startOperation(db: Prisma, input: { operationId: string; actor: OperationActor; now?: Date }): Promise<OperationResult> {
  return run(db, async (tx) => {
    const now = input.now ?? new Date();
    const op = await readOperation(tx, input.operationId);
    if (op.status === "RUNNING") throw refuse("conflict", `${op.label} of ${op.order.number} was already started${op.startedBy ? ` by ${op.startedBy.name}` : ""}${op.startedAt ? ` at ${clock.format(op.startedAt)} UTC` : ""}. Nothing was changed.`);
    if (op.status === "DONE") throw refuse("conflict", `${op.label} of ${op.order.number} is already finished. Nothing was changed.`);
    if (!STARTABLE.includes(op.order.status)) {
      throw refuse("invalid", op.order.status === "PLACED"
        ? `${op.order.number} is not confirmed yet: confirm the order before starting its work.`
        : `${op.order.number} is ${STATUS_LABELS[op.order.status].toLowerCase()}: its operations cannot start.`);
    }
    const before = await tx.orderOperation.findFirst({ where: { orderId: op.orderId, seq: { lt: op.seq }, status: { not: "DONE" } }, orderBy: { seq: "asc" }, select: { label: true, workCentre: { select: { name: true } } } });
    if (before) throw refuse("invalid", `${op.label} of ${op.order.number} waits for ${before.label} (${before.workCentre.name}) to finish first.`);
    const updated = await tx.orderOperation.updateMany({ where: { id: op.id, status: "PENDING" }, data: { status: "RUNNING", startedAt: now, startedById: input.actor.id } });
    if (updated.count !== 1) throw refuse("conflict", `${op.label} of ${op.order.number} was started by someone else just now. Nothing was changed.`);
    const note = `${op.label} started (${op.workCentre.name})`;
    let status = op.order.status;
    if (op.order.status === "CONFIRMED") {
      await transitionWithin(tx, { orderNumber: op.order.number, to: "IN_PRODUCTION", expectedStatus: "CONFIRMED", actor: input.actor, note });
      status = "IN_PRODUCTION";
    } else {
      await noteEvent(tx, { id: op.orderId, number: op.order.number }, status, input.actor.id, note, now);
    }
    return { ok: true, message: `${op.label} of ${op.order.number} started.`, orderNumber: op.order.number, orderStatus: status };
  });
}

/**
 * Finishes a running operation with the hours it actually took: it is done (who, when, actual hours), and the
 * hours it still held after today go back to its centre. Finishing the last operation ends production
 * (transitionOrder: the order moves to Quality check, which also gives back the order's hours after today).
 * Two people finishing the same operation at once: one wins (a conditional update on its status), the other
 * is told who finished it.
 */
export async function finishOperation(db: Prisma, input: { operationId: string; actualHours: number; actor: OperationActor; now?: Date }): Promise<OperationResult> {
  const { actualHours } = input;
  if (typeof actualHours !== "number" || !Number.isFinite(actualHours) || actualHours < 0 || actualHours > MAX_ACTUAL_HOURS) {
    return { ok: false, code: "invalid", message: `Actual hours must be a number from 0 to ${MAX_ACTUAL_HOURS}.` };
  }
  return run(db, async (tx) => {
    const now = input.now ?? new Date();
    const op = await readOperation(tx, input.operationId);
    if (op.status === "DONE") throw refuse("conflict", finishedAlready(op));
    if (op.status === "PENDING") throw refuse("invalid", `${op.label} of ${op.order.number} has not been started: start it first.`);
    if (op.order.status !== "IN_PRODUCTION") throw refuse("invalid", `${op.order.number} is ${STATUS_LABELS[op.order.status].toLowerCase()}: its operations cannot be finished.`);
    const updated = await tx.orderOperation.updateMany({
      where: { id: op.id, status: "RUNNING" },
      data: { status: "DONE", finishedAt: now, finishedById: input.actor.id, actualHours },
    });
    if (updated.count !== 1) {
      const again = await readOperation(tx, op.id);
      throw refuse("conflict", again.status === "DONE" ? finishedAlready(again) : `${op.label} of ${op.order.number} changed just now. Nothing was changed; reload to see it.`);
    }
    const released = await releaseCapacity(tx, op.orderId, { after: now, operationId: op.id });
    const left = await tx.orderOperation.count({ where: { orderId: op.orderId, status: { not: "DONE" } } });
    const note = `${op.label} finished (${op.workCentre.name}, ${hoursText(actualHours)})`;
    let status: OrderStatus = op.order.status;
    if (left === 0) {
      await transitionWithin(tx, { orderNumber: op.order.number, to: "QUALITY_CHECK", expectedStatus: "IN_PRODUCTION", actor: input.actor, note: `${note}; production finished` });
      status = "QUALITY_CHECK";
    } else {
      await noteEvent(tx, { id: op.orderId, number: op.order.number }, status, input.actor.id, note, now);
    }
    const freed = released > 0 ? ` ${hoursText(released)} planned after today went back to ${op.workCentre.name}.` : "";
    const next = left === 0 ? ` ${op.order.number} moves to the quality check.` : "";
    return { ok: true, message: `${op.label} of ${op.order.number} finished.${freed}${next}`, orderNumber: op.order.number, orderStatus: status };
  });
}

type OperationRow = Awaited<ReturnType<typeof readOperation>>;

async function readOperation(tx: Tx, id: string) {
  const op = await tx.orderOperation.findUnique({
    where: { id },
    select: {
      id: true, orderId: true, seq: true, label: true, status: true, startedAt: true, finishedAt: true, actualHours: true,
      startedBy: { select: { name: true } }, finishedBy: { select: { name: true } }, workCentre: { select: { name: true } },
      order: { select: { number: true, status: true } },
    },
  });
  if (!op) throw refuse("not_found", "No such operation: it may have been removed with its order. Reload the queue.");
  return op;
}

function finishedAlready(op: OperationRow): string {
  const who = op.finishedBy ? ` by ${op.finishedBy.name}` : "";
  const when = op.finishedAt ? ` at ${clock.format(op.finishedAt)} UTC` : "";
  const hours = op.actualHours !== null ? ` (${hoursText(op.actualHours)})` : "";
  return `${op.label} of ${op.order.number} was already finished${who}${when}${hours}. Your hours were not recorded.`;
}

/** A note on the order's timeline without a change of status: the event trigger tells every live page. */
async function noteEvent(tx: Tx, order: { id: string; number: string }, status: OrderStatus, actorId: string, note: string, now: Date): Promise<void> {
  await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: status, toStatus: status, actorId, note, createdAt: now } });
  await writeAudit(tx, { actorId, action: "order.note", entityType: "Order", entityId: order.id, summary: `${order.number}: ${note}`, changes: change("Operation", null, note) });
}

/**
 * Runs transitionOrder inside this transaction, so the operation's change and the order's move commit
 * together. transitionOrder opens its transaction through `db.$transaction`; the stand-in below hands it this
 * one. A refusal rolls everything back.
 */
async function transitionWithin(tx: Tx, request: TransitionRequest): Promise<void> {
  const result: TransitionResult = await transitionWithinTransaction(tx, request);
  if (!result.ok) throw refuse(result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "invalid" : result.code, result.message);
}

function refuse(code: Extract<OperationResult, { ok: false }>["code"], message: string): Refused {
  return new Refused({ ok: false, code, message });
}

async function run(db: Prisma, fn: (tx: Tx) => Promise<OperationResult>): Promise<OperationResult> {
  try {
    return await runTransaction(db, fn);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
