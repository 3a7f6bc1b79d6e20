import type { Definition, EvaluateResult, Selection } from "@/lib/configurator";
import { newId } from "@/lib/db/ids";
import { driverError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import {
  bookingCtes,
  bookingRows,
  capacityFromRows,
  capacityWindowStart,
  CapacityConflictError,
  isCapacityConflict,
  loadCapacity,
  lockCapacity,
  planBooking,
  type BookingPlan,
  type CapacityRow,
  type CapacityState,
} from "@/lib/production/capacity";
import { DEFAULT_SETTINGS, type ShopSettings } from "@/lib/settings/queries";
import { formatOrderNumber, nextOrderNumber } from "./number";
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

/** A message for the outbox, written with the order (its id is filled in by the statement). */
export type OrderEmail = { to: string; subject: string; text: string; html?: string };

export type RecordedOrder = { id: string; number: string; promisedDate: Date; snapshot: OrderSnapshot };

/** An order ready to be written: every row computed, nothing sent yet. */
export type PreparedOrder = RecordedOrder & { payload: string };

/**
 * Computes every row of a placed order from its plan: the order with its immutable snapshot and promised
 * date, one row per chosen option, the capacity bookings, the PLACED event and (optionally) the email.
 */
export function prepareOrder(input: NewOrder, number: string, plan: BookingPlan, email?: (order: { number: string; promisedDate: Date }) => OrderEmail): PreparedOrder {
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
  const message = email?.({ number, promisedDate: plan.promisedDate });
  const payload = {
    order: {
      id,
      number,
      customerId: input.customerId,
      productId: product.id,
      productVersionId: version.id,
      quantity: evaluation.quantity,
      selection,
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
    options: choices.map((c) => ({
      id: newId(), group: c.group, groupLabel: c.groupLabel, option: c.option, label: c.label, value: c.value, unit: c.unit, priceCents: c.priceCents,
    })),
    bookings: bookingRows(plan.bookings),
    defaultWeeklyHours: settings.defaultWeeklyHours,
    event: { id: newId(), actorId: input.customerId, createdAt: placedAt },
    emails: message ? [{ id: newId(), to: message.to, subject: message.subject, text: message.text, html: message.html ?? null }] : [],
  };
  return { id, number, promisedDate: plan.promisedDate, snapshot, payload: JSON.stringify(payload) };
}

// One statement writes the whole order, so it is atomic on its own (no interactive transaction needed) and
// holds the booked weeks' row locks only while it runs. The order row goes first (every other part reads
// its id), so a duplicate idempotency key fails before anything is booked; then the weeks, in calendar
// order; the database guards (unique key, capacity check, foreign keys) decide, nothing is checked in
// between round trips.
const WRITE_ORDER_SQL = `WITH "input" AS (SELECT $1::jsonb AS "j"),
  "new_order" AS (
    INSERT INTO "orders" ("id", "number", "customer_id", "product_id", "product_version_id", "status", "quantity", "selection",
      "snapshot", "config_hash", "currency", "unit_price_cents", "total_cents", "lead_days", "production_hours", "promised_date",
      "shipping_address", "notes", "idempotency_key", "created_at", "updated_at")
    SELECT o."id", o."number", o."customerId", o."productId", o."productVersionId", 'PLACED'::"OrderStatus", o."quantity", o."selection",
      o."snapshot", o."configHash", o."currency", o."unitPriceCents", o."totalCents", o."leadDays", o."productionHours", o."promisedDate",
      o."shippingAddress", o."notes", o."idempotencyKey", o."placedAt", o."placedAt"
    FROM "input", jsonb_to_record("input"."j" -> 'order') AS o("id" text, "number" text, "customerId" text, "productId" text,
      "productVersionId" text, "quantity" int, "selection" jsonb, "snapshot" jsonb, "configHash" text, "currency" text,
      "unitPriceCents" int, "totalCents" int, "leadDays" int, "productionHours" float8, "promisedDate" date,
      "shippingAddress" jsonb, "notes" text, "idempotencyKey" text, "placedAt" timestamptz)
    RETURNING "id"
  ),
  ${bookingCtes(`((SELECT "j" FROM "input") -> 'bookings')`, `(SELECT "id" FROM "new_order")`, `((SELECT "j" FROM "input") ->> 'defaultWeeklyHours')::float8`)},
  "new_options" AS (
    INSERT INTO "order_options" ("id", "order_id", "group_id", "group_label", "option_id", "label", "value", "unit", "price_cents")
    SELECT x."id", n."id", x."group", x."groupLabel", x."option", x."label", x."value", x."unit", x."priceCents"
    FROM "new_order" n, "input", jsonb_to_recordset("input"."j" -> 'options') AS x("id" text, "group" text, "groupLabel" text,
      "option" text, "label" text, "value" text, "unit" text, "priceCents" int)
    RETURNING "id"
  ),
  "new_event" AS (
    INSERT INTO "order_events" ("id", "order_id", "to_status", "actor_id", "created_at")
    SELECT e."id", n."id", 'PLACED'::"OrderStatus", e."actorId", e."createdAt"
    FROM "new_order" n, "input", jsonb_to_record("input"."j" -> 'event') AS e("id" text, "actorId" text, "createdAt" timestamptz)
    RETURNING "id"
  ),
  "new_emails" AS (
    INSERT INTO "email_outbox" ("id", "to", "subject", "text", "html", "order_id")
    SELECT m."id", m."to", m."subject", m."text", m."html", n."id"
    FROM "new_order" n, "input", jsonb_to_recordset("input"."j" -> 'emails') AS m("id" text, "to" text, "subject" text, "text" text, "html" text)
    RETURNING "id"
  )
SELECT n."id",
  (SELECT count(*) FROM "booked_weeks")::int AS "weeks",
  (SELECT count(*) FROM "new_bookings")::int AS "bookings",
  (SELECT count(*) FROM "new_options")::int AS "options",
  (SELECT count(*) FROM "new_event")::int AS "events",
  (SELECT count(*) FROM "new_emails")::int AS "emails"
FROM "new_order" n`;

/**
 * Writes a prepared order in one statement: on its own it is its own transaction, inside the caller's
 * transaction it is part of it. Fails without writing anything on a duplicate idempotency key
 * (isDuplicateOrder) or when a planned week filled up meanwhile (isCapacityConflict).
 */
export async function writeOrder(db: Tx, order: PreparedOrder): Promise<void> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(WRITE_ORDER_SQL, order.payload);
  if (rows[0]?.id !== order.id) throw new Error(`Order ${order.number} was not written`);
}

/** True when a write failed because an order with the same idempotency key exists (or is being written). */
export function isDuplicateOrder(error: unknown): boolean {
  return driverError(error).code === "23505";
}

/**
 * Writes a placed order inside the caller's transaction, under the capacity lock: human number (unless
 * one was drawn already), plan on fresh capacity figures, then the order with its immutable snapshot, its
 * capacity booking, one row per chosen option, the PLACED event and the optional email, in one statement.
 */
export async function insertOrder(
  tx: Tx,
  input: NewOrder & { number?: string; email?: (order: { number: string; promisedDate: Date }) => OrderEmail },
): Promise<RecordedOrder> {
  await lockCapacity(tx);
  const number = input.number ?? (await nextOrderNumber(tx, input.placedAt));
  const plan = planBooking(
    { today: input.placedAt, leadDays: input.evaluation.leadDays, productionHours: input.evaluation.productionHours, settings: input.settings },
    await loadCapacity(tx),
  );
  const order = prepareOrder(input, number, plan, input.email);
  try {
    await writeOrder(tx, order);
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(plan.bookings.map((b) => b.week).join(", "));
    throw error;
  }
  const { payload: _payload, ...recorded } = order;
  return recorded;
}

export type OrderContext = {
  /** The order already placed with this idempotency key, if any. */
  replay: { number: string; customerId: string } | null;
  /** The product as it is now: its current version and whether that version is published. */
  product: { id: string; slug: string; name: string; versionId: string | null; published: boolean } | null;
  settings: ShopSettings;
  capacity: CapacityState;
  /** A new order number, drawn only when there is no replay and the product's current version is the expected one. */
  number: string | null;
};

// Everything placing an order reads, in one round trip and one snapshot: the replay, the product's current
// version, the settings, the capacity of the weeks ahead, and (only when the order can go ahead) a number.
const READ_CONTEXT_SQL = `SELECT
  (SELECT json_build_object('number', o."number", 'customerId', o."customer_id") FROM "orders" o WHERE o."idempotency_key" = $1) AS "replay",
  (SELECT json_build_object('id', p."id", 'slug', p."slug", 'name', p."name", 'versionId', v."id", 'published', COALESCE(v."status" = 'PUBLISHED', false))
     FROM "products" p LEFT JOIN "product_versions" v ON v."id" = p."current_version_id" WHERE p."slug" = $2) AS "product",
  (SELECT json_build_object('companyName', s."company_name", 'currency', s."currency", 'defaultWeeklyHours', s."default_weekly_hours", 'shippingDays', s."shipping_days")
     FROM "settings" s WHERE s."id" = 1) AS "settings",
  (SELECT COALESCE(json_agg(json_build_array(w."week", w."capacity_hours", w."is_override", w."booked_hours")), '[]'::json)
     FROM "capacity_weeks" w WHERE w."week_start" >= $3::date) AS "weeks",
  CASE WHEN $4::boolean
        AND NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."idempotency_key" = $1)
        AND EXISTS (SELECT 1 FROM "products" p JOIN "product_versions" v ON v."id" = p."current_version_id"
                    WHERE p."slug" = $2 AND v."id" = $5 AND v."status" = 'PUBLISHED')
    THEN nextval('order_number_seq')::text END AS "sequence"`;

type ContextRow = {
  replay: OrderContext["replay"];
  product: OrderContext["product"];
  settings: ShopSettings | null;
  weeks: CapacityRow[];
  sequence: string | null;
};

/** Reads what placing an order needs (see OrderContext) in one statement. */
export async function readOrderContext(
  db: Tx,
  query: { idempotencyKey: string; slug: string; versionId: string; drawNumber: boolean; placedAt: Date },
): Promise<OrderContext> {
  const [row] = await db.$queryRawUnsafe<ContextRow[]>(
    READ_CONTEXT_SQL,
    query.idempotencyKey,
    query.slug,
    capacityWindowStart().toISOString().slice(0, 10),
    query.drawNumber,
    query.versionId,
  );
  if (!row) throw new Error("reading the order context returned nothing");
  return {
    replay: row.replay,
    product: row.product,
    settings: row.settings ?? DEFAULT_SETTINGS,
    capacity: capacityFromRows(row.weeks),
    number: row.sequence === null ? null : formatOrderNumber(query.placedAt.getUTCFullYear(), Number(row.sequence)),
  };
}
