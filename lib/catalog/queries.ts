import { parseDefinition, type Definition } from "@/lib/configurator";
import { queryRows, type Prisma, type Tx } from "@/lib/db/client";
import { processWide } from "@/lib/process-wide";
import { cheapestConfiguration } from "./from-price";
import type { WorkshopCalendar } from "../delivery/calendar";
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

/** Every product with a published version, in catalog order, with its from-price and its delivery window at `centres` (the active work centres). */
export async function findCatalog(db: Prisma, shippingDays: number, centres: WorkshopCalendar["centres"]): Promise<CatalogEntry[]> {
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
        deliveryWeeks: definition ? typicalDeliveryWeeks(definition, { shippingDays, centres }) : null,
      },
    ];
  });
}

// Published versions never change, so a version's parsed definition is kept by id: reading the product then
// costs a small row, not its definition's JSON (tens of kilobytes) and its validation.
const MAX_DEFINITIONS = 200;
const definitions = processWide("publishedDefinitions", () => new Map<string, Definition | null>());

async function publishedDefinition(db: Tx, versionId: string): Promise<Definition | null> {
  const known = definitions.get(versionId);
  if (known !== undefined) return known;
  const row = await db.productVersion.findUnique({ where: { id: versionId }, select: { version: true, status: true, definition: true } });
  if (!row || row.status !== "PUBLISHED") return null;
  const parsed = parseDefinition(row.definition);
  if (!parsed.ok) console.error(`Product version ${versionId} (v${row.version}) has an invalid definition`, parsed.issues.slice(0, 5));
  const definition = parsed.ok ? parsed.definition : null;
  if (definitions.size >= MAX_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
  definitions.set(versionId, definition);
  return definition;
}

/** A product's current published version with its validated definition, or null (unknown, unpublished or unreadable). */
export async function getPublishedProduct(db: Prisma, slug: string): Promise<PublishedProduct | null> {
  // One statement on the driver (queryRows): every order placed reads it, and Prisma's nested select takes two.
  const [row] = await queryRows<Omit<PublishedProduct, "version"> & { versionId: string; version: number }>(
    db,
    `SELECT p."id", p."slug", p."name", p."summary", p."description", p."image_url" AS "imageUrl", v."id" AS "versionId", v."version"
       FROM "products" p JOIN "product_versions" v ON v."id" = p."current_version_id"
      WHERE p."slug" = $1 AND v."status" = 'PUBLISHED'`,
    [slug],
  );
  if (!row) return null;
  const definition = await publishedDefinition(db, row.versionId);
  if (!definition) return null;
  const { versionId, version, ...product } = row;
  const published = { ...product, version: { id: versionId, version, definition } };
  remembered.delete(slug);
  if (remembered.size >= MAX_DEFINITIONS) remembered.delete(remembered.keys().next().value!);
  remembered.set(slug, published);
  return published;
}

/** A published version of the product, by id, with its validated definition; null when it is unknown, a draft, another product's or unreadable. */
export async function getPublishedVersion(db: Tx, productId: string, versionId: string): Promise<PublishedProduct["version"] | null> {
  const row = await db.productVersion.findUnique({ where: { id: versionId }, select: { productId: true, version: true, status: true } });
  if (!row || row.productId !== productId || row.status !== "PUBLISHED") return null;
  const definition = await publishedDefinition(db, versionId);
  return definition ? { id: versionId, version: row.version, definition } : null;
}

/** The product's current published version (what the catalog sells now), or null when it is out of the catalog. */
export async function getCurrentVersion(db: Tx, productId: string): Promise<PublishedProduct["version"] | null> {
  const [row] = await queryRows<{ id: string; version: number }>(
    db,
    `SELECT v."id", v."version" FROM "products" p JOIN "product_versions" v ON v."id" = p."current_version_id"
      WHERE p."id" = $1 AND v."status" = 'PUBLISHED'`,
    [productId],
  );
  const definition = row ? await publishedDefinition(db, row.id) : null;
  return row && definition ? { id: row.id, version: row.version, definition } : null;
}

// The product last read per slug. Only a hint: whoever uses it has the database check, where it writes, that
// the product still has this name, slug and current version (place_order does), and reads it again otherwise.
const remembered = processWide("rememberedProducts", () => new Map<string, PublishedProduct>());

/** The published product as this process last read it (see getPublishedProduct), or a fresh read when it has none. */
export async function getRememberedProduct(db: Prisma, slug: string): Promise<PublishedProduct | null> {
  return remembered.get(slug) ?? getPublishedProduct(db, slug);
}
