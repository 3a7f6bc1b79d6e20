import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { formatDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { takeBookingLock } from "@/lib/delivery/capacity";
import { readPlanningContext } from "@/lib/delivery/context";
import { formatCents } from "@/lib/money";
import { enqueueEmail } from "@/lib/notifications/email";
import { renderEmail } from "@/lib/notifications/templates";
import { retryMessage } from "@/lib/security/rate-limit";
import { needsApproval, openHoursMessage, quantityLimitMessage } from "@/lib/settings/fair-use";
import { getChangePolicy, getFairUse } from "@/lib/settings/queries";
import { changeableOrderSelect, changeTarget, checkChange, planChange, TARGET_GONE_MESSAGE, readOrderWork, withoutOwnBookings, type ChangeableOrder } from "./change-plan";
import type { OrderRateLimit } from "./rate-limit";
import { changeModeFor, noChangeMessage, revisionNote } from "./revision";
import { applyRevision, ChangeRefused } from "./revision-write";
import { STATUS_LABELS } from "./status";

// Change orders (issue 23): a customer changes the specification of their order. One transaction, under the
// booking lock (as placement) and the order's row lock (as staff transitions update it conditionally on its
// version): re-validated and re-priced on the order's product version (or the product's current one the customer
// moves it onto: the order then takes that version), re-planned and re-booked, recorded as
// an immutable revision. Where the settings allow only requests (production started), or the new specification
// is large enough to need approval (fair use), it is recorded as a request that staff approve or decline
// (./change-requests.ts). Idempotent by the client's key; every refusal writes nothing and says why.

export type ChangeInput = {
  orderNumber: string;
  customer: { id: string };
  /** The new selection as sent: untrusted; normalized and evaluated here. */
  selection: unknown;
  quantity: number;
  /** The product version the customer changed onto (the product's current one); absent: the order's own. */
  versionId?: string | null;
  idempotencyKey: string;
  reason: string;
  /** What the customer saw: the order's version and the new total; when either moved, they review again. */
  expected: { orderVersion: number; totalCents: number };
  /** The customer's change rate limit (none when absent). */
  limit?: OrderRateLimit;
  now?: Date;
};

export type ChangeRefusalCode = "not_found" | "not_allowed" | "invalid" | "unchanged" | "changed" | "conflict" | "limited" | "quantity" | "capped" | "full" | "pending";

export type ChangeResult =
  | { ok: true; status: "APPLIED" | "PENDING"; revision: number | null; existing: boolean; message: string }
  | { ok: false; code: ChangeRefusalCode; message: string; problems?: string[] };

/** Confirms a customer's change of their order (see the file's comment). */
export async function applyChange(db: Prisma, input: ChangeInput): Promise<ChangeResult> {
  try {
    return await runTransaction(db, (tx) => changeInTransaction(tx, input));
  } catch (error) {
    if (error instanceof ChangeRefused) return { ok: false, code: error.code as ChangeRefusalCode, message: error.message, problems: (error as ChangeRefused & { problems?: string[] }).problems };
    // A simultaneous confirmation with the same key won: answer with its revision.
    if (isUniqueViolation(error)) {
      const replay = await replayOf(db, input);
      if (replay) return replay;
    }
    throw error;
  }
}

function refuse(code: ChangeRefusalCode, message: string, problems?: string[]): never {
  throw Object.assign(new ChangeRefused(code, message), { problems });
}

async function replayOf(db: Tx, input: ChangeInput): Promise<ChangeResult | null> {
  const found = await db.orderRevision.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { status: true, number: true, requestedById: true, order: { select: { number: true } } } });
  if (!found) return null;
  if (found.requestedById !== input.customer.id || found.order.number !== input.orderNumber) {
    return { ok: false, code: "conflict", message: "This form was already used. Reload the page to change the order again." };
  }
  const applied = found.status === "APPLIED";
  return { ok: true, status: applied ? "APPLIED" : "PENDING", revision: found.number, existing: true, message: applied ? `Your order is changed (revision ${found.number}).` : "Your change request was sent to the workshop." };
}

