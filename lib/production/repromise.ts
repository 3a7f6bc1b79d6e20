import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { formatDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { dayOfDate } from "@/lib/delivery/calendar";
import { enqueueEmail } from "@/lib/notifications/email";
import { emailSpecOf, repromisedEmail } from "@/lib/notifications/templates";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { readWorkshopCalendar } from "@/lib/workshop/queries";
import { plannedDelivery } from "./planned-delivery";
import { repromiseNote } from "./repromise-note";

// Re-promising an order at risk (late work rolled forward past its promise): staff set a new promised date, no
// earlier than the plan can deliver, with a note. One transaction: the date, at_risk cleared, an order event on
// the current status (no change of status: the state machine is not involved; the events trigger tells the
// customer's page live), the customer's email in the outbox and an audit entry.

const DEFAULT_SHIPPING_DAYS = 5;

/** What the re-promise form shows: the date the plan can deliver on now (null when nothing is left to make). */
export async function readPlannedDate(db: Tx, orderId: string, now = new Date()): Promise<Date | null> {
  const today = new Date(dayOfDate(now) * 86_400_000);
  const [calendar, settings] = await Promise.all([readWorkshopCalendar(db, today), db.settings.findUnique({ where: { id: 1 }, select: { shippingDays: true } })]);
  const delivery = await plannedDelivery(db, orderId, calendar, settings?.shippingDays ?? DEFAULT_SHIPPING_DAYS);
  return delivery?.date ?? null;
}

export type RepromiseResult = { ok: true; message: string; promisedDate: Date } | { ok: false; code: "not_found" | "conflict" | "invalid"; message: string };

class Refused extends Error {
  constructor(readonly result: Extract<RepromiseResult, { ok: false }>) {
    super(result.message);
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Sets a new promised date on an order at risk (see the file's comment). `date` is an ISO day. */
export async function repromiseOrder(db: Prisma, input: { orderNumber: string; date: string; note: string; actorId: string; now?: Date }): Promise<RepromiseResult> {
  const date = new Date(`${input.date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(date.getTime()) || iso(date) !== input.date) return { ok: false, code: "invalid", message: "Choose a valid date." };
  const note = input.note.trim();
  try {
    return await runTransaction(db, async (tx) => {
      const now = input.now ?? new Date();
      const order = await tx.order.findUnique({
        where: { number: input.orderNumber },
        select: { id: true, number: true, status: true, version: true, atRisk: true, promisedDate: true, snapshot: true, customer: { select: { email: true, name: true } }, product: { select: { name: true } } },
      });
      if (!order) throw new Refused({ ok: false, code: "not_found", message: "No such order." });
      if (!order.atRisk) throw new Refused({ ok: false, code: "conflict", message: `${order.number} is not at risk any more (someone re-promised it already). Nothing was changed; reload to see it.` });
      const planned = await readPlannedDate(tx, order.id, now);
      if (planned && date < planned) throw new Refused({ ok: false, code: "invalid", message: `The plan delivers ${order.number} on ${formatDate(planned)} at the earliest: choose that day or a later one.` });
      const updated = await tx.order.updateMany({ where: { id: order.id, version: order.version, atRisk: true }, data: { promisedDate: date, atRisk: false, version: { increment: 1 } } });
      if (updated.count !== 1) throw new Refused({ ok: false, code: "conflict", message: `${order.number} changed while saving. Nothing was changed; reload to see it.` });
      const eventNote = repromiseNote(formatDate(date), formatDate(order.promisedDate), note);
      await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorId: input.actorId, note: eventNote, createdAt: now } });
      await enqueueEmail(tx, {
        to: order.customer.email,
        orderId: order.id,
        ...repromisedEmail({ number: order.number, customerName: order.customer.name, productName: order.product.name, promisedDate: date, previousDate: order.promisedDate, note, spec: emailSpecOf(order.snapshot as unknown as OrderSnapshot) }),
      });
      await writeAudit(tx, {
        actorId: input.actorId,
        action: "order.repromise",
        entityType: "Order",
        entityId: order.id,
        summary: `${order.number}: ${eventNote}`,
        data: { from: iso(order.promisedDate), to: iso(date), planned: planned ? iso(planned) : null, note, version: order.version + 1 },
        changes: [...change("Promised delivery", formatDate(order.promisedDate), formatDate(date)), ...change("At risk", true, false), ...change("Note", null, note)],
      });
      return { ok: true as const, message: `${order.number} is now promised for ${formatDate(date)}; the customer has been told.`, promisedDate: date };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
