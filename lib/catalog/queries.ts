import { parseDefinition, type Definition } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { cheapestConfiguration } from "./from-price";
import { typicalDeliveryWeeks, type WeekWindow } from "../delivery/typical-window";

export type CatalogEntry = {
  slug: string;
  name: string;
  summary: string;
  imageUrl: string;
  fromPriceCents: number | null;
  version: number;
  /** Typical delivery window in weeks with an empty workshop, or null when the definition is unreadable. */
  deliveryWeeks: WeekWindow | null;
};

export type PublishedProduct = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  imageUrl: string;
  version: { id: string; version: number; definition: Definition };
};

/** Every product with a published version, in catalog order, with its from-price and delivery window. */
export async function findCatalog(db: Prisma, shippingDays = 5, defaultWeeklyHours = 80): Promise<CatalogEntry[]> {
  const products = await db.product.findMany({
    where: { currentVersion: { is: { status: "PUBLISHED" } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      summary: true,
      imageUrl: true,
      currentVersion: { select: { version: true, fromPriceCents: true, definition: true } },
    },
  });
  return products.flatMap((p) => {
    if (!p.currentVersion) return [];
    const parsed = parseDefinition(p.currentVersion.definition);
    const definition = parsed.ok ? parsed.definition : null;
    const fromPriceCents = p.currentVersion.fromPriceCents ?? (definition ? cheapestConfiguration(definition)?.totalCents ?? null : null);
    return [
      {
        slug: p.slug,
        name: p.name,
        summary: p.summary,
        imageUrl: p.imageUrl,
        fromPriceCents,
        version: p.currentVersion.version,
        deliveryWeeks: definition ? typicalDeliveryWeeks(definition, { shippingDays, defaultWeeklyHours }) : null,
      },
    ];
  });
}

/** A product's current published version with its validated definition, or null (unknown, unpublished or unreadable). */
export async function getPublishedProduct(db: Prisma, slug: string): Promise<PublishedProduct | null> {
  const product = await db.product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      description: true,
      imageUrl: true,
      currentVersion: { select: { id: true, version: true, status: true, definition: true } },
    },
  });
  const current = product?.currentVersion;
  if (!product || !current || current.status !== "PUBLISHED") return null;
  const parsed = parseDefinition(current.definition);
  if (!parsed.ok) {
    console.error(`Product ${slug} v${current.version} has an invalid definition`, parsed.issues.slice(0, 5));
    return null;
  }
  const { currentVersion: _current, ...rest } = product;
  return { ...rest, version: { id: current.id, version: current.version, definition: parsed.definition } };
}
