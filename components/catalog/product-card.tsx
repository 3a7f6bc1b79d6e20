import Image from "next/image";
import Link from "next/link";
import type { CatalogEntry } from "@/lib/catalog/queries";
import { formatCents } from "@/lib/money";

/** One product in the catalog grid. */
export function ProductCard({ product, currency }: { product: CatalogEntry; currency: string }) {
  return (
    <li className="group overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block">
        <div className="aspect-[4/3] bg-stone-100">
          {product.imageUrl ? (
            <Image src={product.imageUrl} alt="" width={640} height={480} className="h-full w-full object-cover" unoptimized />
          ) : null}
        </div>
        <div className="p-4">
          <h2 className="text-lg font-semibold group-hover:text-brand-700">{product.name}</h2>
          <p className="mt-1 text-sm text-stone-600">{product.summary}</p>
          {product.fromPriceCents !== null ? (
            <p className="mt-3 text-sm">
              <span className="text-stone-500">from </span>
              <span className="font-semibold" data-testid="from-price">{formatCents(product.fromPriceCents, currency)}</span>
            </p>
          ) : null}
        </div>
      </Link>
    </li>
  );
}
