import { getPublishedProduct, getRememberedProduct, type PublishedProduct } from "@/lib/catalog/queries";
import { evaluate, normalize, type EvaluateResult, type Problem, type Selection } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { scheduleOrder } from "@/lib/delivery/schedule";
import { readPlanningContext } from "@/lib/delivery/context";
import { formatCents } from "@/lib/money";
import { emailSpecOf, orderPlacedEmail } from "@/lib/notifications/templates";
import { retryMessage } from "@/lib/security/rate-limit";
import { needsApproval, openHoursMessage, quantityLimitMessage } from "@/lib/settings/fair-use";
import { getSettings } from "@/lib/settings/queries";
import type { OrderRateLimit } from "./rate-limit";
import { awaitingApprovalEmail } from "./approval-emails";
import { ORDER_NUMBER, writeOrder, type RecordResult } from "./record";
import type { ShippingAddress } from "./schema";
import { operationsOf } from "./operations";
import { buildSnapshot } from "./snapshot";

export { ORDER_RATE_LIMIT } from "./rate-limit";

export type PlaceOrderInput = {
  customer: { id: string; name: string; email: string };
  slug: string;
  /** The customer's selection as sent: untrusted; normalized and evaluated here. */
  selection: unknown;
  quantity: number;
  idempotencyKey: string;
  shippingAddress: ShippingAddress;
  notes: string;
  /** What the customer saw: if the product or price changed since, they confirm again. */
  expected: { versionId: string; totalCents: number };
  /** The customer's order rate limit (none when absent). */
  limit?: OrderRateLimit;
  /**
   * Apply the shop's fair-use rules (the checkout does): the quantity limit, the cap on the customer's open
   * hours (counted under the booking lock) and approval for large orders. Staff tools and load tests do not.
   */
  fairUse?: boolean;
  now?: Date;
};

export type PlaceOrderResult =
  | { ok: true; number: string; existing: boolean; awaitingApproval?: boolean }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; problems: Pick<Problem, "group" | "message">[] }
  | { ok: false; code: "changed"; message: string; current: { versionId: string; version: number; totalCents: number } }
  | { ok: false; code: "conflict"; message: string }
  | { ok: false; code: "limited"; message: string; retryAfterMs: number }
  | { ok: false; code: "quantity"; message: string; maxQuantity: number }
  | { ok: false; code: "capped"; message: string }
  | { ok: false; code: "full"; message: string };

/** An order ready to be recorded: a configuration the engine found valid on the product's current version. */
export type NewOrder = {
  customer: { id: string; name: string; email: string | null };
  product: Pick<PublishedProduct, "id" | "slug" | "name" | "version">;
  selection: Selection;
  evaluation: EvaluateResult;
  idempotencyKey: string;
  shippingAddress: ShippingAddress;
  notes: string;
  placedAt: Date;
};

/**
 * Places an order. Nothing from the browser is trusted: the configuration is normalized, evaluated and
 * priced again on the product's current published version. Then the order is planned and written with its
 * bookings, atomically (see recordOrder). The same idempotency key always answers with the same
 * order, also under simultaneous submissions; with `limit`, a customer over their rate limit is refused.
 */
