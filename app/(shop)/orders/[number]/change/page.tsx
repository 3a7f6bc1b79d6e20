import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { configuratorContent } from "@/components/configurator/static-content";
import { ChangeConfigurator } from "@/components/orders/change-configurator";
import { requireUser } from "@/lib/auth/guards";
import { getCurrentVersion } from "@/lib/catalog/queries";
import { encodeSelection, parseDefinition } from "@/lib/configurator";
import { allFixes } from "@/lib/configurator/evaluate/fix";
import { readShareLink, shareLinkSearch } from "@/lib/configurator/share/share-link";
import { configuratorView } from "@/lib/configurator/view";
import { getDb } from "@/lib/db";
import { getChangeableOrder } from "@/lib/orders/change-preview";
import { planReorder } from "@/lib/orders/reorder";
import { changeModeFor, noChangeMessage } from "@/lib/orders/revision";
import { orderNumberSchema } from "@/lib/orders/schema";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { getChangePolicy } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Change specification" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ onto?: string | string[]; c?: string | string[]; q?: string | string[] }> };

/**
 * The configurator on the order's own configuration and product version, to change it (issue 23). When the
 * product has a newer published version, the customer may move the order onto it (`?onto=` its id): the
 * configuration is carried over as "Order again" does, with what differs in words.
 */
export default async function ChangeOrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { onto, c, q } = await searchParams;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}/change`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const db = await getDb();
  const order = await getChangeableOrder(db, user.id, number);
  if (!order) notFound();
  const mode = changeModeFor(order.status, await getChangePolicy(db));
  const own = parseDefinition(order.productVersion.definition);
  const snapshot = order.snapshot as OrderSnapshot;
  const back = <Link href={`/orders/${order.number}`} className="text-brand-700 underline">Back to your order</Link>;
  if (mode === "none" || !own.ok) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-2xl font-semibold">This order cannot be changed online</h1>
        <p className="mt-2 text-stone-600">{own.ok ? noChangeMessage(order.status) : "This product's definition cannot be read; please contact us."}</p>
        <p className="mt-4">{back}</p>
      </div>
    );
  }
  const current = await getCurrentVersion(db, order.product.id);
  const newer = current && current.id !== order.productVersion.id && current.version > order.productVersion.version ? current : null;
  const moving = newer !== null && onto === newer.id;
  const definition = moving ? newer.definition : own.definition;
  const carried = moving ? planReorder(snapshot, newer.definition) : null;
  // Back from the review, the address carries the configuration being changed (read as a share link is).
  const edited = readShareLink(definition, shareLinkSearch(c, q));
  const selection = edited.selection ?? carried?.selection ?? snapshot.selection;
  const quantity = edited.quantity ?? order.quantity;
  const initial = { ...configuratorView(definition, selection, quantity, order.currency), fixes: allFixes(definition, selection) };
  const here = `/orders/${order.number}/change`;
  const definitionKey = moving ? newer.id : order.productVersion.id;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href="/orders" className="underline">My orders</Link> / <Link href={`/orders/${order.number}`} className="underline">{order.number}</Link> / change
      </nav>
      <header>
        <h1 className="text-2xl font-semibold sm:text-3xl">{mode === "direct" ? "Change specification" : "Request a change"}: {order.product.name}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {moving ? `Your order moves onto the ${order.product.name} as it is sold today.` : "Your order keeps the product as it was when you ordered it, at its prices."}{" "}
          {mode === "request" ? "Production has started, so the workshop reviews the change before it is made." : "Nothing changes until you confirm on the next page."}
        </p>
      </header>
      {typeof onto === "string" && !moving && onto !== order.productVersion.id ? (
        <p role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          That version of the product is no longer the one on sale{newer ? ` (version ${newer.version} is, below)` : ""}: you are changing your order on the version it has.
        </p>
      ) : null}
      {newer && !moving ? (
        <section aria-labelledby="newer" className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm">
          <h2 id="newer" className="font-semibold">The {order.product.name} has been updated since you ordered it</h2>
          <p className="mt-1 text-stone-700">Your order keeps version {order.productVersion.version}, as it was priced. You may move it onto version {newer.version}, with today&apos;s options and prices.</p>
          <p className="mt-2"><Link href={`${here}?onto=${encodeURIComponent(newer.id)}`} className="font-medium text-brand-700 underline">Change onto version {newer.version}</Link></p>
        </section>
      ) : null}
      {moving && carried ? (
        <section aria-labelledby="moved" className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm">
          <h2 id="moved" className="font-semibold">Moving your order from version {order.productVersion.version} to version {newer.version}</h2>
          <ul className="mt-1 list-disc pl-5 text-stone-700" data-testid="carry-over-differences">
            {carried.differences.map((d, i) => <li key={i}>{d}</li>)}
            {carried.differences.length === 0 ? <li>Every choice of your order is still available as it was.</li> : null}
            {carried.valid ? null : carried.problems.map((p, i) => <li key={`p${i}`} className="text-amber-900">{p}</li>)}
          </ul>
          <p className="mt-2"><Link href={here} className="text-brand-700 underline">Keep version {order.productVersion.version} instead</Link></p>
        </section>
      ) : null}
      {/* Keyed by the version: moving onto the newer one (a link to this page) starts the configurator afresh. */}
      <ChangeConfigurator
        key={definitionKey}
        number={order.number}
        product={{ slug: order.product.slug, name: order.product.name }}
        definition={definition}
        currency={order.currency}
        content={configuratorContent(definition, order.currency)}
        initial={initial}
        ordered={{ code: encodeSelection(snapshot.selection), quantity: order.quantity }}
        currentTotalCents={order.totalCents}
        mode={mode}
        versionId={moving ? newer.id : null}
      />
    </div>
  );
}
