import { getPublishedProduct, type PublishedProduct } from "@/lib/catalog/queries";
import { evaluate, normalize, type Problem } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { driverError, runTransaction } from "@/lib/db/transaction";
import { formatCents } from "@/lib/money";
import { orderPlacedEmail } from "@/lib/notifications/templates";
import { isCapacityConflict, planBooking } from "@/lib/production/capacity";
import { getSettings } from "@/lib/settings/queries";
import { insertOrder, isDuplicateOrder, prepareOrder, readOrderContext, writeOrder, type NewOrder, type OrderEmail } from "./record";
import type { ShippingAddress } from "./schema";

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
  now?: Date;
};

export type PlaceOrderResult =
  | { ok: true; number: string; existing: boolean }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; problems: Pick<Problem, "group" | "message">[] }
  | { ok: false; code: "changed"; message: string; current: { versionId: string; version: number; totalCents: number } }
  | { ok: false; code: "conflict"; message: string };

async function findByKey(db: Prisma, key: string) {
  return db.order.findUnique({ where: { idempotencyKey: key }, select: { number: true, customerId: true } });
}

// The published product last seen per slug, per database client. Only a hint: published versions are
// immutable, and every order checks in its own read that the product's current version is still this one
// (and re-reads it otherwise), so a stale entry costs one extra read, never a wrong order.
const MAX_PRODUCT_HINTS = 200;
const productHints = new WeakMap<object, Map<string, PublishedProduct>>();

/** The published product, remembered or (when asked, or not remembered) read afresh. */
async function publishedProduct(db: Prisma, slug: string, fresh: boolean): Promise<{ product: PublishedProduct | null; fresh: boolean }> {
  let hints = productHints.get(db);
  if (!hints) productHints.set(db, (hints = new Map()));
  const hint = hints.get(slug);
  if (hint && !fresh) return { product: hint, fresh: false };
  const product = await getPublishedProduct(db, slug);
  hints.delete(slug);
  if (product) {
    if (hints.size >= MAX_PRODUCT_HINTS) hints.delete(hints.keys().next().value!);
    hints.set(slug, product);
  }
  return { product, fresh: true };
}

/** The last rounds read the product afresh; a product republished during each of them is reported as changed. */
const MAX_ROUNDS = 3;

/**
 * Places an order: re-validates the configuration with the engine against the current published version,
 * recomputes price and promise (nothing from the browser is trusted), and atomically books the capacity and
 * writes the order, its snapshot, option rows, PLACED event and confirmation email.
 * The same idempotency key always returns the same order, also under simultaneous submissions.
 *
 * Two round trips in the usual case: one read (replay, current version, settings, capacity, number) and
 * one statement that writes everything and books the planned weeks, guarded by the database. Only when a
 * planned week filled up in between does the order take the booking lock and re-plan on fresh figures.
 */
export async function placeOrder(db: Prisma, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const placedAt = input.now ?? new Date();
  for (let round = 1; ; round++) {
    const { product, fresh } = await publishedProduct(db, input.slug, round > 1);
    if (!product) {
      if (!fresh) continue;
      return { ok: false, code: "not_found", message: "This product is no longer available." };
    }
    const { version } = product;
    const definition = version.definition;

    // A refusal is only given on fresh figures: a remembered version may be out of date.
    const normalized = normalize(definition, input.selection);
    if (!normalized.ok) {
      if (!fresh) continue;
      return { ok: false, code: "invalid", message: "This configuration is not valid any more.", problems: normalized.errors };
    }
    const evaluation = evaluate(definition, normalized.selection, { quantity: input.quantity });
    if (!evaluation.valid) {
      if (!fresh) continue;
      return { ok: false, code: "invalid", message: "This configuration cannot be ordered as it is.", problems: evaluation.problems };
    }
    const current = { versionId: version.id, version: version.version, totalCents: evaluation.totalCents };
    if (input.expected.versionId !== version.id || input.expected.totalCents !== evaluation.totalCents) {
      if (!fresh) continue;
      const settings = await getSettings(db);
      const message =
        input.expected.totalCents !== evaluation.totalCents
          ? `The price changed since you opened this page: it is now ${formatCents(evaluation.totalCents, settings.currency)} instead of ${formatCents(input.expected.totalCents, settings.currency)}. Review it and confirm again.`
          : "This product was updated since you opened this page. Review your order and confirm again.";
      return { ok: false, code: "changed", message, current };
    }

    const context = await readOrderContext(db, {
      idempotencyKey: input.idempotencyKey, slug: input.slug, versionId: version.id, drawNumber: true, placedAt,
    });
    if (context.replay) return replayResult(context.replay, input.customer.id);
    if (!context.product?.published || context.product.versionId !== version.id || context.number === null) {
      // Republished (or withdrawn) since this version was read: read it again.
      if (round >= MAX_ROUNDS) return { ok: false, code: "changed", message: "This product was updated since you opened this page. Review your order and confirm again.", current };
      continue;
    }

    const { settings } = context;
    const order: NewOrder = {
      customerId: input.customer.id,
      product: { id: context.product.id, slug: context.product.slug, name: context.product.name },
      version: { id: version.id, version: version.version },
      definition,
      selection: normalized.selection,
      evaluation,
      idempotencyKey: input.idempotencyKey,
      shippingAddress: input.shippingAddress,
      notes: input.notes,
      settings,
      placedAt,
    };
    const email = (placed: { number: string; promisedDate: Date }): OrderEmail => ({
      to: input.customer.email,
      ...orderPlacedEmail({
        number: placed.number, customerName: input.customer.name, productName: order.product.name, totalCents: evaluation.totalCents,
        currency: settings.currency, promisedDate: placed.promisedDate, companyName: settings.companyName,
      }),
    });
    const number = context.number;
    try {
      try {
        const plan = planBooking(
          { today: placedAt, leadDays: evaluation.leadDays, productionHours: evaluation.productionHours, settings },
          context.capacity,
        );
        await writeOrder(db, prepareOrder(order, number, plan, email));
      } catch (error) {
        if (!isCapacityConflict(error) && !isDeadlock(error)) throw error;
        // A planned week filled up since the read: book in turn, under the lock, on fresh figures.
        await runTransaction(db, (tx) => insertOrder(tx, { ...order, number, email }), 10);
      }
      return { ok: true, number, existing: false };
    } catch (error) {
      // A simultaneous submission with the same key won: return its order.
      if (isDuplicateOrder(error)) {
        const winner = await findByKey(db, input.idempotencyKey);
        if (winner) return replayResult(winner, input.customer.id);
      }
      throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  return driverError(error).code === "40P01";
}

function replayResult(order: { number: string; customerId: string }, customerId: string): PlaceOrderResult {
  if (order.customerId !== customerId) {
    return { ok: false, code: "conflict", message: "This form was already used. Reload the page to order again." };
  }
  return { ok: true, number: order.number, existing: true };
}
