import type { WorkItem } from "./estimate-json";

/** A configuration's work per work centre in routing order (the engine's `operations`), as estimates take it. */
export function workOf(result: { operations: readonly { workCentre: string; hours: number; label: string }[] }): WorkItem[] {
  return result.operations.map((o) => ({ workCentre: o.workCentre, hours: o.hours, label: o.label }));
}
