"use client";

import { useEffect, useState } from "react";
import { isDeliveryContext, type DeliveryContext } from "@/lib/catalog/delivery";

export type DeliveryState = { status: "loading" } | { status: "ready"; context: DeliveryContext } | { status: "error" };

/** The shop's delivery context: the one given, or fetched once from /api/delivery-context. */
export function useDeliveryContext(given: DeliveryContext | null): DeliveryState {
  const [state, setState] = useState<DeliveryState>(given ? { status: "ready", context: given } : { status: "loading" });
  useEffect(() => {
    if (given) {
      setState({ status: "ready", context: given });
      return;
    }
    const controller = new AbortController();
    fetch("/api/delivery-context", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body: unknown) => setState(isDeliveryContext(body) ? { status: "ready", context: body } : { status: "error" }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          console.error("delivery context", error);
          setState({ status: "error" });
        }
      });
    return () => controller.abort();
  }, [given]);
  return state;
}
