import { queryRows, type Prisma } from "@/lib/db/client";
import { processWide } from "@/lib/process-wide";
import { SLUG_PATTERN } from "./editor/schema";

// The slugs of the published products, kept in memory so that the server's edge can answer an unknown
// /products/<slug> with a 404 before Next renders it: the configurator page is cached per slug (ISR), and
// every rendered slug, a 404 included, would be written to the build's cache folder (a disk anyone could
// fill). A known slug is answered from memory; an unknown one reads the list again at most every
// REFRESH_MS, so a product published on another instance is found within that time.

const REFRESH_MS = 2_000;
const MAX_SLUG_LENGTH = 64;

/** Where the edge sends a request for a product page that cannot exist: the product's 404 page, prerendered (app/(shop)/unknown-product). */
export const UNKNOWN_PRODUCT_URL = "/unknown-product";

type Known = { slugs: Set<string>; loadedAt: number; loading: Promise<void> | null };
const known = processWide("publishedSlugs", (): Known => ({ slugs: new Set(), loadedAt: 0, loading: null }));

async function reload(db: () => Promise<Prisma>): Promise<void> {
  known.loading ??= (async () => {
    try {
      const rows = await queryRows<{ slug: string }>(
        await db(),
        `SELECT p."slug" FROM "products" p JOIN "product_versions" v ON v."id" = p."current_version_id" WHERE v."status" = 'PUBLISHED'`,
        [],
      );
      known.slugs = new Set(rows.map((row) => row.slug));
      known.loadedAt = Date.now();
    } finally {
      known.loading = null;
    }
  })();
  return known.loading;
}

/** Forgets the list, so that the next product request reads it again at once (after an admin publishes, unpublishes or renames). */
export function forgetPublishedSlugs(): void {
  known.loadedAt = 0;
  // An unpublished product must stop being "known" here too: the next request reads the list again.
  known.slugs = new Set();
}

/** Whether `slug` could be a product's address at all (the editor's slug rule), before any lookup. */
export function isWellFormedSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/** Whether `slug` is a published product: from memory when it is known, else after reading the list again (at most every REFRESH_MS). */
export function isPublishedSlug(slug: string, db: () => Promise<Prisma>): boolean | Promise<boolean> {
  if (known.slugs.has(slug)) return true;
  if (!isWellFormedSlug(slug)) return false;
  if (Date.now() - known.loadedAt < REFRESH_MS) return false;
  return reload(db).then(() => known.slugs.has(slug));
}

/**
 * The address to serve for a request, for the edge guard: an unknown product's configurator page goes to
 * UNKNOWN_PRODUCT_URL (its order page, the files of public/products and everything else are left alone).
 */
export function routeProductPage(method: string, url: string, db: () => Promise<Prisma>, publicFiles: ReadonlySet<string> = new Set()): string | Promise<string> {
  if (method !== "GET" && method !== "HEAD") return url;
  const match = /^\/products\/([^/?#]+)\/?(?:\?|$)/.exec(url);
  if (!match) return url;
  // The query stays: Next checks an RSC request's _rsc parameter against its headers, whatever the path.
  const queryAt = url.indexOf("?");
  const unknown = queryAt === -1 ? UNKNOWN_PRODUCT_URL : `${UNKNOWN_PRODUCT_URL}${url.slice(queryAt)}`;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return unknown;
  }
  if (publicFiles.has(slug)) return url; // a static file of public/products (a product image)
  const published = isPublishedSlug(slug, db);
  if (typeof published === "boolean") return published ? url : unknown;
  return published.then((yes) => (yes ? url : unknown));
}
