import { CatalogWarmup } from "@/components/catalog/catalog-warmup";
import { ProductCard } from "@/components/catalog/product-card";
import { loadCatalog } from "@/lib/catalog/cached";

// Same for every visitor: cached (ISR) and dropped by revalidateCatalog() when an admin publishes.
export const revalidate = 3600;

/** The catalog: every product with a published version. */
export default async function CatalogPage() {
  const data = await loadCatalog();
  return (
    <div>
      <section className="relative mb-10 overflow-hidden rounded-2xl bg-stone-900 px-6 py-10 text-white sm:px-10 sm:py-14">
        <div aria-hidden className="pointer-events-none absolute -right-24 -top-24 h-72 w-72 rounded-full bg-brand-600/40 blur-3xl" />
        <div aria-hidden className="pointer-events-none absolute -bottom-32 left-1/3 h-72 w-72 rounded-full bg-amber-500/20 blur-3xl" />
        <p className="relative text-sm font-medium uppercase tracking-widest text-brand-100">Made to order</p>
        <h1 className="relative mt-2 max-w-2xl text-3xl font-semibold tracking-tight sm:text-5xl">Built for you, after you order it</h1>
        <p className="relative mt-4 max-w-2xl text-stone-300 sm:text-lg">
          Choose every detail and see the price and the delivery date change as you go. Nothing is made until you order,
          and you can follow your piece through the workshop.
        </p>
        <ul className="relative mt-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-stone-300">
          <li className="flex items-center gap-2"><Dot /> Live price, itemized</li>
          <li className="flex items-center gap-2"><Dot /> Delivery date from today&apos;s workshop load</li>
          <li className="flex items-center gap-2"><Dot /> Shareable configurations</li>
        </ul>
      </section>
      {data === null ? (
        <CatalogWarmup />
      ) : data.products.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">No products are published yet.</p>
      ) : (
        <>
          <h2 className="sr-only">Products</h2>
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3" aria-label="Products">
            {data.products.map((product, index) => (
              <ProductCard key={product.slug} product={product} currency={data.currency} priority={index < 3} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Dot() {
  return <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-400" />;
}
