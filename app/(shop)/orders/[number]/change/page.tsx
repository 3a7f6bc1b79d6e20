import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { configuratorContent } from "@/components/configurator/static-content";
import { ChangeConfigurator } from "@/components/orders/change-configurator";
import { requireUser } from "@/lib/auth/guards";
import { parseDefinition } from "@/lib/configurator";
import { allFixes } from "@/lib/configurator/evaluate/fix";
import { configuratorView } from "@/lib/configurator/view";
import { getDb } from "@/lib/db";
import { getChangeableOrder } from "@/lib/orders/change-preview";
import { changeModeFor, noChangeMessage } from "@/lib/orders/revision";
import { orderNumberSchema } from "@/lib/orders/schema";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { getChangePolicy } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Change specification" };

/** The configurator on the order's own configuration and product version, to change it (issue 23). */
export default async function ChangeOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}/change`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const db = await getDb();
  const order = await getChangeableOrder(db, user.id, number);
  if (!order) notFound();
  const mode = changeModeFor(order.status, await getChangePolicy(db));
  const parsed = parseDefinition(order.productVersion.definition);
  const snapshot = order.snapshot as OrderSnapshot;
  const back = <Link href={`/orders/${order.number}`} className="text-brand-700 underline">Back to your order</Link>;
  if (mode === "none" || !parsed.ok) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-2xl font-semibold">This order cannot be changed online</h1>
        <p className="mt-2 text-stone-600">{parsed.ok ? noChangeMessage(order.status) : "This product's definition cannot be read; please contact us."}</p>
        <p className="mt-4">{back}</p>
      </div>
    );
  }
  const initial = { ...configuratorView(parsed.definition, snapshot.selection, order.quantity, order.currency), fixes: allFixes(parsed.definition, snapshot.selection) };
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href="/orders" className="underline">My orders</Link> / <Link href={`/orders/${order.number}`} className="underline">{order.number}</Link> / change
      </nav>
      <header>
        <h1 className="text-2xl font-semibold sm:text-3xl">{mode === "direct" ? "Change specification" : "Request a change"}: {order.product.name}</h1>
        <p className="mt-1 text-sm text-stone-600">
          Your order keeps version {order.productVersion.version} of the product, as it was priced.{" "}
          {mode === "request" ? "Production has started, so the workshop reviews the change before it is made." : "Nothing changes until you confirm on the next page."}
        </p>
      </header>
      <ChangeConfigurator
        number={order.number}
        product={{ slug: order.product.slug, name: order.product.name }}
        definition={parsed.definition}
        currency={order.currency}
        content={configuratorContent(parsed.definition, order.currency)}
        initial={initial}
        currentTotalCents={order.totalCents}
        mode={mode}
      />
    </div>
  );
}
