import { describeChoices, evaluate, normalize, type Selection } from "@/lib/configurator";
import { getPublishedProduct } from "@/lib/catalog/queries";
import type { Prisma, Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { getSettings } from "@/lib/settings/queries";
import { MAX_SAVED_DESIGNS } from "./schema";

export type SaveDesignResult =
  | { ok: true; id: string }
  | { ok: false; code: "not-found" | "invalid" | "limit"; message: string; field?: "name" | "configuration" };

export const DESIGN_LIMIT_MESSAGE = `You have ${MAX_SAVED_DESIGNS} saved designs, the most you can keep. Delete one you no longer need first.`;

async function lockCustomer(tx: Tx, customerId: string) {
  await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${customerId} FOR UPDATE`;
}

/**
 * Saves a named configuration of a published product for the customer. The configuration is checked by the
 * engine against the product's current version (unknown groups or options are refused; a configuration with
 * rule problems is kept, and shown with them); the price is computed here, never taken from the browser.
 */
export async function saveDesign(
  db: Prisma,
  customerId: string,
  input: { slug: string; selection: Selection; quantity: number; name: string },
): Promise<SaveDesignResult> {
  const product = await getPublishedProduct(db, input.slug);
  if (!product) return { ok: false, code: "not-found", message: "This product is not available any more." };
  const normalized = normalize(product.version.definition, input.selection);
  if (!normalized.ok) return { ok: false, code: "invalid", field: "configuration", message: "This configuration does not fit the product; open it in the configurator again." };
  const evaluation = evaluate(product.version.definition, normalized.selection, { quantity: input.quantity });
  const choices = describeChoices(product.version.definition, normalized.selection, evaluation);
  const { currency } = await getSettings(db);
  return runTransaction(db, async (tx) => {
    await lockCustomer(tx, customerId);
    if ((await tx.savedDesign.count({ where: { customerId } })) >= MAX_SAVED_DESIGNS) return { ok: false, code: "limit", message: DESIGN_LIMIT_MESSAGE };
    const design = await tx.savedDesign.create({
      data: {
        customerId,
        productId: product.id,
        versionId: product.version.id,
        name: input.name,
        selection: normalized.selection,
        choices,
        quantity: input.quantity,
        totalCents: evaluation.totalCents,
        currency,
      },
      select: { id: true },
    });
    return { ok: true, id: design.id };
  });
}

/** Renames one of the customer's own designs; false for anyone else's id. */
export async function renameDesign(db: Prisma, customerId: string, id: string, name: string): Promise<boolean> {
  const { count } = await db.savedDesign.updateMany({ where: { id, customerId }, data: { name } });
  return count > 0;
}

/** Deletes one of the customer's own designs; false for anyone else's id. */
export async function deleteDesign(db: Prisma, customerId: string, id: string): Promise<boolean> {
  const { count } = await db.savedDesign.deleteMany({ where: { id, customerId } });
  return count > 0;
}
