import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import { configuratorContent } from "@/components/configurator/static-content";
import { loadProduct } from "@/lib/catalog/cached";
import { initialView } from "@/lib/configurator/view";
import { ProductHeader } from "@/components/configurator/product-header";

// The same for every visitor: rendered on the first request (never at build time), cached, and dropped by
// revalidateCatalog(slug) when an admin publishes. The first view (price, availability with reasons, lead
// time) is rendered here; today's capacity is read in the browser. A share link (?c= or ?q=) is rewritten
// (next.config.ts) to app/(shop)/share/[slug], rendered per request with the link's configuration.
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
  const { product, currency, maxQuantity } = data;
  return (
    <div>
      <ProductHeader product={product} />
      <ProductConfigurator product={{ slug: product.slug, name: product.name }} definition={product.version.definition} currency={currency} content={configuratorContent(product.version.definition, currency)} maxQuantity={maxQuantity} initial={initialView(product.version.definition, currency)} />
    </div>
  );
}
