"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { readEstimateJson, type DeliveryEstimate } from "@/lib/delivery/estimate-json";
import type { ConfiguratorEngine } from "./use-configuration";

type ServerEstimate = NonNullable<ReturnType<typeof readEstimateJson>>;
/** `context` is checked by the engine when it needs it (the first view needs only `first`). */
export type DeliveryState = { status: "loading" } | { status: "ready"; context: unknown; first: ServerEstimate | null } | { status: "error" };

/**
 * The shop's delivery context, fetched once from /api/delivery-context, with the server's estimate for the
 * first view's lead days and production hours (so the week shows before the engine loads).
 */
export function useDeliveryContext(first: { leadDays: number; productionHours: number }): DeliveryState {
  const [state, setState] = useState<DeliveryState>({ status: "loading" });
  const { leadDays, productionHours } = first;
  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({ leadDays: String(leadDays), productionHours: String(productionHours) });
    fetch(`/api/delivery-context?${query}`, { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body: { estimate?: unknown }) => setState({ status: "ready", context: body, first: readEstimateJson(body?.estimate) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          console.error("delivery context", error);
          setState({ status: "error" });
        }
      });
    return () => controller.abort();
  }, [leadDays, productionHours]);
  return state;
}

export type EstimateState = { status: "loading" } | { status: "error" } | { status: "ready"; estimate: DeliveryEstimate };

/**
 * The estimate for the current lead days and production hours: the server's while they are the first
 * view's, the engine's afterwards (loaded when needed); while the engine loads, the last one shown.
 */
export function useDeliveryEstimate(
  delivery: DeliveryState,
  leadDays: number,
  productionHours: number,
  engine: ConfiguratorEngine | null,
  loadEngine: () => void,
): EstimateState {
  const wanted = useMemo((): EstimateState | null => {
    if (delivery.status !== "ready") return delivery;
    const { first, context } = delivery;
    if (first && first.leadDays === leadDays && first.productionHours === productionHours) return { status: "ready", estimate: first.estimate };
    if (!engine) return null;
    const estimate = engine.estimateFor(context, leadDays, productionHours);
    return estimate ? { status: "ready", estimate } : { status: "error" };
  }, [delivery, leadDays, productionHours, engine]);
  const last = useRef<EstimateState>({ status: "loading" });
  useEffect(() => {
    if (wanted) last.current = wanted;
    else loadEngine();
  });
  return wanted ?? last.current;
}
