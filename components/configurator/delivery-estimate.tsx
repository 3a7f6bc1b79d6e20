"use client";

import type { EvaluateResult } from "@/lib/configurator";
import { formatDate } from "@/lib/dates";
import { reasonText } from "@/lib/delivery/estimate-json";
import type { EstimateState } from "./use-delivery-context";

type Props = { delivery: EstimateState; result: EvaluateResult };

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "Estimated delivery: Thursday 14 January 2027" with why (materials, a work centre booked up, a closure), updated on every change. */
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
          <>{dayFormat.format(estimate.promisedDate)}</>
        ) : (
          estimate?.message ?? ""
        )}
      </p>
      {estimate?.ok ? <p className="text-xs text-stone-600">Delivered by {formatDate(estimate.promisedDate)} at the latest</p> : null}
      {estimate?.ok && estimate.reasons.some((r) => r.kind !== "materials") ? (
        <ul className="de-reasons" data-testid="delivery-reasons" aria-label="Why this date">
          {estimate.reasons.filter((r) => r.kind !== "materials").map((r) => (
            <li key={reasonText(r)} className="flex gap-2">
              <span aria-hidden className="de-dot de-dot-warn" />
              {reasonText(r)}
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
