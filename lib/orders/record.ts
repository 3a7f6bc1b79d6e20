import { randomBytes, randomUUID } from "node:crypto";
import { queryRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { CapacityConflictError, isCapacityConflict } from "@/lib/delivery/capacity";
import type { PlanningSettings } from "@/lib/delivery/context";
import type { OperationNeed, Schedule } from "@/lib/delivery/schedule";
import type { EmailMessage } from "@/lib/notifications/email";
import type { FairUse } from "@/lib/settings/fair-use";
import { ORDER_NUMBER_DIGITS, orderNumberPrefix } from "./number";
import type { OrderRateLimit } from "./rate-limit";
import type { SnapshotChoice } from "./snapshot";

/** Every column of a new order that is not a default (its status is PLACED) and not drawn when it is written (its number). */
export type OrderRow = {
  customerId: string;
  productId: string;
  productVersionId: string;
  quantity: number;
  selection: unknown;
  snapshot: unknown;
  configHash: string;
  currency: string;
  unitPriceCents: number;
  totalCents: number;
  leadDays: number;
  productionHours: number;
  /** ISO date, e.g. "2027-01-15". */
  promisedDate: string;
  shippingAddress: unknown;
  notes: string;
  idempotencyKey: string;
  placedAt: Date;
};

export type OrderWrite = {
  order: OrderRow;
  /** The product the order was checked on: place_order refuses ("changed") when it is no longer the current one. */
  product: { slug: string; name: string };
  choices: SnapshotChoice[];
  /** Rendered with ORDER_NUMBER where the number goes: it is drawn when the order is written. */
  email: Omit<EmailMessage, "orderId"> | null;
  limit: OrderRateLimit | undefined;
  /** The order's operations in routing order (with hours), and the plan that books them. */
  operations: OperationNeed[];
  plan: Extract<Schedule, { ok: true }>;
  /** The planning settings the plan was made with (null: there is no row, the defaults applied). */
  settings: PlanningSettings | null;
  /** The fair-use settings row the order was judged on (null: none, the defaults): place_order checks it is unchanged. */
  fairUseRow: FairUse | null;
  /** The fair-use rules to apply (the per-customer cap is counted under the lock), or null (not applied). */
  fairUse: FairUse | null;
  /** A large order waits for approval: it books nothing, and its hold ends at `holdUntil`. */
  approval: { holdUntil: Date } | null;
};

/** What place_order answered (see prisma/sql/place_order.sql). */
export type WriteResult =
  | { status: "placed"; id: string; number: string; awaitingApproval?: boolean }
  | { status: "replay"; number: string; customerId: string }
  | { status: "limited"; retryAt: string }
  | { status: "capped"; openHours: number; cap: number }
  | { status: "stale" }
  | { status: "changed" };

/** What recording an order answered: place_order's answer, or a refusal before writing (fair use, a full horizon). */
export type RecordResult = WriteResult | { status: "too_many"; maxQuantity: number } | { status: "full"; message: string };

/** Stands for the order's number in its email until the database draws it (unguessable: never in what a customer types). */
export const ORDER_NUMBER = `@@order-number-${randomBytes(8).toString("hex")}@@`;

/**
 * Writes a planned order in one statement (the place_order function, prisma/sql/place_order.sql): under the
 * booking lock it checks the plan still holds, then writes the order with its number, option rows, PLACED
 * event, email, audit entry and capacity bookings. On its own (straight on the driver, see queryRows) it is
 * its own transaction; inside the caller's transaction it is part of it.
 */
export async function writeOrder(db: Tx, write: OrderWrite): Promise<WriteResult> {
  const { order, plan } = write;
  const payload = JSON.stringify({
    order: { ...order, placedAt: order.placedAt.toISOString() },
    numberPrefix: orderNumberPrefix(order.placedAt.getUTCFullYear()),
    numberDigits: ORDER_NUMBER_DIGITS,
    numberToken: ORDER_NUMBER,
    expect: { productId: order.productId, slug: write.product.slug, name: write.product.name, versionId: order.productVersionId },
    choices: write.choices,
    email: write.email,
    limit: write.limit ? { count: write.limit.count, windowSeconds: write.limit.windowMs / 1000 } : null,
    settings: write.settings,
    fairUseRow: write.fairUseRow,
    fairUse: write.fairUse ? { customerOpenHoursCap: write.fairUse.customerOpenHoursCap } : null,
    status: write.approval ? "AWAITING_APPROVAL" : "PLACED",
    holdUntil: write.approval?.holdUntil.toISOString() ?? null,
    // An order awaiting approval books nothing (its date is set when approved): no days to check either.
    operations: operationRows(write.operations, write.approval ? null : plan),
    seen: write.approval ? [] : plan.seen,
  });
  try {
    const [row] = await queryRows<{ result: WriteResult }>(db, `SELECT "place_order"($1::jsonb) AS "result"`, [payload]);
    if (!row) throw new Error("place_order returned nothing");
    return row.result;
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(plan.operations.map((o) => `${o.workCentre} ${o.start}`).join(", "));
    throw error;
  }
}

/** The order's operations as place_order writes them: ids drawn here, and each one's bookings from the plan (none without one). */
function operationRows(operations: OperationNeed[], plan: Extract<Schedule, { ok: true }> | null) {
  const planned = new Map(plan?.operations.map((o) => [o.key, o]));
  return operations
    .filter((o) => o.hours > 0)
    .map((o, seq) => {
      const booked = planned.get(o.key);
      return { operationId: randomUUID(), seq, key: o.key, label: o.label, workCentre: o.workCentre, hours: o.hours, start: booked?.start ?? null, end: booked?.end ?? null, bookings: booked?.bookings ?? [] };
    });
}
