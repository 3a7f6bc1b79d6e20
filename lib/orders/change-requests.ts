import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { isStaff } from "@/lib/auth/roles";
import { getPublishedVersion } from "@/lib/catalog/queries";
import { formatDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import { jsonArray, readTogether, type JsonRead } from "@/lib/db/together";
import { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { takeBookingLock } from "@/lib/delivery/capacity";
import { readPlanningContext } from "@/lib/delivery/context";
import { enqueueEmail } from "@/lib/notifications/email";
import { renderEmail } from "@/lib/notifications/templates";
import type { Role } from "@/lib/users/schema";
import { checkChange, planChange, readOrderWork, withoutOwnBookings } from "./change-plan";
import { lockOrder } from "./change-order";
import { CHANGEABLE_STAGES, revisionNote } from "./revision";
import { applyRevision, ChangeRefused } from "./revision-write";
import type { OrderSnapshot } from "./snapshot";

// Staff decide on a customer's change request (issue 23): approving applies it exactly as a direct change
// (re-checked, re-planned and re-booked now, under the same locks), with an optional fee and a later promised
// date; declining records the reason. Either way the customer's page hears of it live (the order event) and
// they get an email.

export type DecisionResult = { ok: true; message: string } | { ok: false; code: string; message: string };

export type Decision =
  | { kind: "approve"; feeCents: number; promisedDate: string | null; note: string }
  | { kind: "decline"; reason: string };

/** Approves or declines the pending change request `requestId` (see the file's comment). */
export async function decideChangeRequest(db: Prisma, input: { requestId: string; actor: { id: string; role: Role }; decision: Decision; now?: Date }): Promise<DecisionResult> {
  if (!isStaff(input.actor.role)) return { ok: false, code: "forbidden", message: "Only the workshop decides on change requests." };
  try {
    return await runTransaction(db, (tx) => decide(tx, input));
  } catch (error) {
    if (error instanceof ChangeRefused) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

async function decide(tx: Tx, input: { requestId: string; actor: { id: string }; decision: Decision; now?: Date }): Promise<DecisionResult> {
  const now = input.now ?? new Date();
  await takeBookingLock(tx);
  const request = await tx.orderRevision.findUnique({ where: { id: input.requestId }, select: { id: true, orderId: true, status: true, snapshot: true, differences: true, reason: true } });
  if (!request) throw new ChangeRefused("not_found", "No such change request.");
  const order = await lockOrder(tx, { id: request.orderId });
  if (!order) throw new ChangeRefused("not_found", "No such order.");
  if (request.status !== "PENDING") throw new ChangeRefused("conflict", `This change request was already ${request.status === "APPLIED" ? "approved" : "declined"}. Nothing was changed; reload to see it.`);
  const differences = (request.differences as string[]) ?? [];
  const { decision } = input;

  if (decision.kind === "decline") {
    const reason = decision.reason.trim();
    if (!reason) throw new ChangeRefused("invalid", "Give a reason for declining; the customer will read it.");
    await tx.orderRevision.update({ where: { id: request.id }, data: { status: "DECLINED", decidedById: input.actor.id, decidedAt: now, decisionNote: reason } });
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorId: input.actor.id, note: `${revisionNote("declined", null, differences)} · ${reason}`, createdAt: now } });
    await enqueueEmail(tx, {
      to: order.customer.email,
      orderId: order.id,
      ...renderEmail({
        subject: `Order ${order.number}: change request declined`,
        greeting: `Hello ${order.customer.name},`,
        paragraphs: [`The workshop could not make the change you asked for (${differences.join("; ")}): ${reason}`, "Your order goes on as it was."],
        facts: [["Order", order.number], ["Follow it at", `/orders/${order.number}`]],
        footer: "Atelier: made to order.",
      }),
    });
    await writeAudit(tx, { actorId: input.actor.id, action: "order.change_decline", entityType: "Order", entityId: order.id, summary: `${order.number}: change request declined (${reason})`, data: { requestId: request.id }, changes: change("Change request", "Pending", "Declined") });
    return { ok: true, message: `The change request for ${order.number} is declined; the customer has been told.` };
  }

  if (!CHANGEABLE_STAGES.includes(order.status)) throw new ChangeRefused("not_allowed", `${order.number} is ${order.status.toLowerCase().replace(/_/g, " ")} now: it cannot be changed any more. Decline the request instead.`);
  if (!Number.isInteger(decision.feeCents) || decision.feeCents < 0) throw new ChangeRefused("invalid", "The fee must be 0 or more.");
  const wanted = request.snapshot as unknown as OrderSnapshot;
  // The request is applied on the version the customer asked on (their order's, or the product's newer one
  // then current), even if yet another version was published since: staff approve exactly what they saw.
  const asked = wanted.product.versionId;
  const target = asked === order.productVersion.id ? order.productVersion : await getPublishedVersion(tx, order.product.id, asked);
  if (!target) throw new ChangeRefused("invalid", "The product version this change was asked on cannot be read any more. Decline the request instead.");
  const checked = checkChange(order, wanted.selection, wanted.quantity, target);
  if (!checked.ok) throw new ChangeRefused(checked.code, `This change cannot be applied: ${checked.message}`);
  const work = await readOrderWork(tx, order.id);
  const context = await readPlanningContext(tx, now, { lock: true });
  const planned = planChange({ order, evaluation: checked.evaluation, started: work.started, now, shippingDays: context.settings.shippingDays, calendar: context.calendar, booked: withoutOwnBookings(context.booked, work.pendingBookings) });
  if (!planned.plan.ok) throw new ChangeRefused("full", planned.plan.message);
  if (decision.promisedDate && decision.promisedDate < planned.plan.promisedDate) {
    throw new ChangeRefused("invalid", `The plan delivers the changed order on ${formatDate(new Date(`${planned.plan.promisedDate}T00:00:00Z`))} at the earliest: choose that day or a later one.`);
  }
  const revision = await applyRevision(tx, {
    order, checked, planned: { ...planned, plan: planned.plan }, started: work.started, actorId: input.actor.id, reason: request.reason,
    feeCents: decision.feeCents, promisedDate: decision.promisedDate, idempotencyKey: null, requestId: request.id, decisionNote: decision.note.trim(), now,
  });
  return { ok: true, message: `The change to ${order.number} is approved (revision ${revision}); the customer has been told.` };
}

/** A pending change request as the staff board lists it. */
export type PendingRequest = {
  id: string;
  createdAt: Date;
  differences: string[];
  totalBeforeCents: number;
  totalAfterCents: number;
  order: { number: string; currency: string; product: { name: string }; customer: { name: string } };
};

/**
 * The pending change requests, oldest first (at most 100), for the staff board, as one JSON value: the board
 * reads it with its other reads in one statement (readTogether).
 */
export function pendingRequestsRead(): JsonRead<PendingRequest[]> {
  return {
    sql: PrismaTypes.sql`SELECT COALESCE(json_agg(json_build_array(r.id, (extract(epoch FROM r.created_at) * 1000)::float8, r.differences, r.total_before_cents,
         r.total_after_cents, o.number, o.currency, p.name, u.name) ORDER BY r.created_at ASC, r.id ASC), '[]'::json)
       FROM (SELECT * FROM order_revisions WHERE status = 'PENDING' ORDER BY created_at ASC, id ASC LIMIT 100) r
       JOIN orders o ON o.id = r.order_id JOIN products p ON p.id = o.product_id JOIN users u ON u.id = o.customer_id`,
    parse: (value) =>
      (jsonArray(value) as [string, number, string[], number, number, string, string, string, string][]).map(
        ([id, createdMs, differences, totalBeforeCents, totalAfterCents, number, currency, productName, customerName]) => ({
          id,
          createdAt: new Date(createdMs),
          differences,
          totalBeforeCents,
          totalAfterCents,
          order: { number, currency, product: { name: productName }, customer: { name: customerName } },
        }),
      ),
  };
}

/** The same list on its own (see pendingRequestsRead). */
export async function findPendingRequests(db: Tx): Promise<PendingRequest[]> {
  const [requests] = await readTogether(db, [pendingRequestsRead()]);
  return requests;
}
