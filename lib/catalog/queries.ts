import type { Prisma } from "@/lib/db/client";

export type CatalogEntry = {
  slug: string;
  name: string;
  summary: string;
  imageUrl: string;
  fromPriceCents: number | null;
  version: number;
};

/** Every product with a published version, in catalog order. */
export async function findCatalog(db: Prisma): Promise<CatalogEntry[]> {
  const products = await db.product.findMany({
    where: { currentVersionId: { not: null } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      summary: true,
      imageUrl: true,
      currentVersion: { select: { version: true, fromPriceCents: true } },
    },
  });
  return products.flatMap((p) =>
    p.currentVersion
      ? [{ slug: p.slug, name: p.name, summary: p.summary, imageUrl: p.imageUrl, fromPriceCents: p.currentVersion.fromPriceCents, version: p.currentVersion.version }]
      : [],
  );
}
