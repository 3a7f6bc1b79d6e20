import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { getPublishedProduct } from "@/lib/catalog/queries";
import { encodeSelection } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { getCustomerOrder } from "@/lib/orders/queries";
import { addressForReorder } from "@/lib/customers/addresses";
import { planReorder } from "@/lib/orders/reorder";
import { orderNumberSchema } from "@/lib/orders/schema";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Order again" };

/** Re-order: the past configuration on the product's current version, with what differs spelled out. */
export default async function OrderAgainPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}/again`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const db = await getDb();
  const order = await getCustomerOrder(db, user.id, number);
  if (!order) notFound();
  const snapshot = order.snapshot as unknown as OrderSnapshot;
  const product = await getPublishedProduct(db, order.product.slug);
  if (!product) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-2xl font-semibold">{order.product.name} is no longer available</h1>
        <p className="mt-2 text-stone-600">It has been taken out of the catalog, so it cannot be ordered again. Your order {order.number} is not affected.</p>
        <div className="mt-4 flex justify-center gap-4">
          <Link href={`/orders/${order.number}`} className="text-brand-700 underline">Back to your order</Link>
          <Link href="/" className="text-brand-700 underline">Browse the catalog</Link>
        </div>
      </div>
    );
  }
  const plan = planReorder(snapshot, product.version.definition);
  const c = encodeSelection(plan.selection);
  const sameVersion = product.version.version === snapshot.product.version;
  // The order keeps the currency it was placed in; today's price is in the shop's currency.
  const { currency } = await getSettings(db);
  // Checkout fills in the saved address this order went to (or the latest saved one), when the customer keeps any.
  const saved = await addressForReorder(db, user.id, order.shippingAddress as Record<string, string> | null);
  const addressParam = saved ? `&address=${saved.id}` : "";
  const priceChanged = plan.oldTotalCents !== plan.newTotalCents || currency !== snapshot.currency;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-500"><Link href={`/orders/${order.number}`} className="underline">{order.number}</Link> / order again</p>
        <h1 className="mt-1 text-2xl font-semibold">Order your {product.name} again</h1>
      </div>
      <section className="rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="diff">
        <h2 id="diff" className="text-lg font-semibold">What differs from your order</h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" data-testid="reorder-differences">
          {sameVersion ? null : <li>The product has been updated since (version {snapshot.product.version} → {product.version.version}).</li>}
          {plan.differences.map((d, i) => <li key={i}>{d}</li>)}
          {priceChanged ? (
            <li>Price for {snapshot.quantity}: {formatCents(plan.oldTotalCents, snapshot.currency)} then, {formatCents(plan.newTotalCents, currency)} now.</li>
          ) : (
            <li>Same price as before: {formatCents(plan.newTotalCents, currency)}.</li>
          )}
          {sameVersion && plan.differences.length === 0 ? <li>Nothing else: the same configuration is still available.</li> : null}
        </ul>
        {!plan.valid ? (
          <div role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">Some choices need your attention before ordering:</p>
            <ul className="list-disc pl-5">{plan.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          </div>
        ) : null}
      </section>
      <div className="flex flex-wrap gap-3">
        <Link href={`/products/${product.slug}?c=${encodeURIComponent(c)}`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Open in the configurator
        </Link>
        {plan.valid ? (
          <Link href={`/products/${product.slug}/order?c=${encodeURIComponent(c)}&q=${snapshot.quantity}${addressParam}`} className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50">
            Review and order
          </Link>
        ) : null}
      </div>
    </div>
  );
}
