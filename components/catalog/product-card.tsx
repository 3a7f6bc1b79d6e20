import Link from "next/link";
import { formatWeekWindow } from "@/lib/delivery/typical-window";
import type { CatalogEntry } from "@/lib/catalog/queries";
import { formatCents } from "@/lib/money";

/** One product in the catalog grid: image, name, summary, from-price and typical delivery window. */
export function ProductCard({ product, currency, priority = false }: { product: CatalogEntry; currency: string; priority?: boolean }) {
  // A plain <img> (the images are served as they are, unoptimized): next/image would add its client code to
  // the catalog page for nothing. The first row is fetched first and eagerly; the rest load lazily.
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-lg focus-within:shadow-lg">
      <div className="aspect-[4/3] overflow-hidden bg-gradient-to-b from-stone-100 to-stone-200/60">
        {product.imageUrl ? (
          <img
            src={product.imageUrl}
            alt=""
            width={640}
            height={480}
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : undefined}
            decoding="async"
            className="h-full w-full object-contain p-4 transition duration-300 group-hover:scale-[1.03]"
            style={{ color: "transparent" }}
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col p-5">
        <h2 className="text-lg font-semibold tracking-tight">
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {product.name}
          </Link>
        </h2>
        <p className="mt-1 flex-1 text-sm text-stone-600">{product.summary}</p>
        <dl className="mt-4 flex items-end justify-between gap-3 border-t border-stone-100 pt-4 text-sm">
          <div>
            <dt className="text-stone-500">From</dt>
            <dd className="text-base font-semibold text-stone-900" data-testid="from-price">
              {product.fromPriceCents !== null ? formatCents(product.fromPriceCents, currency) : "Price on request"}
            </dd>
          </div>
          {product.deliveryWeeks ? (
            <div className="text-right">
              <dt className="text-stone-500">Typical delivery</dt>
              <dd className="font-medium text-stone-800" data-testid="delivery-window">{formatWeekWindow(product.deliveryWeeks)}</dd>
            </div>
          ) : null}
        </dl>
        <span aria-hidden className="mt-4 inline-flex items-center justify-center rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white transition group-hover:bg-brand-700">
          Configure
        </span>
      </div>
    </li>
  );
}
