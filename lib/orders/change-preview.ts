import type { Prisma } from "@/lib/db/client";
import { readPlanningContext } from "@/lib/delivery/context";
import { getChangePolicy, getFairUse } from "@/lib/settings/queries";
import { changeableOrderSelect, changeTarget, checkChange, TARGET_GONE_MESSAGE, planChange, readOrderWork, withoutOwnBookings, type ChangeableOrder } from "./change-plan";
import { changeModeFor, noChangeMessage, type ChangeEffect, type ChangeMode } from "./revision";
import type { OrderSnapshot } from "./snapshot";
import { needsApproval } from "@/lib/settings/fair-use";

// What a change would do, before the customer confirms it (and what staff see of a request): the new price and
// the difference, the new promised date on today's load (the order's own pending hours given back), hours and
// materials. Reads only; the confirmation (./change-order.ts) checks and plans again under the locks.

export type ChangePreview =
  | (ChangeEffect<Date | null> & { promisedBefore: Date } & {
      ok: true;
      mode: Exclude<ChangeMode, "none">;
      orderVersion: number;
      revision: number;
      /** The product version the change is priced on (the order's own, or the product's newer one). */
      productVersionId: string;
      currency: string;
      /** promisedAfter is null when the workshop cannot plan it within the horizon (`full` says why). */
      full: string | null;
      bomBefore: OrderSnapshot["bom"];
      bomAfter: OrderSnapshot["bom"];
      /** Set when the change will be a request although the stage allows direct changes (a large order). */
      approvalNote: string | null;
    })
  | { ok: false; code: "not_found" | "not_allowed" | "invalid" | "unchanged" | "changed"; message: string; problems?: string[] };

/** The customer's order as the change pages read it (scoped to the customer), or null. */
export async function getChangeableOrder(db: Prisma, customerId: string, number: string): Promise<ChangeableOrder | null> {
  return db.order.findFirst({ where: { number, customerId }, select: changeableOrderSelect }) as Promise<ChangeableOrder | null>;
}

/** Previews a change of `order` to `selection` × `quantity` (see the file's comment). */
export async function previewChange(db: Prisma, order: ChangeableOrder, selection: unknown, quantity: number, versionId: string | null = null, now = new Date()): Promise<ChangePreview> {
  const policy = await getChangePolicy(db);
  let mode = changeModeFor(order.status, policy);
  if (mode === "none") return { ok: false, code: "not_allowed", message: noChangeMessage(order.status) };
  const target = await changeTarget(db, order, versionId);
  if (!target) return { ok: false, code: "changed", message: TARGET_GONE_MESSAGE };
  const checked = checkChange(order, selection, quantity, target);
  if (!checked.ok) return { ok: false, code: checked.code, message: checked.message, problems: checked.problems.map((p) => p.message) };
  const fairUse = await getFairUse(db);
  let approvalNote: string | null = null;
  if (mode === "direct" && needsApproval(fairUse, checked.evaluation.productionHours, checked.evaluation.totalCents)) {
    mode = "request";
    approvalNote = "This change makes the order large enough that the workshop reviews it first: it is sent as a request.";
  }
  const work = await readOrderWork(db, order.id);
  const context = await readPlanningContext(db, now, { lock: false });
  const planned = planChange({ order, evaluation: checked.evaluation, started: work.started, now, shippingDays: context.settings.shippingDays, calendar: context.calendar, booked: withoutOwnBookings(context.booked, work.pendingBookings) });
  const before = order.snapshot as OrderSnapshot;
  return {
    ok: true,
    mode,
    orderVersion: order.version,
    revision: order.revision,
    productVersionId: checked.version.id,
    currency: order.currency,
    differences: checked.differences,
    totalBeforeCents: order.totalCents,
    totalAfterCents: checked.evaluation.totalCents,
    hoursBefore: order.productionHours,
    hoursAfter: planned.productionHours,
    promisedBefore: order.promisedDate,
    promisedAfter: planned.plan.ok ? new Date(`${planned.plan.promisedDate}T00:00:00Z`) : null,
    full: planned.plan.ok ? null : planned.plan.message,
    bomBefore: before.bom ?? [],
    bomAfter: checked.snapshot.bom,
    approvalNote,
  };
}
