"use client";

import type { EvaluateResult } from "@/lib/configurator";
import type { EstimateState } from "./use-delivery-context";

type Props = { delivery: EstimateState; result: EvaluateResult };

/**
 * "Estimated delivery: Thursday 14 January 2027" with why (materials, a work centre booked up, a closure),
 * updated on every change. The estimate comes worded (lib/delivery/estimate-json, ShownEstimate).
 */
export function DeliveryEstimate({ delivery, result }: Props) {
  const { productionHours, leadDrivers } = result;
  const estimate = delivery.status === "ready" ? delivery.estimate : null;
  const drivers = leadDrivers.filter((d) => d.days > 0).sort((a, b) => b.days - a.days);
  return (
    <div className="rounded-xl bg-stone-100 p-4" data-testid="delivery">
      <p className="text-sm text-stone-600">Estimated delivery</p>
      <p className="de-date" data-testid="delivery-date">
        {delivery.status === "loading" ? (
          <>
            {/* A plain span may not carry aria-label (axe: aria-prohibited-attr): the placeholder is hidden and the words are for screen readers. */}
            <span aria-hidden className="de-wait" />
            <span className="sr-only">Calculating…</span>
          </>
        ) : delivery.status === "error" ? (
          "Confirmed when you order"
        ) : estimate?.ok ? (
          estimate.date
        ) : (
          estimate?.message ?? ""
        )}
      </p>
      {estimate?.ok ? <p className="text-xs text-stone-600">Delivered by {estimate.latest} at the latest</p> : null}
      {estimate?.ok && estimate.why.length ? (
        <ul className="de-reasons" data-testid="delivery-reasons" aria-label="Why this date">
          {estimate.why.map((reason) => (
            <li key={reason} className="flex gap-2">
              <span aria-hidden className="de-dot de-dot-warn" />
              {reason}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="de-drivers" data-testid="lead-drivers">
        {drivers.map((d) => (
          <li key={`${d.kind}-${d.group ?? ""}-${d.option ?? ""}-${d.ruleId ?? ""}`} className="flex gap-2">
            <span aria-hidden className="de-dot" />
            {d.message}
          </li>
        ))}
        <li className="flex gap-2">
          <span aria-hidden className="de-dot" />
          {formatHours(productionHours)} of workshop time
        </li>
      </ul>
      <p className="de-note">The date is confirmed and reserved in the workshop when you order.</p>
    </div>
  );
}

function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} hour${rounded === 1 ? "" : "s"}`;
}
