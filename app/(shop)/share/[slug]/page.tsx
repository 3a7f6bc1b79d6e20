import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import { configuratorContent } from "@/components/configurator/static-content";
import { loadProduct } from "@/lib/catalog/cached";
import { shareLinkSearch } from "@/lib/configurator/share/share-link";
import { sharedView } from "@/lib/configurator/share/shared-view";
import { getDb } from "@/lib/db";
import { getDeliveryContext } from "@/lib/delivery/context";
import { estimateDelivery, toEstimateJson } from "@/lib/delivery/estimate";
import { workSignature } from "@/lib/delivery/estimate-json";
import { workOf } from "@/lib/delivery/work";
import { env } from "@/lib/env";
import { formatCents } from "@/lib/money";
import { ProductHeader } from "@/components/configurator/product-header";

// A share link (/products/<slug>?c=...&q=..., rewritten here by next.config.ts): rendered per request with the
// link's configuration, its price and today's delivery date, so the first paint, the HTML (no JavaScript) and
// link previews show what was shared. The plain configurator page stays cached and the same for everyone.
// Outside products/[slug] on purpose: that segment's loading.tsx would stream a skeleton before this page.

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The view of a link depends only on the published version and the link (not on the visitor or the day): the
// last few hundred are kept in this process, so a link shared widely is evaluated once, not on every visit.
const VIEWS_KEPT = 300;
const views = new Map<string, ReturnType<typeof sharedView>>();
function viewOf(definition: Parameters<typeof sharedView>[0], versionId: string, search: string, currency: string) {
  const key = `${versionId}:${currency}?${search}`;
  let view = views.get(key);
  if (!view) {
    view = sharedView(definition, search, currency);
    if (views.size >= VIEWS_KEPT) views.delete(views.keys().next().value!);
    views.set(key, view);
  }
  return view;
}

/** The product, the link's view and its delivery estimate (once per request: the metadata and the page share it). */
const loadShared = cache(async (slug: string, c: string | undefined, q: string | undefined) => {
  const data = await loadProduct(slug);
  if (!data) return null;
  const shared = viewOf(data.product.version.definition, data.product.version.id, shareLinkSearch(c, q), data.currency);
  const { result } = shared.view;
  let delivery: Record<string, unknown> | null = null;
  try {
    const context = await getDeliveryContext(await getDb());
    const work = workOf(result);
    const estimate = toEstimateJson(estimateDelivery(context, result.leadDays, work), result.leadDays, workSignature(work));
    // As /api/delivery-context sends it (JSON), so the browser reads one format whichever way it came.
    delivery = JSON.parse(JSON.stringify({ ...context, estimate })) as Record<string, unknown>;
  } catch (error) {
    // The configuration still shows; the browser fetches the date as on the plain page.
    console.error("delivery context for a share link failed", error);
  }
  return { ...data, shared, delivery };
});

async function read({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  return loadShared(slug, first(search.c), first(search.q));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await read(props);
  if (!data) return { title: "Product not found" };
  const { product, currency, shared, delivery } = data;
  const { result, code, quantity } = shared.view;
  const price = formatCents(result.totalCents, currency);
  const chosen = result.breakdown.lines.filter((l) => l.kind === "option").map((l) => l.label.split(": ").slice(1).join(": "));
  // The estimate comes worded (toEstimateJson): the link preview says the day as the page does.
  const estimate = delivery?.estimate as { ok?: boolean; date?: string } | undefined;
  const date = estimate?.ok && estimate.date ? `Estimated delivery ${estimate.date}.` : "";
  const title = `${quantity > 1 ? `${quantity} × ` : ""}${product.name}, configured: ${price}`;
  const description = [chosen.join(", "), `${price}${quantity > 1 ? ` for ${quantity}` : ""}.`, date].filter(Boolean).join(". ").replace(/\.\./g, ".");
  const url = `/products/${product.slug}?c=${code}${quantity > 1 ? `&q=${quantity}` : ""}`;
  const image = `/share/${product.slug}/image?c=${code}`;
  return {
    ...(env.NEXTAUTH_URL ? { metadataBase: new URL(env.NEXTAUTH_URL) } : {}),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title, description, url, images: [{ url: image, width: 1200, height: 630, alt: `${product.name}: ${chosen.join(", ")}` }] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** The configurator opened from a share link: the link's configuration, price and date from the first paint. */
export default async function SharedProductPage(props: Props) {
  const data = await read(props);
  if (!data) notFound();
  const { product, currency, maxQuantity, shared, delivery } = data;
  return (
    <div>
      <ProductHeader product={product} />
      <ProductConfigurator
        product={{ slug: product.slug, name: product.name }}
        definition={product.version.definition}
        currency={currency}
        content={configuratorContent(product.version.definition, currency)}
        maxQuantity={maxQuantity}
        initial={shared.view}
        link={{ defaults: shared.defaults, notice: shared.notice, restored: shared.restored, delivery }}
      />
    </div>
  );
}
