import { getPublishedProduct } from "@/lib/catalog/queries";
import { evaluate, normalize, type Problem } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { formatCents } from "@/lib/money";
import { enqueueEmail } from "@/lib/notifications/email";
import { orderPlacedEmail } from "@/lib/notifications/templates";
import { getSettings } from "@/lib/settings/queries";
import { insertOrder } from "./record";
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

/**
 * Places an order: re-validates the configuration with the engine against the current published version,
 * recomputes price and promise (nothing from the browser is trusted), and in one transaction books the
 * capacity and writes the order, its snapshot, option rows, PLACED event and confirmation email.
 * The same idempotency key always returns the same order, also under simultaneous submissions.
 */
export async function placeOrder(db: Prisma, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const replay = await findByKey(db, input.idempotencyKey);
  if (replay) return replayResult(replay, input.customer.id);

  const product = await getPublishedProduct(db, input.slug);
  if (!product) return { ok: false, code: "not_found", message: "This product is no longer available." };
  const { version } = product;
  const definition = version.definition;

  const normalized = normalize(definition, input.selection);
  if (!normalized.ok) {
    return { ok: false, code: "invalid", message: "This configuration is not valid any more.", problems: normalized.errors };
  }
  const evaluation = evaluate(definition, normalized.selection, { quantity: input.quantity });
  if (!evaluation.valid) {
    return { ok: false, code: "invalid", message: "This configuration cannot be ordered as it is.", problems: evaluation.problems };
  }
  const current = { versionId: version.id, version: version.version, totalCents: evaluation.totalCents };
  if (input.expected.versionId !== version.id || input.expected.totalCents !== evaluation.totalCents) {
    const settings = await getSettings(db);
    const message =
      input.expected.totalCents !== evaluation.totalCents
        ? `The price changed since you opened this page: it is now ${formatCents(evaluation.totalCents, settings.currency)} instead of ${formatCents(input.expected.totalCents, settings.currency)}. Review it and confirm again.`
        : "This product was updated since you opened this page. Review your order and confirm again.";
    return { ok: false, code: "changed", message, current };
  }

  const placedAt = input.now ?? new Date();
  try {
    const order = await runTransaction(db, async (tx) => {
      const settings = await getSettings(tx);
      const created = await insertOrder(tx, {
        customerId: input.customer.id,
        product: { id: product.id, slug: product.slug, name: product.name },
        version: { id: version.id, version: version.version },
        definition,
        selection: normalized.selection,
        evaluation,
        idempotencyKey: input.idempotencyKey,
        shippingAddress: input.shippingAddress,
        notes: input.notes,
        settings,
        placedAt,
      });
      const email = orderPlacedEmail({
        number: created.number, customerName: input.customer.name, productName: product.name, totalCents: evaluation.totalCents,
        currency: settings.currency, promisedDate: created.promisedDate, companyName: settings.companyName,
      });
      await enqueueEmail(tx, { to: input.customer.email, ...email, orderId: created.id });
      return created;
    });
    return { ok: true, number: order.number, existing: false };
  } catch (error) {
    // A simultaneous submission with the same key won: return its order.
    if (isUniqueViolation(error)) {
      const winner = await findByKey(db, input.idempotencyKey);
      if (winner) return replayResult(winner, input.customer.id);
    }
    throw error;
  }
}

function replayResult(order: { number: string; customerId: string }, customerId: string): PlaceOrderResult {
  if (order.customerId !== customerId) {
    return { ok: false, code: "conflict", message: "This form was already used. Reload the page to order again." };
  }
  return { ok: true, number: order.number, existing: true };
}
