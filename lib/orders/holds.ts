import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { getDb } from "@/lib/db";
import { queryRows, type Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/email";
import { emailSpecOf, orderAction, renderEmail } from "@/lib/notifications/templates";
import type { OrderSnapshot } from "./snapshot";

// Large orders wait for approval for a limited time (fair use, issue 19): an expired hold cancels the order.
// Run by a periodic task (startHoldExpiry, from instrumentation.ts) and lazily where holds are read (the staff
// board, the order pages), on every instance: each order is cancelled by a conditional update on its status,
// so two instances (or a staff approval at the same moment) can never both act on it.

const DAY_MS = 86_400_000;
const BATCH = 100;

/** Cancels every order whose approval hold ended before `now`, with its event, email and audit entry; returns how many. */
export async function expireHolds(db: Prisma, now = new Date()): Promise<number> {
  // On the direct path (queryRows): the board and the order pages run this on every request, and it finds none.
  const due = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM orders WHERE status = 'AWAITING_APPROVAL' AND hold_until <= $1 ORDER BY hold_until ASC, id ASC LIMIT $2`,
    [now, BATCH],
  );
  let expired = 0;
  for (const { id } of due) if (await expireOne(db, id, now)) expired++;
  return expired;
}

async function expireOne(db: Prisma, id: string, now: Date): Promise<boolean> {
  return runTransaction(db, async (tx) => {
    const order = await tx.order.findUnique({
      where: { id },
      select: { id: true, number: true, status: true, version: true, holdUntil: true, createdAt: true, snapshot: true, customer: { select: { name: true, email: true } }, product: { select: { name: true } } },
    });
    if (!order || order.status !== "AWAITING_APPROVAL" || !order.holdUntil || order.holdUntil > now) return false;
    const days = Math.max(1, Math.round((order.holdUntil.getTime() - order.createdAt.getTime()) / DAY_MS));
    const reason = `Not approved within ${days} day${days === 1 ? "" : "s"}`;
    const updated = await tx.order.updateMany({
      where: { id: order.id, status: "AWAITING_APPROVAL", version: order.version },
      data: { status: "CANCELLED", version: { increment: 1 }, cancelledAt: now, cancelReason: reason, holdUntil: null },
    });
    if (updated.count !== 1) return false;
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: "AWAITING_APPROVAL", toStatus: "CANCELLED", actorId: null, note: reason, createdAt: now } });
    await enqueueEmail(tx, {
      to: order.customer.email,
      orderId: order.id,
      ...renderEmail({
        subject: `Order ${order.number}: Cancelled`,
        greeting: `Hello ${order.customer.name},`,
        paragraphs: [`Your order for the ${order.product.name} was not approved within ${days} day${days === 1 ? "" : "s"}, so it has been cancelled; no workshop time was reserved and nothing was charged. Contact us to talk about a large order.`],
        action: orderAction(order.number),
        facts: [["Order", order.number], ["Status", "Cancelled"], ["Reason", reason]],
        spec: emailSpecOf(order.snapshot as unknown as OrderSnapshot),
        footer: "Atelier: made to order.",
      }),
    });
    await writeAudit(tx, { actorId: null, action: "order.expire", entityType: "Order", entityId: order.id, summary: `${order.number}: Awaiting approval → Cancelled (${reason.toLowerCase()})`, data: { reason }, changes: [...change("Status", "Awaiting approval", "Cancelled"), ...change("Cancel reason", null, reason)] });
    return true;
  });
}

let timer: NodeJS.Timeout | null = null;

/** Starts expiring holds every `intervalMs` on this instance (once; the timer does not keep the process alive). */
export function startHoldExpiry(intervalMs = 60_000): void {
  if (timer) return;
  const run = () => void getDb().then((db) => expireHolds(db)).catch((error) => console.error("expiring approval holds failed", error));
  timer = setInterval(run, intervalMs);
  timer.unref();
  run();
}
