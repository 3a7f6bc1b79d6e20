import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { encodeSelection } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { loadCheckout } from "@/lib/orders/checkout";
import { MAX_QUANTITY, readQuantity } from "@/lib/configurator/quantity";
import { COUNTRIES } from "@/lib/orders/schema";
import { findSavedAddresses } from "@/lib/customers/addresses";
import { DEFAULT_FAIR_USE } from "@/lib/settings/fair-use";
import { describeChoices } from "@/lib/orders/snapshot";
import { CheckoutForm } from "./checkout-form";
import { quoteCheckout } from "./checkout-quote";

export const metadata: Metadata = { title: "Review and order" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ c?: string; q?: string; address?: string }> };

/** Checkout: the full specification, price and promise, then address and notes. Signed-in customers only. */
export default async function CheckoutPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { c, q, address } = await searchParams;
  const returnTo = `/products/${encodeURIComponent(slug)}/order?${new URLSearchParams({ ...(c ? { c } : {}), ...(q ? { q } : {}) })}`;
  const user = await requireUser(returnTo);
  // Never clamped: the field shows the quantity as the link gave it, and a quantity that cannot be ordered is
  // shown with why (CheckoutForm). The first quote is that quantity's when the engine can price it.
  const quantityText = (q ?? "1").slice(0, 12);
  const reading = readQuantity(quantityText, MAX_QUANTITY);
  const quantity = reading.quantity ?? 1;
  const db = await getDb();
  const data = await loadCheckout(db, slug, c, quantity);
  if (!data.ok) notFound();
  const addresses = await findSavedAddresses(db, user.id);
  const configuratorHref = `/products/${data.product.slug}${c ? `?c=${encodeURIComponent(c)}` : ""}`;

  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href={configuratorHref} className="underline hover:text-stone-700">← Back to the configurator</Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">Review and order: {data.product.name}</h1>
      {data.notice ? <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{data.notice}</p> : null}
      <CheckoutForm
        product={{ slug: data.product.slug, name: data.product.name }}
        versionId={data.version.id}
        definition={data.definition}
        selection={data.selection}
        configuration={encodeSelection(data.selection)}
        choices={describeChoices(data.definition, data.selection, data.evaluation)}
        initialQuote={quoteCheckout(data.definition, data.selection, quantity, data.capacity)}
        initialQuantityText={quantityText}
        currency={data.settings.currency}
        capacity={data.capacity}
        idempotencyKey={randomUUID()}
        customerName={user.name}
        configuratorHref={configuratorHref}
        countries={COUNTRIES}
        fairUse={data.capacity.fairUse ?? DEFAULT_FAIR_USE}
        addressBook={{ addresses, initialId: addresses.some((a) => a.id === address) ? address! : null }}
      />
    </div>
  );
}