export async function placeOrder(db: Prisma, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const placedAt = input.now ?? new Date();

  let result: RecordResult = { status: "changed" };
  let current = { versionId: input.expected.versionId, version: 0, totalCents: input.expected.totalCents, hours: 0 };
  for (const fresh of [false, true]) {
    // 1. The configuration, checked and priced on the product as this process last read it (at the second
    //    round, as it is now). A refused form may be a resubmission of an order already placed (the product
    //    changed since): that is answered with its order.
    const checked = await checkConfiguration(db, input, fresh);
    if (!checked.ok) {
      if (!fresh) continue;
      const existing = await findByKey(db, input.idempotencyKey);
      return existing ? replayResult(existing, input.customer.id) : checked.result;
    }

    // 2. Plan on the capacity as it is, and write everything in one statement; place_order checks under the
    //    booking lock that the product is still this one and the plan still holds. When the plan does not
    //    (a day it needed filled up, or one it skipped was freed), plan again in a transaction that takes the lock first.
    const order: NewOrder = { ...input, ...checked, placedAt };
    current = { versionId: checked.product.version.id, version: checked.product.version.version, totalCents: checked.evaluation.totalCents, hours: checked.evaluation.productionHours };
    try {
      const options = { limit: input.limit, fairUse: input.fairUse ?? false };
      result = await recordOrder(db, order, { ...options, lock: false });
      // Out of date (orders placed meanwhile filled a day it needed): plan again on the figures as they are now,
      // and if other orders still got there first, under the lock (a transaction that serializes placements).
      if (result.status === "stale") result = await recordOrder(db, order, { ...options, lock: false });
      if (result.status === "stale") result = await runTransaction(db, (tx) => recordOrder(tx, order, { ...options, lock: true }), 10);
    } catch (error) {
      // A simultaneous submission with the same key won: answer with its order.
      const winner = isUniqueViolation(error) ? await findByKey(db, input.idempotencyKey) : null;
      if (winner) return replayResult(winner, input.customer.id);
      throw error;
    }
    if (result.status !== "changed") break;
  }
  switch (result.status) {
    case "placed":
      return { ok: true, number: result.number, existing: false, awaitingApproval: result.awaitingApproval };
    case "too_many":
      return { ok: false, code: "quantity", message: quantityLimitMessage(result.maxQuantity), maxQuantity: result.maxQuantity };
    case "capped":
      return { ok: false, code: "capped", message: openHoursMessage(result.cap, result.openHours, current.hours) };
    case "full":
      return { ok: false, code: "full", message: result.message };
    case "replay":
      return replayResult(result, input.customer.id);
    case "limited": {
      const retryAfterMs = Math.max(0, new Date(result.retryAt).getTime() - placedAt.getTime());
      return { ok: false, code: "limited", message: retryMessage(retryAfterMs, "orders in a short time"), retryAfterMs };
    }
    case "changed":
      // The product was republished or renamed between the fresh read and the write.
      return { ok: false, code: "changed", message: CHANGED_MESSAGE, current: { versionId: current.versionId, version: current.version, totalCents: current.totalCents } };
    case "stale":
      throw new Error("An order planned under the booking lock was refused as out of date");
  }
}

/**
 * Plans an order and writes it (on `db`, or inside the caller's transaction): reads the settings and the
 * calendar and load (with `lock`, after taking the booking lock), plans the order's operations into the free days,
 * and writes the order with its immutable snapshot, option rows, first event, email (when the customer has an
 * address), audit entry and bookings. With `fairUse`, refuses a quantity over the limit ("too_many") and
 * places a large order as AWAITING_APPROVAL, booking nothing. Writes nothing and answers "replay", "limited"
 * (with `limit`), "capped" (with `fairUse`), "full" (the horizon cannot take it), "changed" (the product is no
 * longer this one) or "stale" (the plan went out of date; never with `lock`).
 */
