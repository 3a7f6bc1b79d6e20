import { revalidateTag } from "next/cache";
import { forgetPublishedSlugs } from "./known-slugs";

// Cache tags of the pages that are the same for every visitor (catalog, configurator).
export const CATALOG_TAG = "catalog";
export const productTag = (slug: string) => `product:${slug}`;

/** Drops the cached catalog and a product's configurator page after an admin publishes or edits it. */
export function revalidateCatalog(slug?: string): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
  forgetPublishedSlugs();
  if (slug) revalidateTag(productTag(slug), { expire: 0 });
}
