import { notFound } from "next/navigation";

// Where the server's edge sends a request for /products/<slug> when no published product has that slug
// (lib/catalog/known-slugs.ts): the product's 404 page, prerendered once at build, so an unknown slug is
// never rendered into the configurator page's per-slug cache.
export const dynamic = "force-static";

/** Always the "Product not found" page, with a 404 status. */
export default function UnknownProductPage(): never {
  notFound();
}
