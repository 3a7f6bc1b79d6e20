import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { writeAudit } from "../../audit/write";

export const STATUS_CHANGES = ["unpublish", "republish", "archive", "unarchive"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

export type StatusResult = { ok: true; slug: string; message: string } | { ok: false; message: string };

/**
 * Takes a product out of the catalog and back. Unpublishing clears its current version (its page answers
 * 404, new orders are refused; orders keep their version); republishing makes its latest published
 * version current again. Archiving also unpublishes and hides it from the admin's default list.
 */
export async function changeProductStatus(db: Prisma, actor: { id: string }, productId: string, change: StatusChange): Promise<StatusResult> {
  return runTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { name: true, slug: true, status: true, currentVersionId: true } });
    if (!product) return { ok: false as const, message: "This product no longer exists." };
    const latest = await tx.productVersion.findFirst({ where: { productId, status: "PUBLISHED" }, orderBy: { version: "desc" }, select: { id: true, version: true } });
    let data: { status: "ACTIVE" | "UNPUBLISHED" | "ARCHIVED"; currentVersionId?: string | null };
    let message: string;
    switch (change) {
      case "unpublish":
        if (product.status !== "ACTIVE" || !product.currentVersionId) return { ok: false as const, message: `${product.name} is not in the catalog.` };
        data = { status: "UNPUBLISHED", currentVersionId: null };
        message = `${product.name} is no longer in the catalog. Existing orders keep their version.`;
        break;
      case "republish":
        if (product.status === "ARCHIVED") return { ok: false as const, message: `${product.name} is archived. Unarchive it first.` };
        if (product.status === "ACTIVE" && product.currentVersionId) return { ok: false as const, message: `${product.name} is already in the catalog.` };
        if (!latest) return { ok: false as const, message: `${product.name} has no published version yet. Publish a draft instead.` };
        data = { status: "ACTIVE", currentVersionId: latest.id };
        message = `${product.name} v${latest.version} is back in the catalog.`;
        break;
      case "archive":
        if (product.status === "ARCHIVED") return { ok: false as const, message: `${product.name} is already archived.` };
        data = { status: "ARCHIVED", currentVersionId: null };
        message = `${product.name} is archived${product.currentVersionId ? " and no longer in the catalog" : ""}.`;
        break;
      case "unarchive":
        if (product.status !== "ARCHIVED") return { ok: false as const, message: `${product.name} is not archived.` };
        // Back among the products, still out of the catalog until republished (or first published).
        data = { status: latest ? "UNPUBLISHED" : "ACTIVE" };
        message = latest ? `${product.name} is unarchived. Republish it to put it back in the catalog.` : `${product.name} is unarchived.`;
        break;
    }
    const updated = await tx.product.updateMany({ where: { id: productId, status: product.status, currentVersionId: product.currentVersionId }, data });
    if (updated.count !== 1) return { ok: false as const, message: "The product changed meanwhile. Reload the page." };
    await writeAudit(tx, {
      actorId: actor.id,
      action: `product.${change}`,
      entityType: "Product",
      entityId: productId,
      summary: message,
      data: { before: product.status, after: data.status, version: change === "republish" ? (latest?.version ?? null) : null },
    });
    return { ok: true as const, slug: product.slug, message };
  });
}
