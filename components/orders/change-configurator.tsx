"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import type { Definition, Selection } from "@/lib/configurator";
import { encodeSelection } from "@/lib/configurator/share/share-codec";
import type { ConfiguratorView } from "@/lib/configurator/view";
import { formatCents } from "@/lib/money";

/**
 * The configurator on an order's configuration (issue 23): the customer changes what they like, then reviews
 * the new price, the difference and the new delivery date (worked out by the server) before confirming.
 */
export function ChangeConfigurator({ number, product, definition, currency, initial, currentTotalCents, mode }: {
  number: string;
  product: { slug: string; name: string };
  definition: Definition;
  currency: string;
  initial: ConfiguratorView;
  currentTotalCents: number;
  mode: "direct" | "request";
}) {
  const [config, setConfig] = useState({ code: initial.code, quantity: initial.quantity });
  const onChange = useCallback((selection: Selection, quantity: number) => setConfig({ code: encodeSelection(selection), quantity }), []);
  const changed = config.code !== initial.code || config.quantity !== initial.quantity;
  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-30 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 text-sm shadow-sm">
        <p className="text-stone-800">Your order now: <strong className="tabular-nums">{formatCents(currentTotalCents, currency)}</strong>. {changed ? "Review the change to see the new price and delivery date." : "Change any choice below."}</p>
        {changed ? (
          <Link href={`/orders/${number}/change/review?c=${encodeURIComponent(config.code)}&q=${config.quantity}`} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900">
            {mode === "direct" ? "Review change" : "Review request"}
          </Link>
        ) : (
          <span className="rounded-md bg-stone-200 px-4 py-2 font-semibold text-stone-700" aria-disabled="true">{mode === "direct" ? "Review change" : "Review request"}</span>
        )}
      </div>
      <ProductConfigurator product={product} definition={definition} currency={currency} initial={initial} preview onConfigurationChange={onChange} />
    </div>
  );
}