export async function recordOrder(db: Tx, order: NewOrder, options: { limit?: OrderRateLimit; fairUse?: boolean; lock: boolean }): Promise<RecordResult> {
  const { customer, product, evaluation, placedAt } = order;
  const { settings, settingsRow, calendar, booked, fairUse, fairUseRow } = await readPlanningContext(db, placedAt, { lock: options.lock });
  if (options.fairUse && evaluation.quantity > fairUse.maxQuantity) return { status: "too_many", maxQuantity: fairUse.maxQuantity };
  const operations = operationsOf(evaluation);
  const plan = scheduleOrder({ today: placedAt, leadDays: evaluation.leadDays, operations, shippingDays: settings.shippingDays, calendar, booked, trace: true });
  if (!plan.ok) return { status: "full", message: plan.message };
  const promisedDate = new Date(`${plan.promisedDate}T00:00:00Z`);
  const approval = options.fairUse && needsApproval(fairUse, evaluation.productionHours, evaluation.totalCents)
    ? { holdUntil: new Date(placedAt.getTime() + fairUse.approvalHoldDays * 86_400_000) }
    : null;
  const snapshot = buildSnapshot({ ...order, currency: settings.currency, promisedDate });
  const facts = {
    number: ORDER_NUMBER, customerName: customer.name, productName: product.name, totalCents: evaluation.totalCents,
    currency: settings.currency, promisedDate, companyName: settings.companyName, spec: emailSpecOf(snapshot.json),
  };
  const email = customer.email
    ? { to: customer.email, ...(approval ? awaitingApprovalEmail({ ...facts, holdUntil: approval.holdUntil }) : orderPlacedEmail(facts)) }
    : null;
  const result = await writeOrder(db, {
    order: {
      customerId: customer.id,
      productId: product.id,
      productVersionId: product.version.id,
      quantity: evaluation.quantity,
      selection: order.selection,
      snapshot: snapshot.json,
      configHash: snapshot.configHash,
      currency: settings.currency,
      unitPriceCents: evaluation.unitPriceCents,
      totalCents: evaluation.totalCents,
      leadDays: evaluation.leadDays,
      productionHours: evaluation.productionHours,
      promisedDate: snapshot.json.promisedDate,
      shippingAddress: order.shippingAddress,
      notes: order.notes,
      idempotencyKey: order.idempotencyKey,
      placedAt,
    },
    product: { slug: product.slug, name: product.name },
    choices: snapshot.choices,
    email,
    limit: options.limit,
    operations,
    plan,
    settings: settingsRow,
    fairUseRow,
    fairUse: options.fairUse ? fairUse : null,
    approval,
  });
  return result.status === "placed" ? { ...result, awaitingApproval: approval !== null } : result;
}

const CHANGED_MESSAGE = "This product was updated since you opened this page. Review your order and confirm again.";

type Checked = { ok: true; product: PublishedProduct; selection: Selection; evaluation: EvaluateResult } | { ok: false; result: PlaceOrderResult };

/** Normalizes, evaluates and prices the selection on the current version, and compares with what the customer saw. */
async function checkConfiguration(db: Prisma, input: PlaceOrderInput, fresh: boolean): Promise<Checked> {
  const product = await (fresh ? getPublishedProduct : getRememberedProduct)(db, input.slug);
  if (!product) return { ok: false, result: { ok: false, code: "not_found", message: "This product is no longer available." } };
  const { definition } = product.version;
  const normalized = normalize(definition, input.selection);
  if (!normalized.ok) {
    return { ok: false, result: { ok: false, code: "invalid", message: "This configuration is not valid any more.", problems: normalized.errors } };
  }
  const evaluation = evaluate(definition, normalized.selection, { quantity: input.quantity });
  if (!evaluation.valid) {
    return { ok: false, result: { ok: false, code: "invalid", message: "This configuration cannot be ordered as it is.", problems: evaluation.problems } };
  }
  const current = { versionId: product.version.id, version: product.version.version, totalCents: evaluation.totalCents };
  if (input.expected.totalCents !== evaluation.totalCents) {
    const { currency } = await getSettings(db);
    const message = `The price changed since you opened this page: it is now ${formatCents(evaluation.totalCents, currency)} instead of ${formatCents(input.expected.totalCents, currency)}. Review it and confirm again.`;
    return { ok: false, result: { ok: false, code: "changed", message, current } };
  }
  if (input.expected.versionId !== product.version.id) {
    return { ok: false, result: { ok: false, code: "changed", message: CHANGED_MESSAGE, current } };
  }
  return { ok: true, product, selection: normalized.selection, evaluation };
}

function findByKey(db: Prisma, key: string) {
  return db.order.findUnique({ where: { idempotencyKey: key }, select: { number: true, customerId: true } });
}

function replayResult(order: { number: string; customerId: string }, customerId: string): PlaceOrderResult {
  if (order.customerId !== customerId) {
    return { ok: false, code: "conflict", message: "This form was already used. Reload the page to order again." };
  }
  return { ok: true, number: order.number, existing: true };
}
