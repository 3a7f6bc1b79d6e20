import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import { loadProduct } from "@/lib/catalog/cached";
import { initialView } from "@/lib/configurator/view";

// The same for every visitor: rendered on the first request (never at build time), cached, and dropped by
// revalidateCatalog(slug) when an admin publishes. The first view (price, availability with reasons, lead
// time) is rendered here; share links (?c=) and today's capacity are read in the browser.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadProduct((await params).slug);
  if (!data) return { title: "Product not found" };
  return { title: `Configure the ${data.product.name}`, description: data.product.summary };
}

/** The configurator page of a published product. */
export default async function ProductPage({ params }: Props) {
  const data = await loadProduct((await params).slug);
  if (!data) notFound();
  const { product, currency } = data;
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-500">
        <Link href="/" className="hover:text-stone-900 hover:underline">Catalog</Link>
        <span aria-hidden className="mx-2">/</span>
        <span aria-current="page" className="text-stone-700">{product.name}</span>
      </nav>
      <header className="mb-6 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{product.name}</h1>
        <p className="mt-2 text-lg text-stone-700">{product.summary}</p>
        {product.description ? <p className="mt-2 text-sm leading-relaxed text-stone-600">{product.description}</p> : null}
      </header>
      <ProductConfigurator product={{ slug: product.slug, name: product.name }} definition={product.version.definition} currency={currency} initial={initialView(product.version.definition)} />
    </div>
  );
}
