"use client";

import { useEffect, useMemo, useRef } from "react";
import { readEstimateJson, workSignature, type ShownEstimate, type WorkItem } from "@/lib/delivery/estimate-json";
import type { ConfiguratorEngine } from "./use-configuration";
import { useLazy } from "@/components/ui/use-lazy";

type ServerEstimate = NonNullable<ReturnType<typeof readEstimateJson>>;
/** `context` is checked by the engine when it needs it (the first view needs only `first`). */
export type DeliveryState = { status: "loading" } | { status: "ready"; context: unknown; first: ServerEstimate | null } | { status: "error" };

/**
 * The shop's delivery context, fetched once from /api/delivery-context, with the server's estimate for the
 * first view's lead days and work per centre (so the date shows before the engine loads). A page rendered per
 * request (a share link) passes it in (`given`, the same JSON) and nothing is fetched.
 */
export function useDeliveryContext(first: { leadDays: number; work: readonly WorkItem[] }, given?: unknown): DeliveryState {
  const { leadDays } = first;
  const work = workSignature(first.work);
  const passed = useMemo((): DeliveryState | null => (given ? readContext(given) : null), [given]);
  const context = useLazy(() => fetchContext(leadDays, work), "delivery context");
  const { load } = context;
  useEffect(() => {
    if (!passed) void load().catch(() => undefined);
  }, [load, passed]);
  return passed ?? context.value ?? (context.failed ? ERROR : LOADING);
}

const LOADING: DeliveryState = { status: "loading" };
const ERROR: DeliveryState = { status: "error" };

async function fetchContext(leadDays: number, work: string): Promise<DeliveryState> {
  const query = new URLSearchParams({ leadDays: String(leadDays), work });
  const response = await fetch(`/api/delivery-context?${query}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return readContext(await response.json());
}

/** The context as /api/delivery-context sends it (JSON), with the estimate for the first view it carries. */
function readContext(json: unknown): DeliveryState {
  const body = json as { estimate?: unknown } | null;
  return { status: "ready", context: body, first: readEstimateJson(body?.estimate) };
}

export type EstimateState = { status: "loading" } | { status: "error" } | { status: "ready"; estimate: ShownEstimate };

/**
 * The estimate for the current lead days and work: the server's while they are the first view's, the
 * engine's afterwards (loaded when needed); while the engine loads, the last one shown.
 */
export function useDeliveryEstimate(
  delivery: DeliveryState,
  leadDays: number,
  work: readonly WorkItem[],
  engine: ConfiguratorEngine | null,
  loadEngine: () => void,
): EstimateState {
  const signature = workSignature(work);
  const wanted = useMemo((): EstimateState | null => {
    if (delivery.status !== "ready") return delivery;
    const { first, context } = delivery;
    if (first && first.leadDays === leadDays && first.work === signature) return { status: "ready", estimate: first.estimate };
    if (!engine) return null;
    const estimate = engine.estimateFor(context, leadDays, work);
    return estimate ? { status: "ready", estimate } : { status: "error" };
    // `work` is read through its signature: a new array with the same work is the same estimate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [delivery, leadDays, signature, engine]);
  const last = useRef<EstimateState>({ status: "loading" });
  useEffect(() => {
    if (wanted) last.current = wanted;
    else loadEngine();
  });
  return wanted ?? last.current;
}
