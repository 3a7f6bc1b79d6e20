import { randomBytes } from "node:crypto";
import type { Definition, EvaluateResult, Selection } from "@/lib/configurator";
import { queryRows } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { driverError, isUniqueViolation, SqlError } from "@/lib/db/errors";
import { RetryableError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import {
  bookingRows,
  capacityWindowStart,
  CapacityConflictError,
  capacityFromRows,
  isCapacityConflict,
  planBooking,
  weeksFilledBy,
  type BookingPlan,
  type CapacityRow,
} from "@/lib/delivery/capacity";
import { DEFAULT_SETTINGS, type ShopSettings } from "@/lib/settings/queries";
import { ORDER_NUMBER_DIGITS, orderNumberPrefix } from "./number";
import type { ShippingAddress } from "./schema";
import { configurationHash } from "./hash";
import { describeChoices, type OrderSnapshot } from "./snapshot";

export type NewOrder = {
  customerId: string;
  product: { id: string; slug: string; name: string };
  version: { id: string; version: number };
  definition: Definition;
  /** Normalized selection, already evaluated valid. */
  selection: Selection;
  evaluation: EvaluateResult;
  idempotencyKey: string;
  shippingAddress: ShippingAddress;
  notes: string;
  settings: ShopSettings;
  placedAt: Date;
};

/** A message for the outbox, written with the order. */
export type OrderEmail = { to: string; subject: string; text: string; html?: string };
/** Renders the order's email; `number` is a placeholder the database replaces with the number it draws. */
export type OrderEmailRenderer = (order: { number: string; promisedDate: Date; settings: ShopSettings }) => OrderEmail;

export type RecordedOrder = { id: string; number: string; promisedDate: Date; snapshot: OrderSnapshot };

export type WriteOptions = {
  email?: OrderEmailRenderer;
  /**
   * What the plan was made with, checked by the database before writing: the product's current version,
   * name and slug, and the shop settings (null: no settings row, the defaults). The database then also
   * checks that the plan is still the one current figures give (the weeks before its last one are full),
   * as it may have been made from remembered figures.
   */
  expect?: { settings: ShopSettings | null };
  /**
   * The customer's order rate limit, checked by the database in the same statement: the order is refused
   * (status "limited") when the customer placed `count` orders in the `windowMs` before it.
   */
  limit?: OrderRateLimit;
};

/** At most `count` orders per customer in any `windowMs`. */
export type OrderRateLimit = { count: number; windowMs: number };

/** An order ready to be written: every row computed, nothing sent yet. */
export type PreparedOrder = {
  id: string;
  promisedDate: Date;
  snapshot: OrderSnapshot;
  /** The first week it books ("" without bookings): orders written together go in calendar order. */
  firstWeek: string;
  idempotencyKey: string;
  payload: string;
};

/** What the place_order function answered. */
export type WriteResult =
  | { status: "placed"; id: string; number: string; weeks: CapacityRow[] }
  | { status: "replay"; number: string; customerId: string }
  | { status: "product" }
  | { status: "settings"; settings: ShopSettings | null }
  /** The customer's order rate limit was reached; retryAt is when the oldest order in the window leaves it. */
  | { status: "limited"; retryAt: string };

/** Replaced by the order number in the email, inside the database (unguessable, so never in customer text). */
const NUMBER_TOKEN = `@@order-number-${randomBytes(8).toString("hex")}@@`;

/**
 * Computes every row of a placed order from its plan: the order with its immutable snapshot and promised
 * date, one row per chosen option, the capacity bookings, the PLACED event and (optionally) the email, as
 * the one argument of the place_order SQL function (migrations 20261125006000_place_order,
 * 20261125006200_place_order_full_weeks and 20261201000000_place_order_rate_limit).
 */
export function prepareOrder(input: NewOrder, plan: BookingPlan, options: WriteOptions = {}): PreparedOrder {
  const { evaluation, selection, version, product, settings } = input;
  const id = newId();
  const choices = describeChoices(input.definition, selection, evaluation);
  const promisedDay = plan.promisedDate.toISOString().slice(0, 10);
  const snapshot: OrderSnapshot = {
    product: { ...product, version: version.version, versionId: version.id },
    selection,
    quantity: evaluation.quantity,
    choices,
    breakdown: evaluation.breakdown,
    unitPriceCents: evaluation.unitPriceCents,
    totalCents: evaluation.totalCents,
    currency: settings.currency,
    leadDays: evaluation.leadDays,
    leadDrivers: evaluation.leadDrivers.map((d) => d.message),
    productionHours: evaluation.productionHours,
    bom: evaluation.bom,
    promisedDate: promisedDay,
  };
  const placedAt = input.placedAt.toISOString();
  const email = options.email?.({ number: NUMBER_TOKEN, promisedDate: plan.promisedDate, settings });
  const payload = {
    order: {
      id,
      customerId: input.customerId,
      productId: product.id,
      productVersionId: version.id,
      quantity: evaluation.quantity,
      snapshot,
      configHash: configurationHash(version.id, selection, evaluation.quantity),
      currency: settings.currency,
      unitPriceCents: evaluation.unitPriceCents,
      totalCents: evaluation.totalCents,
      leadDays: evaluation.leadDays,
      productionHours: evaluation.productionHours,
      promisedDate: promisedDay,
      shippingAddress: input.shippingAddress,
      notes: input.notes,
      idempotencyKey: input.idempotencyKey,
      placedAt,
    },
    numberPrefix: orderNumberPrefix(input.placedAt.getUTCFullYear()),
    numberDigits: ORDER_NUMBER_DIGITS,
    numberToken: NUMBER_TOKEN,
    expect: options.expect
      ? { productId: product.id, slug: product.slug, name: product.name, versionId: version.id, settings: options.expect.settings }
      : undefined,
    limit: options.limit ? { count: options.limit.count, windowSeconds: options.limit.windowMs / 1000 } : undefined,
    bookings: bookingRows(plan.bookings),
    defaultWeeklyHours: settings.defaultWeeklyHours,
    fullWeeks: options.expect ? weeksFilledBy(plan) : [],
    optionIds: choices.map(() => newId()),
    event: { id: newId(), actorId: input.customerId, createdAt: placedAt },
    emails: email ? [{ id: newId(), to: email.to, subject: email.subject, text: email.text, html: email.html ?? null }] : [],
  };
  return {
    id,
    promisedDate: plan.promisedDate,
    snapshot,
    firstWeek: plan.bookings[0]?.week ?? "",
    idempotencyKey: input.idempotencyKey,
    payload: JSON.stringify(payload),
  };
}

/**
 * Writes a prepared order in one statement (the place_order function): on its own it is its own
 * transaction, inside the caller's transaction it is part of it. Throws, having written nothing, when a
 * planned week filled up meanwhile (isCapacityConflict), when the plan is no longer the one current figures
 * give (SQLSTATE 40001) or on a simultaneous submission with the same key (isDuplicateOrder).
 */
export async function writeOrder(db: Tx, order: PreparedOrder): Promise<WriteResult> {
  // Straight on the driver outside a transaction (queryRows): the payload is a few kilobytes of JSON.
  const [row] = await queryRows<{ result: WriteResult }>(db, `SELECT "place_order"($1::jsonb) AS "result"`, [order.payload]);
  if (!row) throw new Error("place_order returned nothing");
  return row.result;
}

/**
 * Writes several prepared orders in one statement and one transaction (the place_orders function), each in
 * its own subtransaction: one that fails leaves nothing behind and the others are written; they commit
 * together. Returns, per order, its result or the SqlError it failed with. Sorted by first booked week,
 * so concurrent writers take the weeks' row locks in calendar order.
 */
export async function writeOrders(db: Tx, orders: PreparedOrder[]): Promise<(WriteResult | SqlError)[]> {
  const sorted = orders.map((order, index) => ({ order, index })).sort((a, b) => (a.order.firstWeek < b.order.firstWeek ? -1 : a.order.firstWeek > b.order.firstWeek ? 1 : a.index - b.index));
  const [row] = await queryRows<{ results: (WriteResult | { status: "error"; code: string; message: string })[] }>(
    db,
    `SELECT "place_orders"($1::jsonb) AS "results"`,
    [`[${sorted.map((s) => s.order.payload).join(",")}]`],
  );
  if (!row || row.results.length !== orders.length) throw new Error("place_orders did not answer for every order");
  const results: (WriteResult | SqlError)[] = new Array(orders.length);
  sorted.forEach(({ index }, i) => {
    const result = row.results[i]!;
    results[index] = result.status === "error" ? new SqlError(result.code, result.message) : result;
  });
  return results;
}

/** True when a write failed because an order with the same idempotency key was being written at the same time. */
export function isDuplicateOrder(error: unknown): boolean {
  return isUniqueViolation(error);
}

/** True when a write failed because its capacity plan went out of date (a week filled up, or hours were freed). */
export function isStalePlan(error: unknown): boolean {
  const code = driverError(error).code;
  return isCapacityConflict(error) || code === "40001" || code === "40P01";
}

/**
 * Books and writes an order inside the caller's transaction, under the capacity lock: plans on fresh
 * figures read after the lock, then writes everything in one statement. Raises RetryableError (the caller's
 * runTransaction re-runs it) when a booker without the lock changed the weeks in between.
 */
export async function writeOrderLocked(tx: Tx, input: NewOrder, options: WriteOptions = {}): Promise<{ result: WriteResult; order: PreparedOrder; fresh: CapacityContext }> {
  const fresh = await readCapacityContext(tx, { lock: true });
  const settings = options.expect ? fresh.settings ?? DEFAULT_SETTINGS : input.settings;
  const plan = planBooking(
    { today: input.placedAt, leadDays: input.evaluation.leadDays, productionHours: input.evaluation.productionHours, settings },
    capacityFromRows(fresh.rows),
  );
  const order = prepareOrder({ ...input, settings }, plan, options.expect ? { ...options, expect: { settings: fresh.settings } } : options);
  let result: WriteResult;
  try {
    result = await writeOrder(tx, order);
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(plan.bookings.map((b) => b.week).join(", "));
    throw error;
  }
  if (result.status === "settings") throw new RetryableError("The shop settings changed while booking; try again.");
  return { result, order, fresh };
}

/**
 * Writes a placed order inside the caller's transaction (see writeOrderLocked): human number, the order
 * with its immutable snapshot, its capacity booking, one row per chosen option, the PLACED event and the
 * optional email.
 */
export async function insertOrder(tx: Tx, input: NewOrder & { email?: OrderEmailRenderer }): Promise<RecordedOrder> {
  const { result, order } = await writeOrderLocked(tx, input, { email: input.email });
  if (result.status === "replay") throw new Error(`An order with idempotency key ${input.idempotencyKey} exists: ${result.number}`);
  if (result.status !== "placed") throw new Error(`Order not written: ${result.status}`);
  return { id: order.id, number: result.number, promisedDate: order.promisedDate, snapshot: order.snapshot };
}

/** The shop settings row (null when there is none: the defaults apply) and the capacity of the weeks ahead. */
export type CapacityContext = { settings: ShopSettings | null; rows: CapacityRow[] };

/**
 * Reads the settings and the capacity rows planning needs, in one statement. With `lock`, inside a
 * transaction, first takes the booking lock (lockCapacity) and reads after it is granted.
 */
export async function readCapacityContext(db: Tx, options: { lock?: boolean } = {}): Promise<CapacityContext> {
  const [row] = await db.$queryRawUnsafe<{ context: { settings: ShopSettings | null; weeks: CapacityRow[] } }[]>(
    `SELECT "read_capacity"($1::date, $2::boolean) AS "context"`,
    capacityWindowStart().toISOString().slice(0, 10),
    options.lock ?? false,
  );
  if (!row) throw new Error("reading capacity returned nothing");
  return { settings: row.context.settings, rows: row.context.weeks };
}
