import { randomUUID } from "node:crypto";
import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { formatDate } from "@/lib/dates";
import type { Tx } from "@/lib/db/types";
import { bookOperations, releaseCapacity } from "@/lib/delivery/capacity";
import type { OperationNeed, Schedule } from "@/lib/delivery/schedule";
import { formatCents } from "@/lib/money";
import { enqueueEmail } from "@/lib/notifications/email";
import { renderEmail } from "@/lib/notifications/templates";
import type { ChangeableOrder, CheckedChange, StartedOperation } from "./change-plan";
import { revisionNote } from "./revision";
import type { OrderSnapshot } from "./snapshot";

// Writing a change of specification (issue 23), inside the caller's transaction, which holds the booking lock
// and the order's row lock: the order's pending work is given back and booked again on the new plan, the
// order takes the new snapshot, price, hours and date, its option rows are replaced, and the revision, the
// event (which tells live pages), the customer's email and the audit entry are written.

export class ChangeRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ApplyRevision = {
  order: ChangeableOrder;
  checked: Extract<CheckedChange, { ok: true }>;
  planned: { plan: Extract<Schedule, { ok: true }>; operations: OperationNeed[]; productionHours: number };
  started: StartedOperation[];
  actorId: string;
  reason: string;
  /** Staff's fee on an approved request, and the date they promise (no earlier than the plan's), if any. */
  feeCents: number;
  promisedDate: string | null;
  /** The customer's key for a direct change; for an approved request, the request's row. */
  idempotencyKey: string | null;
  requestId: string | null;
  decisionNote: string;
  now: Date;
};

/** The snapshot the order keeps after the change: the new one, its promised date and any fee as a line of the breakdown. */
export function finalSnapshot(snapshot: OrderSnapshot, promisedDate: string, feeCents: number): OrderSnapshot {
  if (feeCents <= 0) return { ...snapshot, promisedDate };
  const lines = [...snapshot.breakdown.lines, { kind: "rule" as const, label: "Change fee", ruleId: "change-fee", amountCents: feeCents }];
  return { ...snapshot, promisedDate, breakdown: { lines, totalCents: snapshot.breakdown.totalCents + feeCents }, totalCents: snapshot.totalCents + feeCents };
}

