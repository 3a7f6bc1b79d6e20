"use client";

import Link from "next/link";
import { useState } from "react";
import type { EvaluateResult } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { SaveDesignLink } from "@/components/designs/save-design-link";
import { DeliveryEstimate } from "./delivery-estimate";
import type { EstimateState } from "./use-delivery-context";

type Props = {
  slug: string;
  name: string;
  result: EvaluateResult;
  /** The breakdown lines' text, worded with the view (lib/configurator/view). */
  lines: string[];
  code: string;
  /** The quantity field as typed (it may be empty while the customer retypes it). */
  quantityText: string;
  /** The most units per order (the shop's one limit: the checkout and the server apply the same). */
  maxQuantity: number;
  /** Why the typed quantity cannot be ordered (empty, not digits, over the limit), or null. The order is blocked, never clamped. */
  quantityProblem: string | null;
  /** False when the typed quantity cannot be priced (empty, 0, not digits): no total is shown for another quantity. */
  priced: boolean;
  onQuantityText: (text: string) => void;
  onReset: () => void;
  /** Copies the share link, with the engine (copyShareLink), and says what happened. */
  onShare: () => Promise<string>;
  currency: string;
  delivery: EstimateState;
  /** From the engine: that a large order waits for approval. */
  note: React.ReactNode;
  /** True while the engine loads after a change: the figures shown are the previous ones. */
  updating: boolean;
  preview: boolean;
};

/** The summary: itemized breakdown, total, delivery estimate, open problems, Order, share and reset. */
export function SummaryPanel({ slug, name, result, lines, code, quantityText, maxQuantity, quantityProblem, priced, onQuantityText, onReset, onShare, currency, delivery, note, updating, preview }: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const orderHref = `/products/${slug}/order?c=${code}&q=${result.quantity}`;
  const blocked = result.problems;

  const copyLink = () => onShare().then(setCopied, () => setCopied("The link could not be copied: check your connection and try again."));

  // While a change waits for the engine the summary is busy, and dimmed only when that takes more than a moment.
  return (
    <section
      aria-labelledby="summary-heading"
      id="summary"
      aria-busy={updating || undefined}
      className={updating ? "sp sp-busy" : "sp"}
    >
      <h2 id="summary-heading" className="text-lg font-semibold">Your {name}</h2>

      <table className="mt-3 w-full text-sm" data-testid="breakdown">
        <caption className="sr-only">Price breakdown</caption>
        <thead className="sr-only">
          <tr><th scope="col">Item</th><th scope="col">Amount</th></tr>
        </thead>
        <tbody>
          {result.breakdown.lines.map((line, i) => (
            <tr key={`${line.kind}-${line.group ?? ""}-${line.option ?? ""}-${line.ruleId ?? ""}-${i}`} className="sp-line">
              <th scope="row" className={line.kind === "rule" || line.kind === "premium" ? "sp-item sp-dim" : "sp-item"}>{lines[i]}</th>
              <td className={line.amountCents < 0 ? "sp-amt sp-neg" : "sp-amt"}>{formatCents(line.amountCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="sp-qty">
        <label htmlFor="quantity" className="text-sm text-stone-700">Quantity</label>
        <input
          id="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          step={1}
          value={quantityText}
          onChange={(e) => onQuantityText(e.currentTarget.value)}
          aria-invalid={quantityProblem ? true : undefined}
          aria-describedby={quantityProblem ? "quantity-limit" : undefined}
          className={quantityProblem ? "sp-qty-in cf-bad" : "sp-qty-in"}
        />
      </div>
      <div aria-live="polite">
        {quantityProblem ? <p id="quantity-limit" className="sp-qty-err" data-testid="quantity-limit">{quantityProblem}</p> : null}
      </div>
      {note}

      <div className="sp-total">
        <span className="text-base font-medium">Total</span>
        <output className="sp-total-v" data-testid="total" aria-live="polite">
          {priced ? formatCents(result.totalCents, currency) : <span className="sp-total-none">Enter a quantity</span>}
        </output>
      </div>
      {priced && result.quantity > 1 ? <p className="text-right text-xs text-stone-500">{formatCents(result.unitPriceCents, currency)} each</p> : null}

      <div className="mt-4">
        <DeliveryEstimate delivery={delivery} result={result} />
      </div>

      {blocked.length > 0 ? (
        <div className="sp-probs" role="status" data-testid="problems">
          <p className="sp-probs-t">To finish your configuration</p>
          <ul className="sp-probs-l">
            {blocked.map((p, i) => (
              <li key={`${p.code}-${p.group ?? ""}-${p.ruleId ?? ""}-${i}`}>
                {p.group ? <a href={`#group-${p.group}`} className="underline underline-offset-2">{p.message}</a> : p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview ? null : result.valid && !quantityProblem ? (
        // While a change waits for the engine, the link would carry the previous configuration: it waits too.
        <Link
          href={orderHref}
          aria-disabled={updating || undefined}
          onClick={updating ? (event) => event.preventDefault() : undefined}
          className="sp-order">
          Order
        </Link>
      ) : (
        <>
          <button type="button" disabled aria-describedby="order-blocked" className="sp-order-off">
            Order
          </button>
          <p id="order-blocked" className="sp-order-why">
            {quantityProblem ? `Cannot order yet: ${quantityProblem}` : blocked.length === 1 ? `Cannot order yet: ${blocked[0]!.message}` : `Cannot order yet: ${blocked.length} choices need attention`}
          </p>
        </>
      )}

      <div className="sp-acts">
        <button type="button" onClick={copyLink} className="sp-act sp-link">
          Copy share link
        </button>
        {preview ? null : <SaveDesignLink slug={slug} code={code} quantity={result.quantity} disabled={updating} />}
        <button type="button" onClick={onReset} className="sp-reset">
          Reset to defaults
        </button>
      </div>
      <p aria-live="polite" className="sp-copied">{copied}</p>
    </section>
  );
}
