import type { Metadata } from "next";
import Link from "next/link";
import { SaveDesignForm } from "@/components/designs/save-design-form";
import { SpecificationList } from "@/components/orders/specification-list";
import { requireUser } from "@/lib/auth/guards";
import { getPublishedProduct } from "@/lib/catalog/queries";
import { decodeSelection, describeChoices, evaluate, normalize } from "@/lib/configurator";
import { MAX_QUANTITY } from "@/lib/configurator/definition/selection-types";
import { getDb } from "@/lib/db";
import { MAX_DESIGN_NAME } from "@/lib/designs/schema";
import { formatCents } from "@/lib/money";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Save design" };

type Props = { searchParams: Promise<{ product?: string; c?: string; q?: string }> };

function Problem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-stone-600">{children}</p>
    </div>
  );
}

/** Saving a configuration from the configurator: what will be kept, and its name. */
export default async function SaveDesignPage({ searchParams }: Props) {
  const { product: slug = "", c = "", q } = await searchParams;
  await requireUser(`/account/designs/new?${new URLSearchParams({ product: slug, c, ...(q ? { q } : {}) })}`);
  const db = await getDb();
  const product = slug ? await getPublishedProduct(db, slug) : null;
  if (!product) return <Problem title="Nothing to save">This product is not available. <Link href="/" className="text-brand-700 underline">Browse the catalog</Link></Problem>;
  const decoded = decodeSelection(c);
  const normalized = decoded.ok ? normalize(product.version.definition, decoded.selection) : null;
  if (!normalized?.ok) {
    return <Problem title="This configuration cannot be saved">It does not fit the {product.name} as offered today. <Link href={`/products/${product.slug}`} className="text-brand-700 underline">Open the configurator</Link></Problem>;
  }
  const quantity = Math.min(MAX_QUANTITY, Math.max(1, /^\d{1,9}$/.test(q ?? "") ? Number(q) : 1));
  const evaluation = evaluate(product.version.definition, normalized.selection, { quantity });
  const { currency } = await getSettings(db);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <p className="text-sm text-stone-600"><Link href={`/products/${product.slug}?c=${encodeURIComponent(c)}`} className="underline">← Back to the configurator</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">Save your {product.name}</h1>
        <p className="mt-1 text-sm text-stone-600">Saved designs keep your choices. Their price and delivery date are worked out again whenever you look at them.</p>
      </div>
      <section className="rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="spec">
        <h2 id="spec" className="text-lg font-semibold">Your choices</h2>
        <div className="mt-2"><SpecificationList choices={describeChoices(product.version.definition, normalized.selection, evaluation)} currency={currency} /></div>
        <p className="mt-3 font-semibold">Today: {formatCents(evaluation.totalCents, currency)}{quantity > 1 ? ` for ${quantity}` : ""}</p>
      </section>
      <SaveDesignForm slug={product.slug} configuration={c} quantity={quantity} defaultName={`My ${product.name}`.slice(0, MAX_DESIGN_NAME)} maxName={MAX_DESIGN_NAME} />
    </div>
  );
}
