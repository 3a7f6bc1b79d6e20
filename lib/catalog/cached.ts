import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { isBuildPhase } from "@/lib/env";
import { getFairUse, getSettings } from "@/lib/settings/queries";
import { readWorkshopCalendar } from "@/lib/workshop/queries";
import { CATALOG_TAG, productTag } from "./cache";
import { findCatalog, getPublishedProduct, type CatalogEntry, type PublishedProduct } from "./queries";

// Cached reads for the pages that are the same for every visitor. Admins drop them with
// revalidateCatalog(slug) on publish; the hour is only a safety net.

const SAFETY_NET_SECONDS = 3600;

export type CatalogPageData = { products: CatalogEntry[]; currency: string };
/** `maxQuantity`: the most units per order (the fair-use setting), so the configurator says the limit from its first paint. */
export type ProductPageData = { product: PublishedProduct; currency: string; maxQuantity: number };

const readCatalog = unstable_cache(
  async (): Promise<CatalogPageData> => {
    const db = await getDb();
    const [settings, workshop] = await Promise.all([getSettings(db), readWorkshopCalendar(db, new Date())]);
    return { products: await findCatalog(db, settings.shippingDays, workshop.centres), currency: settings.currency };
  },
  ["storefront-catalog"],
  { tags: [CATALOG_TAG], revalidate: SAFETY_NET_SECONDS },
);

// At build time the catalog page is rendered without data and marked stale after a second, so the
// server process renders the real one on the first request (see CatalogWarmup).
const buildPlaceholder = unstable_cache(async () => null, ["storefront-catalog-build"], { tags: [CATALOG_TAG], revalidate: 1 });

/** The catalog and the shop currency, or null while `next build` runs. */
export async function loadCatalog(): Promise<CatalogPageData | null> {
  if (isBuildPhase()) return buildPlaceholder();
  return readCatalog();
}

/** A published product and the shop currency, cached per slug; null when it has no published version. */
export async function loadProduct(slug: string): Promise<ProductPageData | null> {
  return unstable_cache(
    async (): Promise<ProductPageData | null> => {
      const db = await getDb();
      const [product, settings, fairUse] = await Promise.all([getPublishedProduct(db, slug), getSettings(db), getFairUse(db)]);
      return product ? { product, currency: settings.currency, maxQuantity: fairUse.maxQuantity } : null;
    },
    ["storefront-product-v2", slug],
    { tags: [CATALOG_TAG, productTag(slug)], revalidate: SAFETY_NET_SECONDS },
  )();
}
