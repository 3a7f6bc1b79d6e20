import Link from "next/link";
import type { DesignView } from "@/lib/designs/queries";

/** Open the design in the configurator, or go straight to checkout with it (when it can be ordered as it is). */
export function DesignLinks({ design }: { design: DesignView }) {
  if (!design.now) return <p className="text-sm text-stone-600">{design.product.name} is no longer in the catalog, so this design cannot be ordered.</p>;
  const c = encodeURIComponent(design.now.code);
  const q = design.quantity > 1 ? `&q=${design.quantity}` : "";
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/products/${design.product.slug}?c=${c}${q}`} aria-label={`Open in the configurator: ${design.name}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50">
        Open in the configurator
      </Link>
      {design.now.valid ? (
        <Link href={`/products/${design.product.slug}/order?c=${c}&q=${design.quantity}`} aria-label={`Order this design: ${design.name}`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Order this design
        </Link>
      ) : null}
    </div>
  );
}
