import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { listWorkCentres } from "@/lib/workshop/queries";
import { fieldChanges } from "../../audit/changes";
import { writeAudit } from "../../audit/write";

const PRODUCT_FIELDS = { name: "Name", slug: "Address (slug)", summary: "Summary", description: "Description", imageUrl: "Image" } as const;
// Uploaded images are data URLs: audit that the image changed, not its bytes.
const briefImage = (image: unknown) => (typeof image === "string" && image.startsWith("data:") ? `(uploaded image, ${image.length} characters)` : typeof image === "string" ? image : undefined);
import { starterDefinition, type ProductDetailsInput } from "./schema";

type Actor = { id: string };

/** Without imageUrl, the product keeps its image. */
export type UpdateProductInput = Omit<ProductDetailsInput, "imageUrl"> & { imageUrl?: string };

export type ProductResult =
  | { ok: true; id: string; slug: string; previousSlug?: string }
  | { ok: false; field?: "slug"; message: string };

const slugTaken = { ok: false, field: "slug", message: "Another product already uses this slug." } as const;

/** Creates a product with an empty draft version (version 1); nothing is visible in the catalog until published. */
export async function createProduct(db: Prisma, actor: Actor, input: ProductDetailsInput): Promise<ProductResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const last = await tx.product.aggregate({ _max: { sortOrder: true } });
      const product = await tx.product.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 } });
      // The first operation goes to the workshop's first active work centre.
      const centre = (await listWorkCentres(tx)).find((c) => c.active)?.id;
      await tx.productVersion.create({
        data: { productId: product.id, version: 1, status: "DRAFT", definition: starterDefinition(centre) as PrismaTypes.InputJsonValue },
      });
      await writeAudit(tx, { actorId: actor.id, action: "product.create", entityType: "Product", entityId: product.id, summary: `Created product ${input.name} (${input.slug})`, changes: fieldChanges(null, input, PRODUCT_FIELDS, { imageUrl: briefImage }) });
      return { ok: true as const, id: product.id, slug: product.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}

/** Updates a product's name, slug, texts and image (not versioned: the catalog shows them at once). */
export async function updateProduct(db: Prisma, actor: Actor, id: string, input: UpdateProductInput): Promise<ProductResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const before = await tx.product.findUnique({ where: { id }, select: { slug: true, name: true, summary: true, description: true, imageUrl: true } });
      if (!before) return { ok: false as const, message: "This product no longer exists." };
      await tx.product.update({ where: { id }, data: input });
      const changed = (Object.keys(input) as (keyof ProductDetailsInput)[]).filter((k) => before[k] !== input[k]);
      const brief = briefImage;
      await writeAudit(tx, {
        actorId: actor.id,
        action: "product.update",
        entityType: "Product",
        entityId: id,
        summary: changed.length ? `Changed ${changed.join(", ")} of ${input.name}` : `Saved ${input.name} without changes`,
        data: { before: { ...before, imageUrl: brief(before.imageUrl) }, after: { ...input, imageUrl: brief(input.imageUrl) } },
        changes: fieldChanges(before, input, PRODUCT_FIELDS, { imageUrl: briefImage }),
      });
      return { ok: true as const, id, slug: input.slug, previousSlug: before.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}
