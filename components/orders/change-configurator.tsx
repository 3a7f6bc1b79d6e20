"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import type { ConfiguratorContent } from "@/components/configurator/static-content";
import type { Definition } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import { formatCents } from "@/lib/money";

/**
 * The configurator on an order's configuration (issue 23): the customer changes what they like, then reviews
 * the new price, the difference and the new delivery date (worked out by the server) before confirming.
 */
export function ChangeConfigurator({ number, product, definition, currency, content, initial, ordered, currentTotalCents, mode, versionId }: {
  number: string;
  product: { slug: string; name: string };
  definition: Definition;
  currency: string;
  /** The configurator's fixed texts (components/configurator/static-content), built by the server page. */
  content: ConfiguratorContent;
  initial: ConfiguratorView;
  /** The order's own configuration (share code and quantity): the same one again is no change. */
  ordered: { code: string; quantity: number };
  currentTotalCents: number;
  mode: "direct" | "request";
  /** The product's newer version the order moves onto (a change in itself), or null: the order's own version. */
  versionId: string | null;
}) {
  const [config, setConfig] = useState({ code: initial.code, quantity: initial.quantity });
  // The view's own share code: the change page needs no share codec of its own (it would bring the engine's).
  const onChange = useCallback((view: ConfiguratorView) => setConfig({ code: view.code, quantity: view.quantity }), []);
  const changed = versionId !== null || config.code !== ordered.code || config.quantity !== ordered.quantity;
  const review = mode === "direct" ? "Review change" : "Review request";
  return (
    <div className="space-y-4">
      <div className="cc-bar">
        <p className="text-stone-800">Your order now: <strong className="tabular-nums">{formatCents(currentTotalCents, currency)}</strong>. {changed ? "Review the change to see the new price and delivery date." : "Change any choice below."}</p>
        {changed ? (
          <Link href={`/orders/${number}/change/review?c=${encodeURIComponent(config.code)}&q=${config.quantity}${versionId ? `&v=${encodeURIComponent(versionId)}` : ""}`} className="cc-go">{review}</Link>
        ) : (
          <span className="cc-go cc-off" aria-disabled="true">{review}</span>
        )}
      </div>
      <ProductConfigurator product={product} definition={definition} currency={currency} content={content} initial={initial} preview onConfigurationChange={onChange} />
    </div>
  );
}
