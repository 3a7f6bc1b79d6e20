import { connection } from "next/server";
import { ProductCard } from "@/components/catalog/product-card";
import { findCatalog } from "@/lib/catalog/queries";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";

/** The catalog: every product with a published version. */
export default async function CatalogPage() {
  await connection(); // read at request time, never from the embedded database at build time
  const db = await getDb();
  const [products, settings] = await Promise.all([findCatalog(db), getSettings(db)]);
  return (
    <div>
      <section className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Made to order, made for you</h1>
        <p className="mt-2 max-w-2xl text-stone-600">
          Choose every detail, see the price and the delivery date as you go, and follow your piece through the workshop.
        </p>
      </section>
      {products.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-500">
          No products are published yet.
        </p>
      ) : (
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3" aria-label="Products">
          {products.map((product) => (
            <ProductCard key={product.slug} product={product} currency={settings.currency} />
          ))}
        </ul>
      )}
    </div>
  );
}