/** Reads the order for a change under its row lock (after the booking lock: the order every booking takes them in). */
export async function lockOrder(tx: Tx, where: { number: string } | { id: string }): Promise<ChangeableOrder | null> {
  const rows = "number" in where
    ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "orders" WHERE "number" = ${where.number} FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "orders" WHERE "id" = ${where.id} FOR UPDATE`;
  const id = rows[0]?.id;
  if (!id) return null;
  return tx.order.findUnique({ where: { id }, select: changeableOrderSelect }) as Promise<ChangeableOrder | null>;
}

async function changeInTransaction(tx: Tx, input: ChangeInput): Promise<ChangeResult> {
  const now = input.now ?? new Date();
  await takeBookingLock(tx);
  const replay = await replayOf(tx, input);
  if (replay) return replay;

  const order = await lockOrder(tx, { number: input.orderNumber });
  // A customer never learns whether someone else's order exists.
  if (!order || order.customerId !== input.customer.id) refuse("not_found", "No such order.");
  let mode = changeModeFor(order.status, await getChangePolicy(tx));
  if (mode === "none") refuse("not_allowed", noChangeMessage(order.status));
  if (order.version !== input.expected.orderVersion) {
    refuse("changed", `Order ${order.number} changed since you opened this page (it is now ${STATUS_LABELS[order.status].toLowerCase()}). Nothing was changed; review the change and confirm again.`);
  }
  if (await tx.orderRevision.count({ where: { orderId: order.id, status: "PENDING" } })) {
    refuse("pending", "You already asked the workshop for a change to this order; wait for their answer before asking again.");
  }
  if (input.limit) {
    const since = new Date(now.getTime() - input.limit.windowMs);
    const recent = await tx.orderRevision.findMany({ where: { requestedById: input.customer.id, createdAt: { gt: since } }, select: { createdAt: true }, orderBy: { createdAt: "asc" } });
    if (recent.length >= input.limit.count) {
      const retryAfterMs = Math.max(0, recent[0]!.createdAt.getTime() + input.limit.windowMs - now.getTime());
      refuse("limited", retryMessage(retryAfterMs, "changes in a short time"));
    }
  }
  // A move onto the product's newer version must be onto the one current now (what the customer reviewed).
  const target = await changeTarget(tx, order, input.versionId);
  if (!target) refuse("changed", TARGET_GONE_MESSAGE);
  const checked = checkChange(order, input.selection, input.quantity, target);
  if (!checked.ok) refuse(checked.code, checked.message, checked.problems.map((p) => p.message));
  const fairUse = await getFairUse(tx);
  if (checked.evaluation.quantity > fairUse.maxQuantity) refuse("quantity", quantityLimitMessage(fairUse.maxQuantity));
  if (checked.evaluation.totalCents !== input.expected.totalCents) {
    refuse("changed", `The price of this change is now ${formatCents(checked.evaluation.totalCents, order.currency)} instead of ${formatCents(input.expected.totalCents, order.currency)}. Nothing was changed; review it and confirm again.`);
  }
  if (mode === "direct" && needsApproval(fairUse, checked.evaluation.productionHours, checked.evaluation.totalCents)) mode = "request";

  const work = await readOrderWork(tx, order.id);
  const context = await readPlanningContext(tx, now, { lock: true });
  const planned = planChange({ order, evaluation: checked.evaluation, started: work.started, now, shippingDays: context.settings.shippingDays, calendar: context.calendar, booked: withoutOwnBookings(context.booked, work.pendingBookings) });
  const reason = input.reason.trim();

  if (mode === "request") {
    const promisedAfter = planned.plan.ok ? new Date(`${planned.plan.promisedDate}T00:00:00Z`) : order.promisedDate;
    await tx.orderRevision.create({
      data: {
        orderId: order.id, number: null, status: "PENDING", idempotencyKey: input.idempotencyKey, requestedById: input.customer.id, reason,
        differences: checked.differences, previousSnapshot: order.snapshot as object, snapshot: { ...checked.snapshot, promisedDate: promisedAfter.toISOString().slice(0, 10) },
        totalBeforeCents: order.totalCents, totalAfterCents: checked.evaluation.totalCents, hoursBefore: order.productionHours, hoursAfter: planned.productionHours,
        promisedBefore: order.promisedDate, promisedAfter, createdAt: now,
      },
    });
    const note = [revisionNote("requested", null, checked.differences), reason].filter(Boolean).join(" · ");
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorId: input.customer.id, note, createdAt: now } });
    await enqueueEmail(tx, {
      to: order.customer.email,
      orderId: order.id,
      ...renderEmail({
        subject: `Order ${order.number}: change request received`,
        greeting: `Hello ${order.customer.name},`,
        paragraphs: [`We received your request to change your ${order.product.name}: ${checked.differences.join("; ")}. The workshop reviews it and you will hear from us; your order stays as it is until then.`],
        facts: [["Order", order.number], ["Total if approved", formatCents(checked.evaluation.totalCents, order.currency)], ["Follow it at", `/orders/${order.number}`]],
        footer: "Atelier: made to order.",
      }),
    });
    await writeAudit(tx, {
      actorId: input.customer.id, action: "order.change_request", entityType: "Order", entityId: order.id,
      summary: `${order.number}: change requested (${checked.differences.join("; ")})`,
      data: { idempotencyKey: input.idempotencyKey },
      changes: [...checked.differences.map((d) => ({ field: "Requested change", before: null, after: d })), ...change("Total if approved", formatCents(order.totalCents, order.currency), formatCents(checked.evaluation.totalCents, order.currency))],
    });
    return { ok: true, status: "PENDING", revision: null, existing: false, message: `Your change request for ${order.number} was sent to the workshop; your order stays as it is until they answer.` };
  }

  if (!planned.plan.ok) refuse("full", planned.plan.message);
  const open = await tx.order.aggregate({
    _sum: { productionHours: true },
    where: { customerId: order.customerId, id: { not: order.id }, status: { notIn: ["DELIVERED", "CANCELLED", "AWAITING_APPROVAL"] } },
  });
  const openHours = open._sum.productionHours ?? 0;
  if (openHours + planned.productionHours > fairUse.customerOpenHoursCap + 1e-6) refuse("capped", openHoursMessage(fairUse.customerOpenHoursCap, openHours, planned.productionHours));

  const revision = await applyRevision(tx, {
    order, checked, planned: { ...planned, plan: planned.plan }, started: work.started, actorId: input.customer.id, reason,
    feeCents: 0, promisedDate: null, idempotencyKey: input.idempotencyKey, requestId: null, decisionNote: "", now,
  });
  return { ok: true, status: "APPLIED", revision, existing: false, message: `Your order is changed (revision ${revision}): ${formatCents(checked.evaluation.totalCents, order.currency)}, delivery ${formatDate(new Date(`${planned.plan.promisedDate}T00:00:00Z`))}.` };
}
