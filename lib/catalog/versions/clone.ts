import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write";

export type CloneInput = { name: string; slug: string };

export type CloneResult = { ok: true; id: string; fromVersion: number } | { ok: false; field?: "slug"; message: string };

/**
 * Copies a product under a new name and slug: its texts, its image, its saved test cases and, as draft v1,
 * the definition of its current version (or its latest version when none is current). Nothing is published.
 */
export async function cloneProduct(db: Prisma, actor: { id: string }, productId: string, input: CloneInput): Promise<CloneResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const source = await tx.product.findUnique({
        where: { id: productId },
        select: {
          name: true,
          summary: true,
          description: true,
          imageUrl: true,
          currentVersion: { select: { version: true, definition: true } },
          versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, definition: true } },
          testCases: { orderBy: { name: "asc" }, select: { name: true, selection: true, quantity: true, expectValid: true, expectPriceCents: true, expectLeadDays: true, expectOperations: true } },
        },
      });
      if (!source) return { ok: false as const, message: "This product no longer exists." };
      const from = source.currentVersion ?? source.versions[0];
      if (!from) return { ok: false as const, message: "This product has no version to copy." };
      const last = await tx.product.aggregate({ _max: { sortOrder: true } });
      const product = await tx.product.create({
        data: { name: input.name, slug: input.slug, summary: source.summary, description: source.description, imageUrl: source.imageUrl, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      await tx.productVersion.create({ data: { productId: product.id, version: 1, status: "DRAFT", definition: from.definition as PrismaTypes.InputJsonValue } });
      if (source.testCases.length) {
        await tx.productTestCase.createMany({
          data: source.testCases.map((c) => ({ ...c, productId: product.id, selection: c.selection as PrismaTypes.InputJsonValue, expectOperations: (c.expectOperations ?? undefined) as PrismaTypes.InputJsonValue | undefined })),
        });
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "product.clone",
        entityType: "Product",
        entityId: product.id,
        summary: `Cloned ${source.name} v${from.version} as ${input.name} (${input.slug})`,
        data: { sourceId: productId, fromVersion: from.version, testCases: source.testCases.length },
      });
      return { ok: true as const, id: product.id, fromVersion: from.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "slug", message: "Another product already uses this slug." };
    throw error;
  }
}
