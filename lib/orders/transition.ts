import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { formatDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { enqueueEmail } from "@/lib/notifications/email";
import { emailSpecOf, orderAction, renderEmail } from "@/lib/notifications/templates";
import type { OrderSnapshot } from "./snapshot";
import { trackingLink } from "./tracking-link";
import type { Role } from "@/lib/users/schema";
import { approvedEmail } from "./approval-emails";
import { bookApprovedOrder } from "./approval";
import { checkTransition } from "./state-machine";
import { STATUS_LABELS, type OrderStatus } from "./status";

export type TransitionRequest = {
  orderNumber: string;
  to: OrderStatus;
  /** The status the actor saw: a stale page (someone else moved the order since) is refused, never skips a stage. */
  expectedStatus: OrderStatus;
  actor: { id: string; role: Role };
  note?: string;
  reason?: string;
  carrier?: string;
  trackingNumber?: string;
};

export type TransitionResult =
  | { ok: true; order: { id: string; number: string; status: OrderStatus } }
  | { ok: false; code: "not_found" | "forbidden" | "conflict" | "invalid"; message: string };

class Refused extends Error {
  constructor(readonly result: Extract<TransitionResult, { ok: false }>) {
    super(result.message);
  }
}

const clean = (value: string | undefined) => value?.trim() || undefined;

/**
 * Moves an order one step along the state machine, in one transaction: checks who may do it and that the
 * order is still where the actor saw it, updates it conditionally on its version, writes the OrderEvent,
 * opens or closes the ProductionJob, releases capacity on cancel (and the days after it when production
 * finishes), queues the customer's email and audits.
 */
export async function transitionOrder(db: Prisma, request: TransitionRequest): Promise<TransitionResult> {
  try {
    return await runTransaction(db, (tx) => applyTransition(tx, request));
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/**
 * The same transition inside the caller's transaction (the shop floor moves an order when its first operation
 * starts or its last one finishes, in the transaction that records the operation). A refusal writes nothing of
 * its own; the caller decides whether to roll back.
 */
export async function transitionWithinTransaction(tx: Tx, request: TransitionRequest): Promise<TransitionResult> {
  try {
    return await applyTransition(tx, request);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

async function applyTransition(tx: Tx, request: TransitionRequest): Promise<TransitionResult> {
  const { actor, to } = request;
  const reason = clean(request.reason);
  const carrier = clean(request.carrier);
  const trackingNumber = clean(request.trackingNumber);
  const note = clean(request.note) ?? "";
  const order = await tx.order.findUnique({
    where: { number: request.orderNumber },
    select: { id: true, number: true, status: true, version: true, customerId: true, leadDays: true, productionHours: true, snapshot: true, customer: { select: { email: true, name: true } }, product: { select: { name: true } } },
  });
  const isOwner = order?.customerId === actor.id;
  // A customer never learns whether someone else's order exists.
  if (!order || (actor.role === "CUSTOMER" && !isOwner)) return { ok: false, code: "not_found", message: "No such order." };

  const check = checkTransition({ from: request.expectedStatus, to, role: actor.role, isOwner, reason: reason ?? (actor.role === "CUSTOMER" ? "customer" : undefined), carrier, trackingNumber });
  if (!check.ok) return check;
  if (order.status !== request.expectedStatus) {
    return { ok: false, code: "conflict", message: `Order ${order.number} is now ${STATUS_LABELS[order.status]} (someone else moved it). Nothing was changed; reload to see it.` };
  }

  const from = order.status;
  const now = new Date();
  // Approving a large order books its hours and sets its date now, under the booking lock (see ./approval).
  const approval = from === "AWAITING_APPROVAL" && to === "PLACED" ? await bookApprovedOrder(tx, order, now) : null;
  if (approval && !approval.ok) throw new Refused({ ok: false, code: "conflict", message: `${order.number} cannot be approved now: ${approval.message}` });
  const cancelReason = reason ?? "Cancelled by the customer";
  const updated = await tx.order.updateMany({
    where: { id: order.id, version: order.version, status: from },
    data: {
      status: to,
      version: { increment: 1 },
      ...(to === "SHIPPED" ? { carrier, trackingNumber, shippedAt: now } : {}),
      ...(to === "DELIVERED" ? { deliveredAt: now } : {}),
      ...(to === "CANCELLED" ? { cancelledAt: now, cancelReason, holdUntil: null } : {}),
    },
  });
  if (updated.count !== 1) throw new Refused({ ok: false, code: "conflict", message: `Order ${order.number} changed while saving. Nothing was changed; reload to see it.` });

  const eventNote = to === "CANCELLED" ? [cancelReason, note].filter(Boolean).join(" · ") : to === "SHIPPED" ? [`${carrier} ${trackingNumber}`, note].filter(Boolean).join(" · ") : note;
  await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: from, toStatus: to, actorId: actor.id, note: eventNote, createdAt: now } });
  if (to === "IN_PRODUCTION") await tx.productionJob.create({ data: { orderId: order.id, startedAt: now } });
  if (from === "IN_PRODUCTION") await tx.productionJob.updateMany({ where: { orderId: order.id, completedAt: null }, data: { completedAt: now } });
  // Cancelling frees every booked hour; finishing production frees the hours booked after today, and the
  // operations still open are done with it.
  const released = to === "CANCELLED" ? await releaseCapacity(tx, order.id) : from === "IN_PRODUCTION" ? await releaseCapacity(tx, order.id, { after: now }) : 0;
  if (from === "IN_PRODUCTION" && to !== "CANCELLED") {
    await tx.orderOperation.updateMany({ where: { orderId: order.id, status: { not: "DONE" } }, data: { status: "DONE", finishedAt: now, finishedById: actor.id } });
  }

  const spec = emailSpecOf(order.snapshot as unknown as OrderSnapshot);
  const tracking = to === "SHIPPED" && carrier && trackingNumber ? trackingLink(carrier, trackingNumber) : null;
  await enqueueEmail(tx, {
    to: order.customer.email,
    orderId: order.id,
    ...(approval?.ok ? approvedEmail({ number: order.number, customerName: order.customer.name, productName: order.product.name, promisedDate: approval.promisedDate, spec }) : renderEmail({
      subject: `Order ${order.number}: ${STATUS_LABELS[to]}`,
      greeting: `Hello ${order.customer.name},`,
      paragraphs: [customerMessage(order.product.name, to, { reason: cancelReason, carrier, trackingNumber })],
      action: tracking ? { label: `Track the parcel with ${tracking.carrier}`, url: tracking.url } : orderAction(order.number),
      facts: [["Order", order.number], ["Status", STATUS_LABELS[to]], ...(tracking ? [["Your order", orderAction(order.number).url] as [string, string]] : [])],
      spec,
      footer: "Atelier: made to order.",
    })),
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: to === "CANCELLED" ? "order.cancel" : approval ? "order.approve" : "order.transition",
    entityType: "Order",
    entityId: order.id,
    summary: `${order.number}: ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`,
    data: { from, to, note: eventNote, releasedHours: released, version: order.version + 1, ...(approval?.ok ? { bookedHours: approval.hours, promisedDate: approval.promisedDate.toISOString().slice(0, 10) } : {}) },
    changes: [
      ...change("Status", STATUS_LABELS[from], STATUS_LABELS[to]),
      ...(to === "SHIPPED" ? [...change("Carrier", null, carrier), ...change("Tracking number", null, trackingNumber)] : []),
      ...(to === "CANCELLED" ? change("Cancel reason", null, cancelReason) : []),
      ...(approval?.ok ? change("Promised delivery", null, formatDate(approval.promisedDate)) : []),
      ...(released > 0 ? change("Booked hours released", null, released) : []),
      ...(note && to !== "CANCELLED" && to !== "SHIPPED" ? change("Note", null, note) : []),
    ],
  });
  return { ok: true, order: { id: order.id, number: order.number, status: to } };
}

function customerMessage(product: string, to: OrderStatus, extra: { reason: string; carrier?: string; trackingNumber?: string }): string {
  const lines: Record<OrderStatus, string> = {
    AWAITING_APPROVAL: `Your order for the ${product} is waiting for the workshop's approval.`,
    PLACED: `We received your order for the ${product}.`,
    CONFIRMED: `We have confirmed your order for the ${product}; parts are being ordered for it now.`,
    IN_PRODUCTION: `Your ${product} is now being made in our workshop.`,
    QUALITY_CHECK: `Your ${product} is built and is going through our quality check.`,
    READY_TO_SHIP: `Your ${product} passed its quality check and is ready to ship.`,
    SHIPPED: `Your ${product} is on its way with ${extra.carrier ?? "our carrier"}, tracking number ${extra.trackingNumber ?? "-"}.`,
    DELIVERED: `Your ${product} has been delivered. We hope you enjoy it.`,
    CANCELLED: `Your order for the ${product} has been cancelled. Reason: ${extra.reason}`,
  };
  return lines[to];
}