/** Applies a checked, planned change (see the file's comment); returns the order's new revision number. */
export async function applyRevision(tx: Tx, input: ApplyRevision): Promise<number> {
  const { order, checked, planned, now } = input;
  const { plan } = planned;
  const promised = input.promisedDate ?? plan.promisedDate;
  const snapshot = finalSnapshot(checked.snapshot, promised, input.feeCents);
  const number = order.revision + 1;

  // The work not started is given back and planned again; work started or done keeps its hours.
  const pending = await tx.orderOperation.findMany({ where: { orderId: order.id, status: "PENDING" }, select: { id: true } });
  for (const op of pending) await releaseCapacity(tx, order.id, { operationId: op.id });
  await tx.orderOperation.deleteMany({ where: { orderId: order.id, status: "PENDING" } });
  const firstSeq = input.started.reduce((max, o) => Math.max(max, o.seq + 1), 0);
  const ids = new Map(planned.operations.map((o) => [o.key, randomUUID()]));
  if (planned.operations.length) {
    await tx.orderOperation.createMany({
      data: planned.operations.map((o, i) => ({ id: ids.get(o.key)!, orderId: order.id, seq: firstSeq + i, operationKey: o.key, label: o.label, workCentreId: o.workCentre, hours: o.hours })),
    });
  }
  await bookOperations(tx, order.id, plan.operations.map((o) => ({ operationId: ids.get(o.key)!, workCentre: o.workCentre, start: o.start, end: o.end, bookings: o.bookings })));

  const updated = await tx.order.updateMany({
    where: { id: order.id, version: order.version, status: order.status },
    data: {
      productVersionId: checked.version.id,
      selection: checked.selection,
      snapshot: snapshot as object,
      configHash: checked.configHash,
      quantity: checked.evaluation.quantity,
      unitPriceCents: checked.evaluation.unitPriceCents,
      totalCents: snapshot.totalCents,
      leadDays: checked.evaluation.leadDays,
      productionHours: planned.productionHours,
      promisedDate: new Date(`${promised}T00:00:00Z`),
      atRisk: false,
      version: { increment: 1 },
      revision: number,
    },
  });
  if (updated.count !== 1) throw new ChangeRefused("conflict", `Order ${order.number} changed while saving. Nothing was changed; reload to see it.`);
  await tx.orderOption.deleteMany({ where: { orderId: order.id } });
  await tx.orderOption.createMany({
    data: checked.choices.map((c) => ({ orderId: order.id, groupId: c.group, groupLabel: c.groupLabel, optionId: c.option, label: c.label, value: c.value, unit: c.unit, priceCents: c.priceCents })),
  });

  const fields = {
    number, status: "APPLIED" as const, differences: checked.differences, previousSnapshot: order.snapshot as object, snapshot: snapshot as object,
    totalBeforeCents: order.totalCents, totalAfterCents: snapshot.totalCents, feeCents: input.feeCents,
    hoursBefore: order.productionHours, hoursAfter: planned.productionHours,
    promisedBefore: order.promisedDate, promisedAfter: new Date(`${promised}T00:00:00Z`),
  };
  if (input.requestId) {
    const decided = await tx.orderRevision.updateMany({
      where: { id: input.requestId, status: "PENDING" },
      data: { ...fields, decidedById: input.actorId, decidedAt: now, decisionNote: input.decisionNote },
    });
    if (decided.count !== 1) throw new ChangeRefused("conflict", "This change request was decided meanwhile. Nothing was changed; reload to see it.");
  } else {
    await tx.orderRevision.create({ data: { ...fields, orderId: order.id, idempotencyKey: input.idempotencyKey ?? randomUUID(), requestedById: input.actorId, reason: input.reason, createdAt: now } });
  }

  const note = [revisionNote("applied", number, checked.differences), input.reason, input.decisionNote].filter(Boolean).join(" · ");
  await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorId: input.actorId, note, createdAt: now } });
  const money = (cents: number) => formatCents(cents, order.currency);
  await enqueueEmail(tx, {
    to: order.customer.email,
    orderId: order.id,
    ...renderEmail({
      subject: `Order ${order.number}: specification changed (revision ${number})`,
      greeting: `Hello ${order.customer.name},`,
      paragraphs: [
        `${input.requestId ? "The workshop approved your change" : "We have changed your order"} for the ${order.product.name}: ${checked.differences.join("; ") || "no visible difference"}.`,
        ...(input.feeCents > 0 ? [`A change fee of ${money(input.feeCents)} applies.`] : []),
        ...(input.decisionNote ? [`From the workshop: ${input.decisionNote}`] : []),
      ],
      facts: [
        ["Order", order.number], ["Revision", String(number)], ["New total", money(snapshot.totalCents)], ["Previous total", money(order.totalCents)],
        ["Delivery", formatDate(new Date(`${promised}T00:00:00Z`))], ["Follow it at", `/orders/${order.number}`],
      ],
      footer: "Atelier: made to order.",
    }),
  });
  await writeAudit(tx, {
    actorId: input.actorId,
    action: input.requestId ? "order.change_approve" : "order.change",
    entityType: "Order",
    entityId: order.id,
    summary: `${order.number}: revision ${number} (${checked.differences.join("; ") || "no visible difference"})`,
    data: { revision: number, idempotencyKey: input.idempotencyKey, requestId: input.requestId, version: order.version + 1, feeCents: input.feeCents },
    changes: [
      ...change("Revision", order.revision, number),
      ...checked.differences.map((d) => ({ field: "Specification", before: null, after: d })),
      ...change("Total", money(order.totalCents), money(snapshot.totalCents)),
      ...change("Production hours", order.productionHours, planned.productionHours),
      ...change("Promised delivery", formatDate(order.promisedDate), formatDate(new Date(`${promised}T00:00:00Z`))),
    ],
  });
  return number;
}
